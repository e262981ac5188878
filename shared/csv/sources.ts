/**
 * Reading a lead's source from whatever a spreadsheet says: our ids ("trade-show"), the labels the
 * app shows in either language ("展示会・名刺交換", "Trade show / business card"), and the words
 * people use for each channel (展示会, セミナー, テレアポ, LinkedIn …).
 */
import { SOURCE_IDS, type SourceId } from '../domain/model';
import { foldKey } from './text';

/**
 * Words for each source, beyond its id and labels. Matched whole first; then, for free text such as
 * "展示会（東京ビッグサイト）" or "Newsletter quote button", the longest word the text contains.
 * Very short Latin words ("x", "ad") only match whole, so "Xerox" is not a social lead.
 */
export const SOURCE_WORDS: Record<SourceId, readonly string[]> = {
  'web-form': ['問い合わせ', '問合せ', '問合わせ', 'お問い合わせ', 'お問合せ', '問い合わせフォーム', 'webフォーム', 'フォーム', 'inquiry', 'enquiry', 'contactform', 'webform', 'form'],
  'document-download': ['資料請求', '資料ダウンロード', '資料dl', 'ホワイトペーパー', 'eブック', 'whitepaper', 'ebook', 'download', 'documentrequest'],
  newsletter: ['メルマガ', 'メールマガジン', 'ニュースレター', 'メール配信', 'newsletter', 'mailmagazine'],
  webinar: ['ウェビナー', 'オンラインセミナー', 'セミナー', 'webinar', 'seminar'],
  'trade-show': ['展示会', '名刺交換', '名刺', '見本市', 'イベント', 'tradeshow', 'exhibition', 'expo', 'conference', 'event', 'businesscard'],
  seo: ['seo', 'ブログ', 'オウンドメディア', '自然検索', 'オーガニック', 'blog', 'organicsearch', 'organic'],
  // Ads on social networks are web ads: these beat the network's name, being longer.
  'web-ad': ['linkedin広告', 'facebook広告', 'instagram広告', 'twitter広告', 'youtube広告', 'sns広告', 'linkedinads', 'facebookads', 'web広告', 'ネット広告', 'リスティング広告', 'リスティング', 'ディスプレイ広告', '広告', 'webad', 'googleads', 'adwords', 'ppc', 'ads', 'ad'],
  social: ['sns', 'ソーシャル', 'ツイッター', 'フェイスブック', 'インスタグラム', 'twitter', 'facebook', 'linkedin', 'instagram', 'youtube', 'social', 'x'],
  referral: ['紹介', 'リファラル', '口コミ', 'referral', 'introduction', 'wordofmouth'],
  'existing-customer': ['既存顧客', '既存取引先', '既存', 'アップセル', 'クロスセル', 'existingcustomer', 'customer', 'upsell'],
  outbound: ['アウトバウンド', 'テレアポ', '架電', 'コールドコール', '電話営業', '飛び込み', 'outbound', 'coldcall', 'coldemail', 'telemarketing'],
  other: ['その他', '不明', 'other', 'unknown', 'misc'],
};

export type SourceGuess = { source: SourceId; exact: boolean } | null;

export interface SourceMatcher {
  guess(text: string): SourceGuess;
}

/** `labels` are the source labels the app shows, per language (leads.source.* in ja and en). */
export function sourceMatcher(labels: readonly Partial<Record<SourceId, string>>[]): SourceMatcher {
  const whole = new Map<string, SourceId>();
  const partial: { word: string; source: SourceId }[] = [];
  for (const source of SOURCE_IDS) {
    const words = [source, ...labels.map((l) => l[source] ?? ''), ...SOURCE_WORDS[source]].map(foldKey).filter(Boolean);
    for (const word of words) {
      if (!whole.has(word)) whole.set(word, source);
      // Latin words need 3 letters and CJK words 2 characters to be found inside longer text.
      const long = /^[\x20-\x7e]+$/.test(word) ? word.length >= 3 : word.length >= 2;
      if (long) partial.push({ word, source });
    }
  }
  partial.sort((a, b) => b.word.length - a.word.length);
  const cache = new Map<string, SourceGuess>();
  return {
    guess(text: string): SourceGuess {
      const key = foldKey(text);
      if (!key) return null;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const exact = whole.get(key);
      const found = exact ? { source: exact, exact: true } : partial.find((p) => key.includes(p.word));
      const result: SourceGuess = found ? { source: found.source, exact: 'exact' in found ? found.exact : false } : null;
      cache.set(key, result);
      return result;
    },
  };
}

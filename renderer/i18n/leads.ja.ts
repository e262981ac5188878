/** リード画面の枠と入力エラーのメッセージ。ja.ts に `leads` として統合される。 */
import type { leadsEn } from './leads.en';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const leadsJa: Widen<typeof leadsEn> = {
  title: 'リード',
  sections: 'リードの画面',
  section: { board: 'パイプライン', list: '一覧', initiatives: '施策', goals: '目標', csv: '取り込み・書き出し' },
  quickAdd: 'リードを追加',
  businessCards: '名刺を追加',
  stage: {
    new: '新規',
    contacted: '接触済み',
    opportunity: '商談',
    proposal: '提案',
    won: '受注',
    lost: '失注',
    dropped: 'クローズ',
  },
  source: {
    'web-form': 'Web問い合わせフォーム',
    'document-download': '資料請求',
    newsletter: 'メルマガ',
    webinar: 'ウェビナー',
    'trade-show': '展示会・名刺交換',
    seo: 'SEO・ブログ',
    'web-ad': 'Web広告',
    social: 'SNS',
    referral: '紹介',
    'existing-customer': '既存顧客',
    outbound: 'アウトバウンド（電話・メール）',
    other: 'その他',
  },
  origin: { marketing: 'マーケティング起点', sales: '営業起点' },
  lossReason: { price: '価格', timing: 'タイミング', competitor: '競合', 'no-need': 'ニーズなし', 'no-response': '反応なし', other: 'その他' },
  channel: { call: '電話', email: 'メール', visit: '訪問', meeting: '打ち合わせ' },
  error: {
    nameRequired: '会社名か担当者名を入力してください。',
    negativeValue: '金額はマイナスにできません。',
    absurdValue: '商談の金額としては大きすぎます。',
    email: 'name@example.com のようなメールアドレスを入力してください。',
    closeBeforeCreation: '受注予定日はリード登録日より前にできません。',
    valueRequired: '受注金額を入力してください。',
    lossReasonRequired: '失注理由を選んでください。',
    dropReasonRequired: 'クローズする理由を入力してください。',
  },
};

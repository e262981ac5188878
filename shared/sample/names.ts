/**
 * Fake companies and people for the sample leads: Japanese in ja, English-looking in en.
 * E-mail addresses use the reserved `.example` top-level domain (RFC 2606), so a sample address
 * clicked in the app can never reach a real company. No phone numbers, for the same reason.
 */
import type { SampleLanguage } from './context';
import type { Random } from './random';

/** [kanji, romaji]: the romaji builds the e-mail domain. */
const JA_COMPANY_STEMS: readonly (readonly [string, string])[] = [
  ['東和', 'towa'], ['丸一', 'maruichi'], ['大和', 'yamato'], ['北斗', 'hokuto'], ['三協', 'sankyo'],
  ['日進', 'nisshin'], ['共栄', 'kyoei'], ['昭和', 'showa'], ['中央', 'chuo'], ['富士見', 'fujimi'],
  ['明星', 'myojo'], ['光和', 'kowa'], ['新栄', 'shinei'], ['太陽', 'taiyo'], ['旭', 'asahi'],
  ['若葉', 'wakaba'], ['桜井', 'sakurai'], ['青葉', 'aoba'], ['瑞穂', 'mizuho'], ['浜松', 'hamamatsu'],
  ['相模', 'sagami'], ['近江', 'omi'], ['信濃', 'shinano'], ['播磨', 'harima'], ['筑紫', 'tsukushi'],
  ['三友', 'sanyu'], ['協和', 'kyowa'], ['千代田', 'chiyoda'], ['平和', 'heiwa'], ['松葉', 'matsuba'],
  ['高砂', 'takasago'], ['若松', 'wakamatsu'], ['日の出', 'hinode'], ['双葉', 'futaba'], ['宮本', 'miyamoto'],
  ['岡田', 'okada'], ['石川', 'ishikawa'], ['北陸', 'hokuriku'], ['東邦', 'toho'], ['南海', 'nankai'],
];

const JA_INDUSTRIES: readonly (readonly [string, string])[] = [
  ['精機', 'seiki'], ['工業', 'kogyo'], ['製作所', 'ss'], ['商事', 'shoji'], ['技研', 'giken'],
  ['電機', 'denki'], ['化成', 'kasei'], ['物産', 'bussan'], ['運輸', 'unyu'], ['建設', 'kensetsu'],
  ['システム', 'system'], ['ソリューションズ', 'solutions'], ['印刷', 'insatsu'], ['食品', 'foods'],
  ['設計', 'sekkei'], ['金属', 'kinzoku'], ['産業', 'sangyo'], ['テクノ', 'techno'], ['樹脂', 'jushi'], ['包装', 'hoso'],
];

const JA_SURNAMES: readonly (readonly [string, string])[] = [
  ['佐藤', 'sato'], ['鈴木', 'suzuki'], ['高橋', 'takahashi'], ['田中', 'tanaka'], ['伊藤', 'ito'],
  ['渡辺', 'watanabe'], ['山本', 'yamamoto'], ['中村', 'nakamura'], ['小林', 'kobayashi'], ['加藤', 'kato'],
  ['吉田', 'yoshida'], ['山田', 'yamada'], ['佐々木', 'sasaki'], ['山口', 'yamaguchi'], ['松本', 'matsumoto'],
  ['井上', 'inoue'], ['木村', 'kimura'], ['林', 'hayashi'], ['斎藤', 'saito'], ['清水', 'shimizu'],
  ['山崎', 'yamazaki'], ['森', 'mori'], ['池田', 'ikeda'], ['橋本', 'hashimoto'], ['阿部', 'abe'],
  ['石井', 'ishii'], ['前田', 'maeda'], ['藤田', 'fujita'], ['小川', 'ogawa'], ['後藤', 'goto'],
];

const JA_GIVEN_NAMES: readonly string[] = [
  '健太', '翔太', '大輔', '直樹', '拓也', '和也', '亮', '誠', '隆', '浩二',
  '美咲', '陽子', '恵', '由美', '真由美', '智子', '彩', '千尋', '香織', '愛',
];

const JA_TITLES: readonly string[] = [
  '代表取締役', '取締役', '総務部 部長', '製造部 課長', '購買部 係長', '営業企画部 主任',
  '情報システム部 課長', '品質保証部 マネージャー', '経営企画室 室長', '工場長', '生産管理課 課長', '総務課',
];

const EN_COMPANY_STEMS: readonly string[] = [
  'Northfield', 'Bluewater', 'Redwood', 'Silverline', 'Harbor', 'Summit', 'Oakridge', 'Brightway',
  'Clearpoint', 'Ironbridge', 'Maplestone', 'Westgate', 'Greenfield', 'Kestrel', 'Lakeside', 'Pinecrest',
  'Riverside', 'Stonebrook', 'Fairview', 'Eastwind', 'Hillcrest', 'Crescent', 'Granite', 'Meridian',
  'Horizon', 'Falcon', 'Cedar', 'Atlas', 'Beacon', 'Copperleaf', 'Driftwood', 'Evergreen',
  'Foxglove', 'Goldcrest', 'Highland', 'Juniper', 'Larkspur', 'Moorland', 'Norwood', 'Seabright',
];

const EN_INDUSTRIES: readonly string[] = [
  'Precision', 'Industries', 'Manufacturing', 'Trading', 'Engineering', 'Electric', 'Chemicals',
  'Logistics', 'Construction', 'Systems', 'Solutions', 'Printing', 'Foods', 'Design', 'Metals',
  'Components', 'Technologies', 'Plastics', 'Packaging', 'Tooling',
];

const EN_COMPANY_SUFFIXES: readonly string[] = ['Inc.', 'Ltd.', 'Co., Ltd.', 'Corporation', 'LLC'];

const EN_FIRST_NAMES: readonly string[] = [
  'Emma', 'Oliver', 'Sophie', 'James', 'Hannah', 'Daniel', 'Grace', 'Michael', 'Chloe', 'Thomas',
  'Laura', 'David', 'Rachel', 'Andrew', 'Megan', 'Peter', 'Claire', 'Mark', 'Julia', 'Simon',
];

const EN_LAST_NAMES: readonly string[] = [
  'Clark', 'Bennett', 'Hughes', 'Walker', 'Turner', 'Morgan', 'Parker', 'Collins', 'Reed', 'Foster',
  'Hayes', 'Ward', 'Brooks', 'Price', 'Russell', 'Gray', 'Sullivan', 'Porter', 'Ellis', 'Fisher',
  'Barker', 'Mills', 'Lawson', 'Palmer', 'Spencer', 'Webb', 'Holmes', 'Carter', 'Dixon', 'Shaw',
];

const EN_TITLES: readonly string[] = [
  'CEO', 'Director', 'Head of Operations', 'Purchasing Manager', 'Plant Manager', 'IT Manager',
  'Quality Manager', 'Production Planner', 'General Affairs Manager', 'Procurement Lead',
  'Operations Manager', 'Office Manager',
];

export interface FakeCompany {
  name: string;
  /** Under the reserved `.example` TLD. */
  domain: string;
}

export interface FakePerson {
  name: string;
  email: string;
}

/**
 * Draws the same number of random values in both languages, so a seed gives the same structure
 * (times, counts, stages) in ja and en and only the words differ.
 */
export function fakeCompany(rng: Random, lang: SampleLanguage): FakeCompany {
  const form = rng.float();
  const stemIndex = rng.float();
  const industryIndex = rng.float();
  if (lang === 'ja') {
    const [stem, stemRomaji] = at(JA_COMPANY_STEMS, stemIndex);
    const [industry, industryRomaji] = at(JA_INDUSTRIES, industryIndex);
    const core = `${stem}${industry}`;
    const name = form < 0.55 ? `株式会社${core}` : form < 0.9 ? `${core}株式会社` : `有限会社${core}`;
    return { name, domain: `${stemRomaji}-${industryRomaji}.example` };
  }
  const stem = at(EN_COMPANY_STEMS, stemIndex);
  const industry = at(EN_INDUSTRIES, industryIndex);
  const suffix = at(EN_COMPANY_SUFFIXES, form);
  return { name: `${stem} ${industry} ${suffix}`, domain: `${stem}-${industry}.example`.toLowerCase() };
}

export function fakePerson(rng: Random, lang: SampleLanguage, company: FakeCompany): FakePerson {
  const first = rng.float();
  const last = rng.float();
  if (lang === 'ja') {
    const [surname, romaji] = at(JA_SURNAMES, last);
    // Japanese business e-mail is commonly surname-only or initial + surname.
    return { name: `${surname} ${at(JA_GIVEN_NAMES, first)}`, email: `${romaji}@${company.domain}` };
  }
  const given = at(EN_FIRST_NAMES, first);
  const surname = at(EN_LAST_NAMES, last);
  return { name: `${given} ${surname}`, email: `${given}.${surname}@${company.domain}`.toLowerCase() };
}

export function fakeTitle(rng: Random, lang: SampleLanguage): string {
  const r = rng.float();
  return lang === 'ja' ? at(JA_TITLES, r) : at(EN_TITLES, r);
}

/** Picks by a draw already taken, so both languages consume the same randomness. */
function at<T>(items: readonly T[], r: number): T {
  return items[Math.min(items.length - 1, Math.floor(r * items.length))] as T;
}

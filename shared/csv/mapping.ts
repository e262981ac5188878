/**
 * Which column of a CSV file feeds which field of a lead, and a first guess at it from the
 * column names.
 */
import { headerKey } from './text';

/**
 * The fields an import can fill. `department` is put before the title ("営業部 部長") and
 * `personSecond` after the person ("山田 太郎", "Taro Yamada"), because business-card apps and
 * address books keep them in columns of their own while a lead has one title and one name.
 */
export const IMPORT_FIELDS = [
  'company',
  'department',
  'title',
  'person',
  'personSecond',
  'email',
  'phone',
  'source',
  'sourceDetail',
  'initiative',
  'value',
  'createdAt',
  'note',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index per field; null = not imported. */
export type ColumnMapping = Record<ImportField, number | null>;

export const emptyMapping = (): ColumnMapping => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as ColumnMapping;

/**
 * Column names people and tools really use, most specific first, compared after `headerKey`
 * (NFKC, lower case, no spaces or punctuation, so "E-mail", "e-mail" and "Ｅメール" match).
 *
 * Where they come from:
 * - Japanese spreadsheets kept by hand: 会社名/企業名/社名, 氏名/名前/担当者(名), 役職, 部署(名),
 *   メールアドレス, 電話番号, 流入経路/リードソース, 登録日, 金額, 備考/メモ.
 * - Business-card apps. Eight and Sansan exports (and Cybozu's address book) use 会社名, 部署名,
 *   役職, 姓 and 名 in separate columns (also 名前(姓)/名前(名)), e-mail or メールアドレス, and
 *   TEL会社, TEL部門, TEL直通 or 電話番号, 携帯電話, plus 名刺交換日 (the day the card was
 *   exchanged, which is when the lead came in).
 * - English tools (Outlook, Google Contacts, CRMs): Company, First Name, Last Name, Full Name,
 *   Job Title, E-mail Address, Business Phone, Lead Source, Campaign, Amount, Created Date, Notes.
 * - TwoHats' own export, in both languages (passed in by the caller as `extra`, first), so a file
 *   exported here imports back without touching the mapping.
 * A direct line beats a switchboard number for a lead, so TEL直通 comes before TEL会社.
 */
export const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  company: ['会社名', '企業名', '社名', '会社', '法人名', '組織名', '取引先名', '取引先', '勤務先', 'company', 'companyname', 'organization', 'organisation', 'account', 'accountname'],
  department: ['部署名', '部署', '部門', '部門名', '所属', '所属部署', 'department', 'dept', 'division'],
  title: ['役職', '役職名', '肩書', '肩書き', 'title', 'jobtitle', 'position', 'role'],
  person: ['氏名', '名前', '担当者名', '担当者', 'お名前', 'フルネーム', '氏名漢字', 'fullname', 'name', 'contactname', 'contact', 'person'],
  personSecond: [],
  email: ['メールアドレス', 'eメールアドレス', 'eメール', '電子メールアドレス', '電子メール', 'メール', 'email', 'emailaddress', 'mailaddress', 'mail', 'email1'],
  phone: ['電話番号', '電話', 'tel直通', '直通電話番号', '直通電話', '直通', 'tel', 'telephone', 'phone', 'phonenumber', 'businessphone', 'workphone', 'tel部門', 'tel会社', '会社電話番号', '代表電話番号', '携帯電話番号', '携帯電話', '携帯', 'mobile', 'mobilephone'],
  source: ['流入経路', '流入元', 'リードソース', '獲得経路', '流入チャネル', 'チャネル', '経路', '媒体', 'leadsource', 'source', 'channel'],
  sourceDetail: ['流入経路詳細', '流入経路の詳細', '経路詳細', 'ソース詳細', 'sourcedetail', 'sourcedetails'],
  initiative: ['施策', '施策名', 'キャンペーン', 'キャンペーン名', 'initiative', 'campaign', 'campaignname'],
  value: ['金額', '見込み金額', '見込金額', '予定金額', '商談金額', '受注金額', '売上見込み', '案件金額', 'value', 'amount', 'dealvalue', 'expectedvalue'],
  createdAt: ['登録日', '登録日時', '作成日', '作成日時', '獲得日', '名刺交換日', '交換日', '受付日', '問い合わせ日', '問合せ日', '日付', 'createdat', 'created', 'createddate', 'datecreated', 'dateadded', 'date'],
  note: ['備考', 'メモ', '備考欄', 'コメント', '特記事項', 'note', 'notes', 'memo', 'comment', 'comments', 'remarks'],
};

/** Family and given name in their own columns, in the order the name is written. */
const NAME_PAIRS: readonly (readonly [string[], string[]])[] = [
  [['姓', '名前姓', '氏名姓', 'せい'], ['名', '名前名', '氏名名']],
  [['firstname', 'givenname'], ['lastname', 'familyname', 'surname']],
];

/**
 * Column names often carry a unit, a zone or a number after the name: "Value (JPY)", "金額(円)",
 * "登録日_JST", "E-mail 1", "電話番号2". Only such suffixes count, so "mail magazine" is not an email.
 */
const NAME_SUFFIX = /^(?:[a-z]{3}|千?円|万円|税込|税抜|\d{1,2})$/;

/**
 * A first mapping from the header row: exact names first (the caller's `extra` names before the
 * built-in ones), then a few prefixes. A column feeds at most one field.
 */
export function guessMapping(headers: readonly string[], extra: Partial<Record<ImportField, readonly string[]>> = {}): ColumnMapping {
  const keys = headers.map(headerKey);
  const mapping = emptyMapping();
  const used = new Set<number>();
  const take = (field: ImportField, index: number) => {
    mapping[field] = index;
    used.add(index);
  };
  const find = (aliases: readonly string[], match: (key: string, alias: string) => boolean) => {
    for (const alias of aliases.map(headerKey)) {
      if (!alias) continue;
      const index = keys.findIndex((key, i) => !used.has(i) && match(key, alias));
      if (index >= 0) return index;
    }
    return -1;
  };

  // Split names first: "名" alone must not be read as a full name, nor "姓" as anything else.
  for (const [first, second] of NAME_PAIRS) {
    const a = find(first, (k, alias) => k === alias);
    const b = find(second, (k, alias) => k === alias);
    if (a >= 0 && b >= 0) {
      take('person', a);
      take('personSecond', b);
      break;
    }
  }
  for (const field of IMPORT_FIELDS) {
    if (mapping[field] !== null) continue;
    const aliases = [...(extra[field] ?? []), ...HEADER_ALIASES[field]];
    let index = find(aliases, (k, alias) => k === alias);
    if (index < 0) index = find(aliases, (k, alias) => alias.length >= 2 && k.startsWith(alias) && NAME_SUFFIX.test(k.slice(alias.length)));
    if (index >= 0) take(field, index);
  }
  return mapping;
}

const CARD_HEADERS = new Set(['名刺交換日', '交換日', '名刺', '名刺id', 'eightid', 'sansanid', '名刺画像', '名刺登録日'].map(headerKey));

/**
 * Whether the file looks like a business-card app's export: a card-exchange column, or family and
 * given names with a department and no source column. Such leads come from trade shows and
 * meetings, so their default source is 'trade-show'.
 */
export function looksLikeBusinessCards(headers: readonly string[], mapping: ColumnMapping): boolean {
  if (headers.some((h) => CARD_HEADERS.has(headerKey(h)))) return true;
  return mapping.personSecond !== null && mapping.department !== null && mapping.source === null;
}

/** Neither a company nor a person column: no row could make a lead. */
export function lacksNameColumn(mapping: ColumnMapping): boolean {
  return mapping.company === null && mapping.person === null && mapping.personSecond === null;
}

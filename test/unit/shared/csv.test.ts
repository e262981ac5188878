import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, type DecoderFactory } from '../../../shared/csv/decode';
import { parseCsv, MAX_IMPORT_ROWS, type CsvRecord } from '../../../shared/csv/parse';
import { emptyMapping, guessMapping, lacksNameColumn, looksLikeBusinessCards, type ColumnMapping } from '../../../shared/csv/mapping';
import { sourceMatcher } from '../../../shared/csv/sources';
import { formatDateTimePlain, formatMoneyPlain, parseDateTime, parseMoney } from '../../../shared/csv/values';
import { convertRecord, distinctValues, initiativeLookup, resolveSource, type ConvertContext } from '../../../shared/csv/convert';
import { emailKey, findDuplicates, keysOfLeads, nameKey } from '../../../shared/csv/duplicates';
import { BOM, exportFileName, initiativesCsv, leadsCsv, toCsv, toCsvInSlices } from '../../../shared/csv/write';
import { cellText, unescapeFormula } from '../../../shared/csv/text';
import { mapInSlices } from '../../../shared/csv/slices';
import type { Initiative, Lead } from '../../../shared/domain/model';

const decoder: DecoderFactory = (label, options) => new TextDecoder(label, options);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../e2e/fixtures/csv/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const TOKYO = 'Asia/Tokyo';
const NOW = Date.UTC(2026, 10, 23, 3, 0); // 2026-11-23 12:00 in Tokyo

const LABELS = [
  { newsletter: 'Newsletter', 'trade-show': 'Trade show / business card', 'web-form': 'Web inquiry form', other: 'Other' },
  { newsletter: 'メルマガ', 'trade-show': '展示会・名刺交換', 'web-form': 'Web問い合わせフォーム', other: 'その他' },
] as const;

async function table(text: string) {
  const result = await parseCsv(text);
  if (!result.ok) throw new Error(`parse failed: ${result.reason}`);
  return result.table;
}

function context(mapping: ColumnMapping, headers: string[], change: Partial<ConvertContext> = {}): ConvertContext {
  return {
    mapping,
    headers,
    defaultSource: 'other',
    matcher: sourceMatcher(LABELS),
    sourceChoices: {},
    initiativeFor: initiativeLookup([{ id: 'ini-1', name: 'Nov newsletter', archived: 0, start: 0 }]),
    timeZone: TOKYO,
    now: NOW,
    fractionDigits: 0,
    otherColumnsToNote: false,
    columnName: (i) => `Column ${i + 1}`,
    ...change,
  };
}

async function convertText(text: string, change: Partial<ConvertContext> = {}) {
  const t = await table(text);
  const ctx = context(guessMapping(t.headers), t.headers, change);
  return t.records.map((r, i) => convertRecord(r, i, ctx));
}

describe('encoding detection', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(utf8('会社名,氏名\nA,B\n'), decoder)).toEqual({ ok: true, encoding: 'utf-8', text: '会社名,氏名\nA,B\n' });
  });

  it('reads UTF-8 with a BOM and drops it', () => {
    const result = decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('会社名\nA\n')]), decoder);
    expect(result).toEqual({ ok: true, encoding: 'utf-8-bom', text: '会社名\nA\n' });
  });

  it('reads Shift_JIS (Windows-31J, with ㈱ and 髙) from older Japanese Excel', () => {
    const result = decodeCsvBytes(fixture('cards-sjis.csv'), decoder);
    expect(result.ok && result.encoding).toBe('shift_jis');
    expect(result.ok && result.text.startsWith('会社名,部署名,役職,姓,名,e-mail')).toBe(true);
    expect(result.ok && result.text).toContain('㈱髙橋製作所');
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const text = '会社名\t氏名\r\nA\tB\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeCsvBytes(bytes, decoder)).toEqual({ ok: true, encoding: 'utf-16le', text });
  });

  it('accepts the vertical tabs FileMaker writes for line breaks inside a cell', () => {
    const text = `会社名,メモ\nA,"1行目\u000b2行目\u000b3行目"\n`.repeat(20);
    expect(decodeCsvBytes(utf8(text), decoder)).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['a BOM and blank lines', new Uint8Array([0xef, 0xbb, 0xbf, 0x0a, 0x20, 0x0a]), 'empty'],
    ['an Excel workbook (.xlsx)', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'spreadsheet'],
    ['an old Excel workbook (.xls)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'spreadsheet'],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary'],
    ['bytes that are neither UTF-8 nor Shift_JIS', new Uint8Array([0x61, 0x2c, 0x80, 0xa0, 0xfd, 0xfe, 0x0a]), 'unknown-encoding'],
  ])('refuses %s with a reason', (_name, bytes, reason) => {
    expect(decodeCsvBytes(bytes, decoder)).toEqual({ ok: false, reason });
  });
});

describe('parsing', () => {
  it('keeps quotes, commas and newlines inside quoted fields', async () => {
    const t = await table('a,b,c\r\n"say ""hi""","x, y","line 1\r\nline 2"\r\nplain,,last\r\n');
    expect(t.headers).toEqual(['a', 'b', 'c']);
    expect(t.records.map((r) => r.cells)).toEqual([
      ['say "hi"', 'x, y', 'line 1\nline 2'],
      ['plain', '', 'last'],
    ]);
    expect(t.records.map((r) => r.line)).toEqual([2, 3]);
  });

  it('guesses tab, semicolon and bar delimiters', async () => {
    for (const d of ['\t', ';', '|']) {
      const t = await table(`会社名${d}氏名\nA社${d}山田\n`);
      expect(t.delimiter).toBe(d);
      expect(t.records[0]?.cells).toEqual(['A社', '山田']);
    }
  });

  it('skips blank records (Excel writes ",,,," for formatted empty rows) but keeps row numbers', async () => {
    const t = await table('a,b\n1,2\n,,\n \n3,4\n');
    expect(t.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, '1'],
      [5, '3'],
    ]);
  });

  it('adds unnamed columns for records longer than the header', async () => {
    const t = await table('a,b\n1,2,3\n');
    expect(t.headers).toEqual(['a', 'b', '']);
  });

  it('marks a record with an unterminated quote', async () => {
    const t = await table('a,b\n1,2\n3,"open\n');
    expect(t.records.at(-1)?.quoteProblem).toBe(true);
    expect(t.records[0]?.quoteProblem).toBeUndefined();
  });

  it('gives the same records whatever the slice size, even with quoted newlines across slices', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `"co ${i}, ""q""","line\nbreak ${i}",${'x'.repeat(i % 37)}`);
    const text = `a,b,c\n${rows.join('\r\n')}\r\n`;
    const whole = await parseCsv(text, { sliceChars: 10_000_000 });
    const progress: number[] = [];
    const sliced = await parseCsv(text, { sliceChars: 1024, onProgress: (done) => progress.push(done), yieldControl: () => Promise.resolve() });
    expect(sliced).toEqual(whole);
    expect(whole.ok && whole.table.records).toHaveLength(300);
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(text.replace(/\r\n/g, '\n').length);
  });

  it('reads a record longer than a slice by growing the slice', async () => {
    const long = 'n'.repeat(5000);
    const t = await parseCsv(`a,b\n"${long}",1\n2,3\n`, { sliceChars: 1024 });
    expect(t.ok && t.table.records.map((r) => r.cells[0])).toEqual([long, '2']);
  });

  it.each([
    ['', 'empty'],
    ['\n\n', 'empty'],
    ['会社名,氏名\n', 'no-rows'],
    ['会社名,氏名\n,\n', 'no-rows'],
  ])('refuses %j: %s', async (text, reason) => {
    expect(await parseCsv(text)).toEqual({ ok: false, reason });
  });

  it('refuses more rows than an import may hold', async () => {
    expect(await parseCsv('a\n1\n2\n3\n', { maxRows: 2 })).toEqual({ ok: false, reason: 'too-many-rows' });
    expect(MAX_IMPORT_ROWS).toBeGreaterThanOrEqual(50_000);
  });

  it('stops when cancelled', async () => {
    const text = `a\n${'1\n'.repeat(5000)}`;
    expect(await parseCsv(text, { sliceChars: 1024, isCancelled: () => true })).toEqual({ ok: false, reason: 'cancelled' });
  });
});

describe('column mapping guess', () => {
  it('maps a Japanese spreadsheet', () => {
    const headers = ['会社名', '氏名', '役職', 'メールアドレス', '電話番号', '流入経路', '登録日', '金額', '備考'];
    expect(guessMapping(headers)).toEqual({
      ...emptyMapping(),
      company: 0,
      person: 1,
      title: 2,
      email: 3,
      phone: 4,
      source: 5,
      createdAt: 6,
      value: 7,
      note: 8,
    });
  });

  it('maps an Eight/Sansan-style business-card export: 姓 + 名, 部署名 + 役職, the direct line, 名刺交換日', () => {
    const headers = ['会社名', '部署名', '役職', '姓', '名', 'e-mail', 'TEL会社', 'TEL直通', '携帯電話', '住所', '名刺交換日'];
    const mapping = guessMapping(headers);
    expect(mapping).toMatchObject({ company: 0, department: 1, title: 2, person: 3, personSecond: 4, email: 5, phone: 7, createdAt: 10, source: null });
    expect(looksLikeBusinessCards(headers, mapping)).toBe(true);
  });

  it('maps English headers with full-width letters, punctuation and units', () => {
    const headers = ['Company Name', 'First Name', 'Last Name', 'E-Mail Address', 'Business Phone', 'Lead Source', 'Value (JPY)', 'Created Date', 'Notes', 'Ｊｏｂ Ｔｉｔｌｅ'];
    const mapping = guessMapping(headers);
    expect(mapping).toMatchObject({ company: 0, person: 1, personSecond: 2, email: 3, phone: 4, source: 5, value: 6, createdAt: 7, note: 8, title: 9 });
    expect(looksLikeBusinessCards(headers, mapping)).toBe(false);
  });

  it('uses the caller\'s names first (the app\'s own export headers) and each column once', () => {
    const headers = ['流入経路', '流入経路ID', 'メール'];
    expect(guessMapping(headers, { source: ['流入経路ID'] })).toMatchObject({ source: 1, email: 2 });
    expect(guessMapping(['メール', 'メールアドレス'])).toMatchObject({ email: 1 });
  });

  it('does not read "mail magazine" as an email column', () => {
    expect(guessMapping(['mail magazine']).email).toBeNull();
  });

  it('knows when no row can have a name', () => {
    expect(lacksNameColumn(guessMapping(['メールアドレス', '電話番号']))).toBe(true);
    expect(lacksNameColumn(guessMapping(['担当者']))).toBe(false);
  });
});

describe('sources from text', () => {
  const matcher = sourceMatcher(LABELS);
  it.each([
    ['newsletter', 'newsletter', true],
    ['メルマガ', 'newsletter', true],
    ['Trade show / business card', 'trade-show', true],
    ['展示会・名刺交換', 'trade-show', true],
    ['ＳＥＯ', 'seo', true],
    ['テレアポ', 'outbound', true],
    ['展示会（東京ビッグサイト）', 'trade-show', false],
    ['Newsletter quote button', 'newsletter', false],
    ['LinkedIn広告', 'web-ad', true],
    ['LinkedIn広告（11月）', 'web-ad', false],
  ])('%s → %s (exact: %s)', (text, source, exact) => {
    expect(matcher.guess(text)).toEqual({ source, exact });
  });

  it('does not guess from short Latin words inside other words', () => {
    expect(matcher.guess('Xerox')).toBeNull();
    expect(matcher.guess('')).toBeNull();
  });

  it('the user\'s choice wins over the guess, and unknown text takes the default', () => {
    const ctx = { matcher, defaultSource: 'other' as const, sourceChoices: { 謎: 'referral' as const } };
    expect(resolveSource('謎', ctx)).toEqual({ source: 'referral', exact: false });
    expect(resolveSource('なにか', ctx)).toEqual({ source: 'other', exact: false });
    expect(resolveSource('', ctx)).toEqual({ source: 'other', exact: true });
  });
});

describe('amounts and dates', () => {
  it.each([
    ['1,200,000', 0, 1_200_000],
    ['¥1,200,000', 0, 1_200_000],
    ['１２０万円', 0, 1_200_000],
    ['1.5万', 0, 15_000],
    ['3億', 0, 300_000_000],
    ['$1,234.50', 2, 123_450],
    ['1234.5', 2, 123_450],
    ['1 200 000 JPY', 0, 1_200_000],
    ['-100', 0, -100],
  ])('%s → %d minor units', (text, digits, value) => {
    expect(parseMoney(text, digits)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', 0, 'leadCsv.error.valueNotNumber'],
    ['1.2.3', 0, 'leadCsv.error.valueNotNumber'],
    ['1234.5', 0, 'leadCsv.error.valueDecimals'],
    ['1.234', 2, 'leadCsv.error.valueDecimals'],
    ['99999999999999999999', 0, 'leads.error.absurdValue'],
  ])('refuses %s', (text, digits, error) => {
    expect(parseMoney(text, digits)).toEqual({ ok: false, error });
  });

  it('writes minor units back as a plain number', () => {
    expect(formatMoneyPlain(1_200_000, 0)).toBe('1200000');
    expect(formatMoneyPlain(123_450, 2)).toBe('1234.50');
    expect(formatMoneyPlain(5, 2)).toBe('0.05');
  });

  it.each([
    ['2026-11-10', Date.UTC(2026, 10, 9, 15, 0)],
    ['2026/11/10', Date.UTC(2026, 10, 9, 15, 0)],
    ['2026/1/5 9:05', Date.UTC(2026, 0, 5, 0, 5)],
    ['2026年11月10日', Date.UTC(2026, 10, 9, 15, 0)],
    ['2026年11月10日 14時30分', Date.UTC(2026, 10, 10, 5, 30)],
    ['2026-11-10 14:30:15', Date.UTC(2026, 10, 10, 5, 30, 15)],
    ['2026-11-10T14:30', Date.UTC(2026, 10, 10, 5, 30)],
    ['2026-11-10T14:30:00Z', Date.UTC(2026, 10, 10, 14, 30)],
    ['2026-11-10T14:30:00+01:00', Date.UTC(2026, 10, 10, 13, 30)],
    ['23/11/2026', Date.UTC(2026, 10, 22, 15, 0)],
    ['11/23/2026 10:00', Date.UTC(2026, 10, 23, 1, 0)],
    ['２０２６／１１／１０', Date.UTC(2026, 10, 9, 15, 0)],
  ])('%s is read in Tokyo as the right instant', (text, instant) => {
    expect(parseDateTime(text, TOKYO)).toEqual({ ok: true, value: instant });
  });

  it.each([
    ['2026-02-30', 'leadCsv.error.date'],
    ['2026-11-10 25:00', 'leadCsv.error.date'],
    ['yesterday', 'leadCsv.error.date'],
    ['05/11/2026', 'leadCsv.error.dateAmbiguous'],
  ])('refuses %s', (text, error) => {
    expect(parseDateTime(text, TOKYO)).toEqual({ ok: false, error });
  });

  it('reads a date in the user\'s zone, not the machine\'s', () => {
    expect(parseDateTime('2026-11-10 09:00', 'America/Los_Angeles')).toEqual({ ok: true, value: Date.UTC(2026, 10, 10, 17, 0) });
    expect(formatDateTimePlain(Date.UTC(2026, 10, 10, 17, 0), 'America/Los_Angeles')).toBe('2026-11-10 09:00');
    expect(formatDateTimePlain(Date.UTC(2026, 10, 10, 17, 0), TOKYO)).toBe('2026-11-11 02:00');
  });
});

describe('rows to lead drafts', () => {
  it('converts the Japanese fixture file', async () => {
    const decoded = decodeCsvBytes(fixture('leads-utf8.csv'), decoder);
    if (!decoded.ok) throw new Error();
    const rows = await convertText(decoded.text);
    expect(rows.map((r) => r.issues)).toEqual([[], [], []]);
    expect(rows[0]?.draft).toEqual({
      company: '株式会社 "テスト" 商事',
      person: '山田 太郎',
      title: '部長',
      email: 'yamada@example.jp',
      phone: '03-1234-5678',
      source: 'trade-show',
      createdAt: Date.UTC(2026, 10, 9, 15, 0),
      value: 1_200_000,
      note: '名刺交換のあと、\n見積りの依頼あり',
    });
    expect(rows[1]?.draft).toMatchObject({ source: 'newsletter', value: 500_000, createdAt: Date.UTC(2026, 10, 12, 5, 30) });
    expect(rows[2]?.draft).toMatchObject({ source: 'web-form', note: 'He said "call me" next week', phone: '+1 415 555 0100' });
  });

  it('joins 姓 and 名, 部署 and 役職, and keeps the other columns in the note when asked', async () => {
    const decoded = decodeCsvBytes(fixture('cards-sjis.csv'), decoder);
    if (!decoded.ok) throw new Error();
    const rows = await convertText(decoded.text, { otherColumnsToNote: true, defaultSource: 'trade-show' });
    expect(rows[0]?.draft).toEqual({
      company: '㈱髙橋製作所',
      person: '髙橋 一郎',
      title: '営業部 課長',
      email: 'takahashi@example.jp',
      phone: '03-0000-1111',
      source: 'trade-show',
      createdAt: Date.UTC(2026, 10, 4, 15, 0),
      note: '携帯電話: 090-0000-2222\n住所: 東京都千代田区1-1',
    });
    expect(rows[1]?.draft.title).toBe('マーケティング部');
  });

  it('reports each problem of a row as an i18n key with its parameters', async () => {
    const text = [
      '会社名,氏名,メール,金額,登録日,施策,流入経路',
      ',,a@b.example,,,,',
      'A,B,not-an-email,,,,',
      'A,C,,abc,,,',
      'A,D,,,2027-01-01,,',
      'A,E,,,,Unknown campaign,',
      `${'長'.repeat(121)},F,,,,,`,
      'A,G,,-5,,,',
      'A,H,,,,Nov newsletter,謎の経路',
    ].join('\n');
    const rows = await convertText(text);
    expect(rows.map((r) => r.issues)).toEqual([
      [{ field: 'name', key: 'leads.error.nameRequired' }],
      [{ field: 'email', key: 'leads.error.email' }],
      [{ field: 'value', key: 'leadCsv.error.valueNotNumber', params: { value: 'abc' } }],
      [{ field: 'createdAt', key: 'leadCsv.error.futureDate', params: { value: '2027-01-01' } }],
      [{ field: 'initiative', key: 'leadCsv.error.initiativeUnknown', params: { name: 'Unknown campaign' } }],
      [{ field: 'company', key: 'validation.tooLong', params: { max: 120 } }],
      [{ field: 'value', key: 'leads.error.negativeValue' }],
      [],
    ]);
    // An unrecognised source takes the default and keeps its text as the detail.
    expect(rows[7]?.draft).toMatchObject({ initiativeId: 'ini-1', source: 'other', sourceDetail: '謎の経路' });
    expect(rows[7]?.sourceGuessed).toBe(true);
  });

  it('applies the user\'s fixes to a row', async () => {
    const t = await table('会社名,氏名,メール,金額\nA,B,bad,abc\n');
    const ctx = context(guessMapping(t.headers), t.headers);
    const record = t.records[0] as CsvRecord;
    expect(convertRecord(record, 0, ctx).issues).toHaveLength(2);
    const fixed = convertRecord(record, 0, ctx, { email: 'b@a.example', value: '1000', source: 'referral', initiativeId: 'ini-1' });
    expect(fixed.issues).toEqual([]);
    expect(fixed.draft).toMatchObject({ email: 'b@a.example', value: 1000, source: 'referral', initiativeId: 'ini-1' });
  });

  it('lists the distinct values of a column, most frequent first', async () => {
    const t = await table('src\nメルマガ\n展示会\nメルマガ\n\n');
    expect(distinctValues(t.records, 0)).toEqual([
      { text: 'メルマガ', count: 2 },
      { text: '展示会', count: 1 },
    ]);
  });

  it('finds initiatives by id or by name, the running one first', () => {
    const find = initiativeLookup([
      { id: 'old', name: 'Webinar', archived: 1, start: 10 },
      { id: 'new', name: 'webinar', archived: 0, start: 5 },
    ]);
    expect(find(' ＷＥＢＩＮＡＲ ')).toBe('new');
    expect(find('old')).toBe('old');
    expect(find('nope')).toBeNull();
  });
});

describe('duplicates', () => {
  it('normalises email case and name whitespace/width', () => {
    expect(emailKey(' John@Acme.Example ')).toBe('john@acme.example');
    expect(nameKey('株式会社 サンプル', '山田　太郎')).toBe(nameKey('株式会社サンプル', '山田太郎'));
    expect(nameKey('ＡＣＭＥ', '')).toBe(nameKey('acme', ''));
    expect(nameKey('', '')).toBeNull();
  });

  it('flags rows that match saved leads or an earlier valid row of the file', () => {
    const existing = keysOfLeads([{ company: 'Acme Corp.', person: 'John Smith', email: 'john@acme.example' }]);
    const row = (line: number, company: string, person: string, email: string | undefined, hasErrors = false) => ({ line, emailKey: emailKey(email), nameKey: nameKey(company, person), hasErrors });
    const rows = [
      row(2, 'Other', 'X', 'JOHN@ACME.EXAMPLE'),
      row(3, 'acme corp.', 'john  smith', undefined),
      row(4, 'Fresh', 'Erin', 'e@f.example'),
      row(5, 'Fresh ', ' Erin', 'e2@f.example'),
      row(6, 'New', 'N', 'e2@f.example'),
      row(7, 'Bad', 'B', 'b@b.example', true),
      row(8, 'Bad', 'B', 'b@b.example'),
    ];
    expect(findDuplicates(rows, existing)).toEqual([
      { of: 'existing', by: 'email' },
      { of: 'existing', by: 'name' },
      null,
      { of: 'file', by: 'name', line: 4 },
      { of: 'file', by: 'email', line: 5 },
      null,
      // Row 7 has errors and may be excluded, so row 8 is the first of the pair.
      null,
    ]);
  });
});

describe('writing CSV', () => {
  it('starts with a BOM, ends lines with CRLF, quotes what needs it and defuses formulas', () => {
    const csv = toCsv(['会社名', 'メモ'], [
      ['A, Inc.', 'line 1\nline 2'],
      ['=HYPERLINK("x")', '+81 3 1234'],
      ["'=already", null],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}会社名,メモ\r\n"A, Inc.","line 1\nline 2"\r\n"'=HYPERLINK(""x"")","'+81 3 1234"\r\n"''=already",\r\n`);
  });

  it('writes the same text in slices as at once', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => [`r${i}`, i % 3 ? '=x' : 'a\nb']);
    const yields: number[] = [];
    const sliced = await toCsvInSlices(['a', 'b'], rows, (r) => r, { sliceSize: 4, yieldControl: async () => void yields.push(1) });
    expect(sliced).toBe(toCsv(['a', 'b'], rows));
    expect(yields).toHaveLength(6);
    expect(await toCsvInSlices(['a'], [], (r: string[]) => r)).toBe(`${BOM}a\r\n`);
  });

  it('formula escapes come off again on import', () => {
    expect(unescapeFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unescapeFormula("''=x")).toBe("'=x");
    expect(unescapeFormula("'quoted")).toBe("'quoted");
    expect(cellText("  '+81 3 1234  ")).toBe('+81 3 1234');
  });

  const lead: Lead = {
    id: 'lead-1',
    createdAt: Date.UTC(2026, 10, 10, 5, 30),
    company: '株式会社サンプル',
    person: '山田 太郎',
    email: 'yamada@example.jp',
    source: 'newsletter',
    sourceDetail: 'quote button',
    initiativeId: 'ini-1',
    stage: 'lost',
    value: 1_200_000,
    note: '見積り, 再提案\n来月',
    lossReason: 'price',
    updatedAt: Date.UTC(2026, 10, 20, 0, 0),
  };

  it('writes leads with labels and ids, dates in the user\'s zone and plain amounts', async () => {
    const csv = await leadsCsv(
      [lead],
      new Map([['ini-1', 'Nov newsletter']]),
      { header: (c) => c, source: (s) => `label:${s}`, stage: (s) => `stage:${s}`, lossReason: (r) => `reason:${r}` },
      { timeZone: TOKYO, fractionDigits: 0 },
    );
    const t = await table(csv.slice(1));
    expect(t.headers[0]).toBe('id');
    const row = Object.fromEntries(t.headers.map((h, i) => [h, t.records[0]?.cells[i]]));
    expect(row).toMatchObject({
      id: 'lead-1',
      createdAt: '2026-11-10 14:30',
      source: 'label:newsletter',
      sourceId: 'newsletter',
      initiative: 'Nov newsletter',
      initiativeId: 'ini-1',
      stage: 'stage:lost',
      stageId: 'lost',
      value: '1200000',
      note: '見積り, 再提案\n来月',
      lossReason: 'reason:price',
      updatedAt: '2026-11-20 09:00',
      title: '',
    });
  });

  it('writes initiatives', async () => {
    const initiative: Initiative = {
      id: 'ini-1',
      name: 'Nov newsletter',
      channel: 'newsletter',
      status: 'running',
      start: Date.UTC(2026, 9, 31, 15, 0),
      end: Date.UTC(2026, 10, 30, 15, 0),
      goal: '3 inquiries',
      cost: 50_000,
      archived: 0,
      createdAt: Date.UTC(2026, 9, 20, 0, 0),
      updatedAt: 0,
    };
    const csv = await initiativesCsv([initiative], { header: (c) => c, channel: (c) => `ch:${c}`, status: (s) => `st:${s}`, yes: 'yes', no: 'no' }, { timeZone: TOKYO, fractionDigits: 0 });
    const t = await table(csv.slice(1));
    const row = Object.fromEntries(t.headers.map((h, i) => [h, t.records[0]?.cells[i]]));
    expect(row).toMatchObject({ name: 'Nov newsletter', channel: 'ch:newsletter', channelId: 'newsletter', status: 'st:running', start: '2026-11-01 00:00', end: '2026-12-01 00:00', cost: '50000', archived: 'no', targetNumber: '' });
  });

  it('names files by the user\'s date', () => {
    expect(exportFileName('leads', Date.UTC(2026, 10, 22, 16, 0), TOKYO)).toBe('TwoHats-leads-2026-11-23.csv');
    expect(exportFileName('initiatives', Date.UTC(2026, 10, 22, 16, 0), 'America/Los_Angeles')).toBe('TwoHats-initiatives-2026-11-22.csv');
  });
});

describe('slices', () => {
  it('maps every item, reports progress and stops when cancelled', async () => {
    const progress: number[] = [];
    expect(await mapInSlices([1, 2, 3, 4, 5], (n) => n * 2, { sliceSize: 2, onProgress: (d) => progress.push(d), yieldControl: () => Promise.resolve() })).toEqual([2, 4, 6, 8, 10]);
    expect(progress).toEqual([2, 4, 5]);
    expect(await mapInSlices([1, 2, 3], (n) => n, { sliceSize: 1, isCancelled: () => true })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import {
  BACKUP_ERROR_CODES,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  MAX_BACKUP_DEPTH,
  backupFileName,
  canonicalJson,
  decodeBackupBytes,
  migrateDocument,
  parseBackup,
  parseBackupBytes,
  serializeBackup,
  validateRows,
  type BackupData,
  type BackupTable,
  type ParseResult,
} from '../../../shared/backup';
import { defaultSettings } from '../../../shared/domain/model/settings';
import { backupEn } from '../../../renderer/i18n/backup.en';
import { backupJa } from '../../../renderer/i18n/backup.ja';
import { PROBLEM_CODES } from '../../../shared/backup/validate-rows';
import { META, emptyBackupData, fixtureBackupData } from './backup-fixtures';

const text = (data: BackupData = fixtureBackupData()) => serializeBackup(data, META);
/** The fixture file as a JSON document, to break on purpose. */
type Doc = Record<string, unknown> & { tables: Record<BackupTable, Record<string, unknown>[]> };
const doc = (): Doc => JSON.parse(text());

function expectError(result: ParseResult, code: string): Record<string, string | number> {
  if (result.ok) throw new Error(`expected backup.error.${code}, but the file was accepted`);
  expect(result.error.key).toBe(`backup.error.${code}`);
  return result.error.params;
}

function accepted(result: ParseResult) {
  if (!result.ok) throw new Error(`refused: ${result.error.key} ${JSON.stringify(result.error.params)} ${JSON.stringify(result.error.problems?.slice(0, 3))}`);
  return result;
}

describe('serializeBackup', () => {
  it('writes the documented top level, one row per line', () => {
    const lines = text().split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '{',
      '  "app": "TwoHats",',
      '  "appVersion": "0.1.0",',
      `  "exportedAt": ${META.exportedAt},`,
      `  "formatVersion": ${BACKUP_FORMAT_VERSION},`,
      expect.stringMatching(/^ {2}"settings": \{"companyName":"",.*\},$/),
      '  "tables": {',
    ]);
    expect(lines.filter((l) => /^ {4}"\w+": \[/.test(l)).map((l) => l.trim().split('"')[1])).toEqual([...BACKUP_TABLES]);
    expect(lines.at(-2)).toBe('}');
    expect(text().endsWith('}\n')).toBe(true);
    // Every row is one line.
    expect(lines.filter((l) => l.startsWith('      {')).length).toBe(Object.values(fixtureBackupData().tables).flat().length);
  });

  it('is canonical: key order and row order in the input do not matter', () => {
    const data = fixtureBackupData();
    const shuffled: BackupData = {
      settings: Object.fromEntries(Object.entries(data.settings!).reverse()) as typeof data.settings,
      timer: data.timer,
      tables: Object.fromEntries(
        Object.entries(data.tables)
          .reverse()
          .map(([table, rows]) => [table, [...(rows as object[])].reverse().map((row) => Object.fromEntries(Object.entries(row).reverse()))]),
      ) as unknown as BackupData['tables'],
    };
    expect(serializeBackup(shuffled, META)).toBe(text(data));
  });

  it('sorts every key by code unit, integer-like keys included (unlike JSON.stringify)', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y', a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"10":"x","9":"y","a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('writes values as JSON does: undefined skipped in objects and null in arrays, non-finite numbers null, toJSON used', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, NaN, Infinity, -0], c: new Date(0) })).toBe('{"b":[null,null,null,0],"c":"1970-01-01T00:00:00.000Z"}');
  });

  it('exports invalid rows exactly as they are (never repairs, never drops)', () => {
    const data = fixtureBackupData();
    const weird = { id: 'weird', stage: 'bogus', value: -1.5, extra: { nested: true } };
    (data.tables.leads as unknown[]).push(weird);
    const written = JSON.parse(text(data)) as { tables: { leads: unknown[] } };
    expect(written.tables.leads).toContainEqual(weird);
  });
});

describe('parseBackup: a good file', () => {
  it('accepts its own output, exactly: same data, same text when written again', () => {
    const result = accepted(parseBackup(text()));
    expect(canonicalJson(result.backup)).toBe(canonicalJson(JSON.parse(text())));
    expect(serializeBackup(result.backup, result.backup)).toBe(text());
    expect(result.report.problemCount).toBe(0);
  });

  it('previews counts per table, date range, versions and export time', () => {
    const { preview } = accepted(parseBackup(text()));
    const data = fixtureBackupData();
    expect(preview.counts).toEqual(Object.fromEntries(BACKUP_TABLES.map((t) => [t, (data.tables[t] as unknown[]).length])));
    expect(preview.totalRows).toBe(Object.values(data.tables).flat().length);
    expect(preview).toMatchObject({ formatVersion: BACKUP_FORMAT_VERSION, migrated: false, appVersion: '0.1.0', exportedAt: META.exportedAt, hasSettings: true, hasTimer: true, problemCount: 0 });
    const T = Date.UTC(2026, 10, 16);
    const H = 3_600_000;
    // Earliest: the initiative starting a week before; latest: the visit box the next day.
    expect(preview.range).toEqual({ from: T - 7 * 24 * H, to: T + 24 * H });
  });

  it('accepts an empty backup (no settings, no timer, no rows) and previews no range', () => {
    const { preview, backup } = accepted(parseBackup(text(emptyBackupData())));
    expect(preview.totalRows).toBe(0);
    expect(preview.range).toBeNull();
    expect(backup.settings).toBeNull();
  });

  it('drops a leading BOM (an editor may add one) and reads the rest unchanged', () => {
    const result = accepted(parseBackup(`\ufeff${text()}`));
    expect(serializeBackup(result.backup, result.backup)).toBe(text());
  });

  it('accepts keys in any order and any whitespace (a hand-formatted file)', () => {
    const result = accepted(parseBackup(JSON.stringify(doc(), null, '\t')));
    expect(serializeBackup(result.backup, result.backup)).toBe(text());
  });

  it('keeps a huge string exactly (10 MB of Japanese in a note)', () => {
    const data = fixtureBackupData();
    const note = 'あ'.repeat(10_000_000);
    data.tables.leads[0]!.note = note;
    const result = accepted(parseBackup(text(data)));
    expect(result.backup.tables.leads.find((l) => l.id === data.tables.leads[0]!.id)?.note).toBe(note);
  });

  it('accepts settings written by an older version (fields missing): the app fills in defaults', () => {
    const d = doc();
    d.settings = { id: 'app', language: 'ja', stageProbabilities: { new: 0.1 } };
    accepted(parseBackup(JSON.stringify(d)));
  });
});

describe('parseBackup: refusals, each with its message', () => {
  it('an empty or blank file', () => {
    expectError(parseBackup(''), 'empty');
    expectError(parseBackup('\ufeff  \n\t'), 'empty');
  });

  it('not JSON at all, with the parser’s detail', () => {
    expect(expectError(parseBackup('name,company\nYamada,ACME'), 'notJson').detail).toEqual(expect.any(String));
    expectError(parseBackup('{"app": "TwoHats",}'), 'notJson');
    expectError(parseBackup('{} trailing'), 'notJson');
  });

  it('a file cut short, wherever it is cut', () => {
    const full = text();
    for (const cut of [1, 10, 50, Math.floor(full.length / 2), full.length - 3]) expectError(parseBackup(full.slice(0, cut)), 'truncated');
  });

  it('JSON from another app (no TwoHats marker)', () => {
    for (const other of ['[]', '42', '"TwoHats"', 'null', '{"name":"x"}', '{"app":"Actual","formatVersion":1}', '{"app":"twohats","formatVersion":1}']) {
      expectError(parseBackup(other), 'notTwoHats');
    }
  });

  it('a newer format: "made by a newer TwoHats; update the app"', () => {
    const d = doc();
    d.formatVersion = BACKUP_FORMAT_VERSION + 1;
    d.appVersion = '9.0.0';
    d.somethingNew = { whatever: true };
    expect(expectError(parseBackup(JSON.stringify(d)), 'newer')).toEqual({ formatVersion: BACKUP_FORMAT_VERSION + 1, appVersion: '9.0.0', supported: BACKUP_FORMAT_VERSION });
    expect(backupEn.error.newer).toContain('update the app');
  });

  it('a format version that is not a version', () => {
    for (const version of ['1', 1.5, -1, null, undefined, 1e300, true]) {
      const d = doc();
      d.formatVersion = version;
      expectError(parseBackup(JSON.stringify(d)), 'badVersion');
    }
  });

  it('an older format with no migration step', () => {
    const d = doc();
    d.formatVersion = 0;
    expectError(parseBackup(JSON.stringify(d)), 'tooOld');
  });

  it('a missing or malformed part of the envelope, named', () => {
    const cases: [(d: ReturnType<typeof doc>) => void, string][] = [
      [(d) => delete (d.tables as Partial<Doc['tables']>).leads, 'tables.leads'],
      [(d) => ((d.tables as Record<string, unknown>).leads = {}), 'tables.leads'],
      [(d) => ((d.tables as Record<string, unknown>).contacts = []), 'tables.contacts'],
      [(d) => delete d.settings, 'settings'],
      [(d) => delete d.timer, 'timer'],
      [(d) => (d.exportedAt = '2026-11-23'), 'exportedAt'],
      [(d) => (d.appVersion = 1), 'appVersion'],
      [(d) => (d.extra = 1), 'extra'],
      [(d) => ((d as Record<string, unknown>).tables = []), 'tables'],
    ];
    for (const [breakIt, field] of cases) {
      const d = doc();
      breakIt(d);
      expect(expectError(parseBackup(JSON.stringify(d)), 'structure').field, field).toBe(field);
    }
  });

  it('prototype-pollution keys, anywhere, are refused (never dropped) and pollute nothing', () => {
    const full = text();
    const variants = [
      full.replace('"app": "TwoHats",', '"app": "TwoHats", "__proto__": {"polluted": true},'),
      full.replace('"snapshot":{', '"snapshot":{"__proto__":{"polluted":true},'),
      full.replace('"snapshot":{', '"snapshot":{"constructor":{"prototype":{"polluted":true}},'),
      full.replace('"tags":[', '"tags":[{"prototype":1},'),
      full.replace('"settings": {', '"settings": {"__proto__": {"isAdmin": true}, '),
    ];
    for (const variant of variants) {
      expect(variant).not.toBe(full);
      const params = expectError(parseBackup(variant), 'forbiddenKey');
      expect(['__proto__', 'constructor', 'prototype']).toContain(params.key);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('deep nesting, cleanly: 10,000 and 100,000 nested arrays (no stack overflow)', () => {
    for (const depth of [MAX_BACKUP_DEPTH + 1, 10_000, 100_000]) {
      const deep = '['.repeat(depth) + ']'.repeat(depth);
      const d = text().replace('"snapshot":{', `"snapshot":{"deep":${deep},`);
      expect(expectError(parseBackup(d), 'tooDeep').max).toBe(MAX_BACKUP_DEPTH);
      // Outside any TwoHats structure, too.
      expectError(parseBackup(`{"app":"TwoHats","formatVersion":1,"x":${deep}}`), 'tooDeep');
    }
    // Nesting up to the limit is fine.
    const ok = text().replace('"snapshot":{', `"snapshot":{"deep":${'['.repeat(MAX_BACKUP_DEPTH - 10)}${']'.repeat(MAX_BACKUP_DEPTH - 10)},`);
    accepted(parseBackup(ok));
  });
});

describe('parseBackup: rows are checked field by field', () => {
  const cases: [string, (d: ReturnType<typeof doc>) => void, string, string][] = [
    ['unknown stage', (d) => (d.tables.leads[0]!.stage = 'maybe'), 'leads', 'stage:enum'],
    ['money with a fraction', (d) => (d.tables.leads[0]!.value = 1000.5), 'leads', 'value:money'],
    ['negative money', (d) => (d.tables.goals[0]!.revenue = -1), 'goals', 'revenue:money'],
    ['money beyond 2^53', (d) => (d.tables.initiatives[0]!.cost = 2 ** 53 + 2), 'initiatives', 'cost:money'],
    ['instant as a string', (d) => (d.tables.wins[0]!.at = '2026-11-16T09:00:00Z'), 'wins', 'at:type'],
    ['instant beyond what a Date holds', (d) => (d.tables.wins[0]!.at = 1e20), 'wins', 'at:date'],
    ['not a calendar day', (d) => (d.tables.metricEntries[0]!.period = '2026-02-30'), 'metricEntries', 'period:dayKey'],
    ['end before start', (d) => (d.tables.timeEntries[0]!.end = 0), 'timeEntries', 'end:endBeforeStart'],
    ['a category of the other kind', (d) => (d.tables.timeBoxes[0]!.category = 'visit'), 'timeBoxes', 'category:categoryKind'],
    ['an unknown field', (d) => (d.tables.wins[0]!.mood = 'great'), 'wins', 'mood:unknownField'],
    ['a missing field', (d) => delete d.tables.wins[0]!.tags, 'wins', 'tags:required'],
    ['a tag that is not text', (d) => (d.tables.wins[0]!.tags = ['ok', 3]), 'wins', 'tags.1:type'],
    ['an unknown lead event type', (d) => (d.tables.leadEvents[0]!.type = 'email'), 'leadEvents', 'type:enum'],
    ['a quarter 5', (d) => (d.tables.goals[0]!.quarter = 5), 'goals', 'quarter:enum'],
    ['a fractional fiscal year', (d) => (d.tables.goals[0]!.fiscalYear = 2026.5), 'goals', 'fiscalYear:integer'],
    ['a rate above 1', (d) => (d.tables.goals[0]!.assumptions = { winRate: 1.5 }), 'goals', 'assumptions.winRate:range'],
    ['a boolean stored as 0/1 given as true', (d) => (d.tables.wins[0]!.starred = true), 'wins', 'starred:enum'],
    ['a report without its snapshot', (d) => delete d.tables.reports[0]!.snapshot, 'reports', 'snapshot:required'],
    ['an invalid settings field', (d) => ((d.settings as Record<string, unknown>).weekStartsOn = 9), 'settings', 'weekStartsOn:invalid'],
    ['an unknown settings field', (d) => ((d.settings as Record<string, unknown>).font = 'big'), 'settings', 'font:unknownField'],
    ['an unknown stage in the settings map', (d) => ((d.settings as { stageProbabilities: Record<string, number> }).stageProbabilities.maybe = 0.5), 'settings', 'stageProbabilities.maybe:unknownField'],
    ['a timer of the wrong kind', (d) => ((d.timer as Record<string, unknown>).category = 'call'), 'timer', 'category:categoryKind'],
  ];

  it.each(cases)('%s: refused with table, row and field, and accepted as it is on request', (_name, breakIt, table, problem) => {
    const d = doc();
    breakIt(d);
    const broken = JSON.stringify(d);
    const result = parseBackup(broken);
    const params = expectError(result, 'invalidRows');
    expect(params).toMatchObject({ count: 1, rows: 1, table, row: 1 });
    expect(`${params.field}:${params.problem}`).toBe(problem);
    expect(!result.ok && result.error.problems).toHaveLength(1);

    const kept = accepted(parseBackup(broken, { keepInvalidRows: true }));
    expect(kept.preview.problemCount).toBe(1);
    expect(kept.report.problems[0]).toMatchObject({ table, index: 0 });
    // Kept exactly: nothing repaired, nothing dropped.
    expect(canonicalJson(kept.backup)).toBe(canonicalJson(JSON.parse(broken)));
  });

  it('numbers JSON.parse turns into Infinity (1e400) or that lose precision are refused, not stored', () => {
    const full = text();
    const overflow = full.replace(/"revenue":\d+/, '"revenue":1e400');
    expect(overflow).not.toBe(full);
    expect(expectError(parseBackup(overflow), 'invalidRows')).toMatchObject({ table: 'goals', field: 'revenue', problem: 'type' });
    const instant = full.replace(/"at":\d+/, '"at":-1e400');
    expect(expectError(parseBackup(instant), 'invalidRows')).toMatchObject({ field: 'at', problem: 'type' });
    const imprecise = full.replace(/"revenue":\d+/, '"revenue":9007199254740993');
    expect(expectError(parseBackup(imprecise), 'invalidRows')).toMatchObject({ field: 'revenue', problem: 'money' });
  });

  it('rows that cannot be stored at all are refused even when invalid rows are kept', () => {
    const cases: [(d: ReturnType<typeof doc>) => void, string][] = [
      [(d) => d.tables.leads.push({ ...d.tables.leads[0]! }), 'duplicateId'],
      [(d) => delete d.tables.leads[0]!.id, 'id'],
      [(d) => (d.tables.leads[0]!.id = 7), 'id'],
      [(d) => (d.tables.leads[0]!.id = ''), 'id'],
      [(d) => ((d.tables.leads as unknown[])[0] = 'lead-1'), 'notObject'],
      [(d) => ((d.tables.leads as unknown[])[0] = [1]), 'notObject'],
      [(d) => ((d.settings as Record<string, unknown>).id = 'other'), 'id'],
      [(d) => ((d.timer as Record<string, unknown>).id = 'previous'), 'id'],
      [(d) => (d.settings = 'dark mode'), 'notObject'],
    ];
    for (const [breakIt, code] of cases) {
      const d = doc();
      breakIt(d);
      for (const keepInvalidRows of [false, true]) {
        expect(expectError(parseBackup(JSON.stringify(d), { keepInvalidRows }), 'unrestorable').problem).toBe(code);
      }
    }
  });

  it('reports every problem, not just the first, and counts rows', () => {
    const d = doc();
    for (const lead of d.tables.leads) lead.stage = 'x';
    d.tables.leads[0]!.value = -3;
    const params = expectError(parseBackup(JSON.stringify(d)), 'invalidRows');
    expect(params).toMatchObject({ count: d.tables.leads.length + 1, rows: d.tables.leads.length });
  });
});

describe('validateRows', () => {
  it('never changes what it checks', () => {
    const d = doc();
    d.tables.leads[0]!.stage = 'x';
    d.tables.leads.push({ ...d.tables.leads[0]! });
    const before = JSON.stringify(d);
    const frozen = deepFreeze(structuredClone(d));
    const report = validateRows(frozen as unknown as BackupData);
    expect(report.problemCount).toBeGreaterThan(0);
    expect(report.blocking).toBe(true);
    expect(JSON.stringify(frozen)).toBe(before);
  });

  it('finds refused keys in stored rows (the database is not walked by the parser)', () => {
    const data = fixtureBackupData();
    const snapshot = JSON.parse('{"a":{"__proto__":{"x":1}}}');
    data.tables.reports[0]!.snapshot = snapshot;
    const report = validateRows(data);
    expect(report.problems).toEqual([{ table: 'reports', index: 0, id: 'report-1', field: 'snapshot.a.__proto__', code: 'forbiddenKey' }]);
  });

  it('judges nesting in stored rows exactly as the parser judges it in the exported file', () => {
    for (let extra = 90; extra <= 100; extra++) {
      const data = fixtureBackupData();
      let snapshot: unknown = 0;
      for (let i = 0; i < extra; i++) snapshot = [snapshot];
      data.tables.reports[0]!.snapshot = snapshot;
      const stored = validateRows(data).problems.some((p) => p.code === 'tooDeep');
      const parsed = parseBackup(text(data));
      expect(!parsed.ok && parsed.error.key === 'backup.error.tooDeep', `depth ${extra}`).toBe(stored);
    }
  });

  it('counts rows and reports nothing for good data', () => {
    const report = validateRows(fixtureBackupData());
    expect(report).toMatchObject({ problemCount: 0, blocking: false, problems: [] });
    expect(report.rowCount).toBe(Object.values(fixtureBackupData().tables).flat().length + 2);
  });
});

describe('migrations', () => {
  // Format 1 is the first; this chain pretends an older "format 0" existed where time entries were
  // a table called `entries` and wins had no tags, to prove the chain runs and is validated after.
  const migrations = {
    0: (d: Record<string, unknown>) => {
      const { entries, ...tables } = d.tables as Record<string, unknown[]>;
      return { ...d, tables: { ...tables, timeEntries: entries, wins: (tables.wins ?? []).map((w) => ({ tags: [], ...(w as object) })) } };
    },
  };
  const formatZero = () => {
    const d = doc();
    d.formatVersion = 0;
    const tables = d.tables as Record<string, unknown>;
    tables.entries = tables.timeEntries;
    delete tables.timeEntries;
    for (const win of d.tables.wins) delete win.tags;
    return JSON.stringify(d);
  };

  it('brings an older file to the current format, then validates it fully', () => {
    const result = accepted(parseBackup(formatZero(), { migrations }));
    expect(result.preview).toMatchObject({ formatVersion: 0, migrated: true });
    expect(result.backup.formatVersion).toBe(BACKUP_FORMAT_VERSION);
    expect(result.backup.tables.timeEntries).toHaveLength(fixtureBackupData().tables.timeEntries.length);
    expect(result.backup.tables.wins.every((w) => Array.isArray(w.tags))).toBe(true);
  });

  it('refuses when a step is missing, and reports a step that fails', () => {
    expectError(parseBackup(formatZero()), 'tooOld');
    const failing = { 0: () => { throw new Error('no entries'); } };
    expect(expectError(parseBackup(formatZero(), { migrations: failing }), 'migration').detail).toBe('no entries');
    const wrong = { 0: (d: Record<string, unknown>) => d };
    expectError(parseBackup(formatZero(), { migrations: wrong }), 'structure');
  });

  it('runs steps in order, each setting the next version', () => {
    const seen: number[] = [];
    const steps = { 3: (d: Record<string, unknown>) => (seen.push(d.formatVersion as number), d), 4: (d: Record<string, unknown>) => (seen.push(d.formatVersion as number), d) };
    const result = migrateDocument({ formatVersion: 3 }, 3, 5, steps);
    expect(result).toEqual({ ok: true, document: { formatVersion: 5 } });
    expect(seen).toEqual([3, 4]);
  });
});

describe('bytes and encodings', () => {
  const utf16 = (s: string, bigEndian: boolean, bom: boolean) => {
    const bytes = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
    const units = (bom ? '\ufeff' : '') + s;
    for (let i = 0; i < units.length; i++) {
      const u = units.charCodeAt(i);
      bytes[2 * i + (bigEndian ? 0 : 1)] = u >> 8;
      bytes[2 * i + (bigEndian ? 1 : 0)] = u & 0xff;
    }
    return bytes;
  };
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('reads UTF-8 with or without a BOM, and UTF-16 in either byte order with or without one', () => {
    const expected = text();
    const inputs = [utf8(expected), new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(expected)]), utf16(expected, false, true), utf16(expected, true, true), utf16(expected, false, false), utf16(expected, true, false)];
    for (const bytes of inputs) {
      const result = accepted(parseBackupBytes(bytes));
      expect(serializeBackup(result.backup, result.backup)).toBe(expected);
    }
  });

  it('refuses bytes that are not UTF-8 (Shift_JIS, a cut multi-byte character) instead of guessing', () => {
    const sjis = new Uint8Array([0x7b, 0x22, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67, 0x22, 0x7d]); // {"テスト"}
    expect(decodeBackupBytes(sjis)).toEqual({ ok: false, error: { key: 'backup.error.encoding', params: {} } });
    const cut = utf8(text().replace('"0.1.0"', '"あ"')).slice(0, 30);
    expect(parseBackupBytes(cut.slice(0, cut.indexOf(0xe3) + 1)).ok).toBe(false);
    expect(parseBackupBytes(new Uint8Array([0xff, 0xff, 0xff])).ok).toBe(false);
    expectError(parseBackupBytes(new Uint8Array()), 'empty');
  });
});

describe('names and messages', () => {
  it('names files by local date and time', () => {
    expect(backupFileName(Date.UTC(2026, 10, 23, 5, 30), 'Asia/Tokyo')).toBe('TwoHats-backup-2026-11-23-1430.json');
    expect(backupFileName(Date.UTC(2026, 10, 23, 15, 5), 'Asia/Tokyo', 'before-restore')).toBe('TwoHats-before-restore-2026-11-24-0005.json');
    expect(backupFileName(Date.UTC(2026, 10, 23, 5, 30), 'America/Los_Angeles')).toBe('TwoHats-backup-2026-11-22-2130.json');
  });

  it('every error and problem code has a message in both languages', () => {
    for (const code of BACKUP_ERROR_CODES) {
      expect(backupEn.error[code], code).toBeTruthy();
      expect(backupJa.error[code], code).toBeTruthy();
    }
    for (const code of PROBLEM_CODES) {
      expect(backupEn.problem[code], code).toBeTruthy();
      expect(backupJa.problem[code], code).toBeTruthy();
    }
    for (const table of [...BACKUP_TABLES, 'settings', 'timer'] as const) expect(backupEn.table[table]).toBeTruthy();
  });

  it('error messages use exactly the parameters the parser gives', () => {
    const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
    const d = doc();
    d.tables.leads[0]!.stage = 'x';
    const samples: [ParseResult, keyof typeof backupEn.error][] = [
      [parseBackup('{'), 'truncated'],
      [parseBackup('x'), 'notJson'],
      [parseBackup(JSON.stringify({ ...doc(), formatVersion: 99 })), 'newer'],
      [parseBackup(JSON.stringify(d)), 'invalidRows'],
    ];
    for (const [result, key] of samples) {
      const params = expectError(result, key);
      for (const name of placeholders(backupEn.error[key])) expect(params, `${key}.${name}`).toHaveProperty(name!);
      expect(placeholders(backupJa.error[key])).toEqual(placeholders(backupEn.error[key]));
    }
  });
});

describe('settings in the file', () => {
  it('are the stored row, whatever the defaults are', () => {
    const data = fixtureBackupData();
    data.settings = { ...defaultSettings(0), userName: '山田' };
    const result = accepted(parseBackup(text(data)));
    expect(result.backup.settings).toEqual(data.settings);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('canonicalJson on odd stored values (export must never drop or fail)', () => {
  it('keeps an own __proto__ key, writes holes as null and a bigint as its digits', () => {
    const own = JSON.parse('{"b":1,"__proto__":{"x":1}}');
    expect(canonicalJson(own)).toBe('{"__proto__":{"x":1},"b":1}');
    expect(canonicalJson({ a: own })).toBe('{"a":{"__proto__":{"x":1},"b":1}}');
    const holey = [1, 2, 3];
    delete holey[1];
    expect(canonicalJson(holey)).toBe('[1,null,3]');
    expect(canonicalJson({ '1': holey })).toBe('{"1":[1,null,3]}');
    expect(canonicalJson({ n: 10n })).toBe('{"n":"10"}');
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('backup messages (merged as `backup` by the app)', () => {
  type Tree = { [key: string]: string | Tree };
  const leaves = (tree: Tree, prefix = ''): [string, string][] =>
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
  const en = new Map(leaves(backupEn as unknown as Tree));
  const ja = new Map(leaves(backupJa as unknown as Tree));
  const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

  it('have the same keys and placeholders in ja and en, and ja is really Japanese', () => {
    expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(placeholders(ja.get(key)!), key).toEqual(placeholders(text));
      expect(ja.get(key), key).not.toBe(text);
      expect(text.trim(), key).not.toBe('');
    }
  });
});

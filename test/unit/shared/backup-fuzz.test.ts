/**
 * Fuzzing the backup parser. Whatever the input, it is either accepted, and then holds exactly
 * what the file held and writes back byte-identically, or refused with a message key from
 * BACKUP_ERROR_CODES. It never throws and never pollutes a prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_ERROR_CODES,
  MAX_BACKUP_DEPTH,
  canonicalJson,
  compareIds,
  parseBackup,
  parseBackupBytes,
  serializeBackup,
  type Backup,
  type BackupData,
  type ParseResult,
} from '../../../shared/backup';
import { defaultSettings } from '../../../shared/domain/model/settings';
import { META, backupDataArb } from './backup-fixtures';

const RUNS = { roundTrip: 300, strings: 1000, mutations: 300, huge: 50 };
const ERROR_KEYS = new Set(BACKUP_ERROR_CODES.map((code) => `backup.error.${code}`));
const settings = { ...defaultSettings(META.exportedAt), userName: '山田 太郎', companyName: '株式会社サンプル' };
const validFile = backupDataArb(settings).map((data) => serializeBackup(data, META));

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The one property every input must satisfy. Returns the result for further checks. */
function checkOutcome(input: string | Uint8Array, result: ParseResult = typeof input === 'string' ? parseBackup(input) : parseBackupBytes(input)): ParseResult {
  expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').toBeUndefined();
  if (!result.ok) {
    expect(ERROR_KEYS.has(result.error.key), result.error.key).toBe(true);
    for (const value of Object.values(result.error.params)) expect(['string', 'number']).toContain(typeof value);
    return result;
  }
  // Accepted: exactly the file's data (nothing dropped, added or changed; the envelope is strict,
  // so the canonical form of the raw JSON covers every key)…
  const written = serializeBackup(result.backup, result.backup);
  if (typeof input === 'string') {
    const raw = JSON.parse(stripBom(input)) as Backup;
    expect(written).toBe(serializeBackup(raw, raw));
    expect(Object.keys(raw).sort()).toEqual(['app', 'appVersion', 'exportedAt', 'formatVersion', 'settings', 'tables', 'timer']);
  }
  // …and it writes back to a file that reads back to the same data, byte for byte on re-export.
  const again = parseBackup(written);
  expect(again.ok).toBe(true);
  if (again.ok) expect(serializeBackup(again.backup, again.backup)).toBe(written);
  return result;
}

function inFileOrder(data: BackupData): BackupData {
  const tables = Object.fromEntries(Object.entries(data.tables).map(([table, rows]) => [table, [...(rows as unknown[])].sort(compareIds)]));
  return { settings: data.settings, timer: data.timer, tables: tables as unknown as BackupData['tables'] };
}

/** Every (container, key) place in a JSON tree, in a fixed order, for picking one to mutate. */
function places(root: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [];
  const visit = (value: unknown, depth: number) => {
    if (Array.isArray(value)) value.forEach((v, i) => (out.push({ parent: value, key: i, depth: depth + 1 }), visit(v, depth + 1)));
    else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        out.push({ parent: value as Record<string, unknown>, key: k, depth: depth + 1 });
        visit(v, depth + 1);
      }
    }
  };
  visit(root, 0);
  return out;
}

function objectsIn(root: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      out.push(value as Record<string, unknown>);
      Object.values(value).forEach(visit);
    }
  };
  visit(root);
  return out;
}

describe('valid backups', () => {
  it(`round-trip exactly: parse(serialize(d)) holds d, and writes back byte-identically (${RUNS.roundTrip} runs)`, () => {
    fc.assert(
      fc.property(backupDataArb(settings), (data) => {
        const file = serializeBackup(data, META);
        const result = parseBackup(file);
        if (!result.ok) throw new Error(`${result.error.key} ${JSON.stringify(result.error.params)}`);
        // The same data: rows are in id order in the file, so compare them in that order.
        expect(canonicalJson(inFileOrder(result.backup))).toBe(canonicalJson(inFileOrder(data)));
        expect(serializeBackup(result.backup, result.backup)).toBe(file);
      }),
      { numRuns: RUNS.roundTrip },
    );
  });
});

describe('arbitrary input', () => {
  it(`any string: accepted exactly or refused with a message, never a throw (${RUNS.strings} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v) ?? '')), (input) => {
        checkOutcome(input);
      }),
      { numRuns: RUNS.strings },
    );
  });

  it(`any bytes: decoded strictly, then as above (${RUNS.strings} runs)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        checkOutcome(bytes);
      }),
      { numRuns: RUNS.strings },
    );
  });

  it(`JSON that looks like a backup (the marker, a version, random parts) (${RUNS.strings} runs)`, () => {
    const almost = fc.record(
      {
        app: fc.constantFrom('TwoHats', 'twohats', 1),
        formatVersion: fc.oneof(fc.constantFrom(0, 1, 2, -1, 1.5, '1'), fc.integer()),
        appVersion: fc.oneof(fc.string(), fc.integer()),
        exportedAt: fc.oneof(fc.integer(), fc.string()),
        settings: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
        timer: fc.oneof(fc.constant(null), fc.jsonValue({ maxDepth: 2 })),
        tables: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(fc.constantFrom('leads', 'wins', 'goals', 'x'), fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }))),
      },
      { requiredKeys: ['app'] },
    );
    fc.assert(
      fc.property(almost, (value) => {
        checkOutcome(JSON.stringify(value));
      }),
      { numRuns: RUNS.strings },
    );
  });
});

describe('mutated valid files', () => {
  it(`a file cut anywhere is refused as truncated (${RUNS.mutations} runs)`, () => {
    fc.assert(
      fc.property(validFile, fc.double({ min: 0, max: 1, noNaN: true }), (file, at) => {
        const cut = file.slice(0, Math.floor(at * (file.length - 2)));
        const result = checkOutcome(cut);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(['backup.error.truncated', 'backup.error.empty']).toContain(result.error.key);
      }),
      { numRuns: RUNS.mutations },
    );
  });

  it(`any value replaced by a value of any type (${RUNS.mutations} runs)`, () => {
    fc.assert(
      fc.property(validFile, fc.nat(), fc.jsonValue({ maxDepth: 3 }), (file, pick, value) => {
        const doc = JSON.parse(file);
        const all = places(doc);
        const place = all[pick % all.length]!;
        (place.parent as Record<string | number, unknown>)[place.key] = value;
        checkOutcome(JSON.stringify(doc));
      }),
      { numRuns: RUNS.mutations },
    );
  });

  it(`invalid dates in instant fields are refused (${RUNS.mutations} runs)`, () => {
    const badInstant = fc.oneof(
      fc.constantFrom(8.64e15 + 1, -8.64e15 - 1, 1e300, '2026-11-23T09:00:00Z', 'Invalid Date', null, true, {}),
      fc.double({ min: 8.64e15, noNaN: true, noDefaultInfinity: true, minExcluded: true }),
    );
    const instantKeys = new Set(['start', 'end', 'at', 'createdAt', 'updatedAt', 'exportedAt', 'startedAt', 'lastActivityAt', 'periodStart', 'periodEnd']);
    fc.assert(
      fc.property(validFile, fc.nat(), badInstant, (file, pick, value) => {
        const doc = JSON.parse(file);
        const candidates = places(doc).filter((p) => typeof p.key === 'string' && instantKeys.has(p.key) && typeof (p.parent as Record<string, unknown>)[p.key] === 'number');
        fc.pre(candidates.length > 0);
        const place = candidates[pick % candidates.length]!;
        (place.parent as Record<string | number, unknown>)[place.key] = value;
        const result = checkOutcome(JSON.stringify(doc));
        expect(result.ok).toBe(false);
      }),
      { numRuns: RUNS.mutations },
    );
  });

  it(`__proto__ / constructor / prototype added to any object are refused, and pollute nothing (${RUNS.mutations} runs)`, () => {
    fc.assert(
      fc.property(validFile, fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.jsonValue({ maxDepth: 2 }), (file, pick, key, value) => {
        const doc = JSON.parse(file);
        const objects = objectsIn(doc);
        const target = objects[pick % objects.length]!;
        // An own property, as JSON.parse makes it (plain assignment of __proto__ would set the prototype).
        Object.defineProperty(target, key, { value: { polluted: true, value }, enumerable: true, configurable: true, writable: true });
        const result = checkOutcome(JSON.stringify(doc));
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.key).toBe('backup.error.forbiddenKey');
          expect(result.error.params.key).toBe(key);
        }
      }),
      { numRuns: RUNS.mutations },
    );
  });

  it(`any value wrapped in deep nesting: refused past the limit, never a stack overflow (${RUNS.mutations} runs)`, () => {
    fc.assert(
      fc.property(validFile, fc.nat(), fc.oneof(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 150, max: 20_000 })), fc.boolean(), (file, pick, depth, asObjects) => {
        const doc = JSON.parse(file);
        const all = places(doc);
        const place = all[pick % all.length]!;
        const marker = '"DEEP-MARKER-7f3a"';
        (place.parent as Record<string | number, unknown>)[place.key] = 'DEEP-MARKER-7f3a';
        const open = asObjects ? '{"a":'.repeat(depth) : '['.repeat(depth);
        const close = asObjects ? '}'.repeat(depth) : ']'.repeat(depth);
        const input = JSON.stringify(doc).replace(marker, `${open}0${close}`);
        const result = checkOutcome(input);
        // (Replacing the marker or the version is refused for that first.)
        const envelopeMarker = place.depth === 1 && (place.key === 'app' || place.key === 'formatVersion');
        if (place.depth + depth > MAX_BACKUP_DEPTH && !envelopeMarker) {
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.key).toBe('backup.error.tooDeep');
        }
      }),
      { numRuns: RUNS.mutations },
    );
  });

  it(`any string made huge (up to 2 MB): accepted exactly where text is allowed (${RUNS.huge} runs)`, () => {
    fc.assert(
      fc.property(validFile, fc.nat(), fc.integer({ min: 1, max: 2_000_000 }), fc.constantFrom('a', 'あ', '\ud83d\ude00', '"\\'), (file, pick, length, unit) => {
        const doc = JSON.parse(file);
        const strings = places(doc).filter((p) => typeof (p.parent as Record<string | number, unknown>)[p.key] === 'string');
        const place = strings[pick % strings.length]!;
        (place.parent as Record<string | number, unknown>)[place.key] = unit.repeat(Math.ceil(length / unit.length));
        checkOutcome(JSON.stringify(doc));
      }),
      { numRuns: RUNS.huge },
    );
  }, 120_000);

  it(`BOMs and encodings: UTF-8 ± BOM, UTF-16 LE/BE ± BOM all read the same; a flipped byte is accepted exactly or refused (${RUNS.mutations} runs)`, () => {
    fc.assert(
      fc.property(validFile, fc.constantFrom('utf8', 'utf8-bom', 'bom-in-text', 'utf16le', 'utf16be', 'utf16le-bom', 'utf16be-bom'), fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }))), (file, encoding, flip) => {
        let bytes: Uint8Array;
        if (encoding.startsWith('utf16')) {
          const bom = encoding.endsWith('bom');
          const units = (bom ? '\ufeff' : '') + file;
          bytes = new Uint8Array(units.length * 2);
          const big = encoding.startsWith('utf16be');
          for (let i = 0; i < units.length; i++) {
            const u = units.charCodeAt(i);
            bytes[2 * i + (big ? 0 : 1)] = u >> 8;
            bytes[2 * i + (big ? 1 : 0)] = u & 0xff;
          }
        } else {
          const encoded = new TextEncoder().encode(encoding === 'bom-in-text' ? `\ufeff${file}` : file);
          bytes = encoding === 'utf8-bom' ? new Uint8Array([0xef, 0xbb, 0xbf, ...encoded]) : encoded;
        }
        if (!flip) {
          const result = checkOutcome(bytes);
          expect(result.ok).toBe(true);
          if (result.ok) expect(serializeBackup(result.backup, result.backup)).toBe(file);
          return;
        }
        const [at, value] = flip;
        bytes[at % bytes.length] = value;
        checkOutcome(bytes);
      }),
      { numRuns: RUNS.mutations },
    );
  });
});

/**
 * Writing a backup in its one canonical form, so that export → restore → export gives the same
 * bytes: object keys sorted (UTF-16 code-unit order, JavaScript's default sort), table rows sorted
 * by id, numbers and strings exactly as JSON.stringify writes them. The layout puts one row per
 * line, so two backups compare well with any line diff, and the file stays readable.
 */
import { BACKUP_APP, BACKUP_FORMAT_VERSION, BACKUP_TABLES, type BackupData, type BackupMeta } from './format';

/**
 * `value` as compact JSON with every object's keys sorted. Follows JSON.stringify for everything
 * else (toJSON, undefined and functions skipped in objects and written as null in arrays, non-finite
 * numbers as null), except that it never reorders integer-like keys ahead of the others as JSON
 * does. Rows are written "as is", even invalid ones: exporting must never fail or drop anything.
 */
export function canonicalJson(value: unknown): string {
  let copy: unknown;
  try {
    copy = sortedCopy(value);
  } catch (error) {
    if (error !== DIGIT_KEY) throw error;
    return write(value) ?? 'null';
  }
  return JSON.stringify(copy) ?? 'null';
}

// Hot path: a ten-year database is ~200,000 rows. The fast way is a copy with keys inserted in
// sorted order, written by the native JSON.stringify. JavaScript, though, always lists integer-like
// keys ("10", "9") first in ascending numeric order, whatever the insertion order; for an object
// with a key starting with a digit the slower writer below, which orders every key itself, is used.
const DIGIT_KEY = Symbol('digit key');

function sortedCopy(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  const withJson = value as { toJSON?: unknown };
  if (typeof withJson.toJSON === 'function') return sortedCopy((withJson.toJSON as () => unknown).call(value));
  if (Array.isArray(value)) return Array.from(value, sortedCopy);
  const keys = Object.keys(value).sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const first = key.charCodeAt(0);
    if (first >= 0x30 && first <= 0x39) throw DIGIT_KEY;
    const item = sortedCopy((value as Record<string, unknown>)[key]);
    // Assigning "__proto__" would set the prototype; it must stay an own property like any key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      // IndexedDB can hold a bigint, JSON cannot; TwoHats never stores one. Written as its digits
      // in a string rather than failing the export.
      return JSON.stringify(value.toString());
    case 'object': {
      if (value === null) return 'null';
      const withJson = value as { toJSON?: unknown };
      if (typeof withJson.toJSON === 'function') return write((withJson.toJSON as () => unknown).call(value));
      if (Array.isArray(value)) return `[${Array.from(value, (item) => write(item) ?? 'null').join(',')}]`;
      const record = value as Record<string, unknown>;
      const parts: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const text = write(record[key]);
        if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
      }
      return `{${parts.join(',')}}`;
    }
    default:
      // undefined, functions, symbols: skipped, as JSON.stringify does.
      return undefined;
  }
}

/** Code-unit order of ids, the order IndexedDB keeps string keys in. Non-string ids go first. */
export function compareIds(a: unknown, b: unknown): number {
  const x = idOf(a);
  const y = idOf(b);
  if (typeof x !== typeof y) return typeof x === 'string' ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function idOf(row: unknown): string | number {
  const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
  if (typeof id === 'string' || typeof id === 'number') return id;
  return Number.NEGATIVE_INFINITY;
}

/** The rows sorted by id; the database already returns them so, which is checked in one pass. */
function inIdOrder(rows: readonly unknown[]): readonly unknown[] {
  for (let i = 1; i < rows.length; i++) if (compareIds(rows[i - 1], rows[i]) > 0) return [...rows].sort(compareIds);
  return rows;
}

/**
 * The backup file's text. Every call with equal data and meta returns the same string; rows
 * are never validated or changed here (see validate-rows.ts), so what the database holds is what
 * the file holds.
 */
export function serializeBackup(data: BackupData, meta: BackupMeta): string {
  const lines: string[] = ['{'];
  lines.push(`  "app": ${JSON.stringify(BACKUP_APP)},`);
  lines.push(`  "appVersion": ${canonicalJson(meta.appVersion)},`);
  lines.push(`  "exportedAt": ${canonicalJson(meta.exportedAt)},`);
  lines.push(`  "formatVersion": ${BACKUP_FORMAT_VERSION},`);
  lines.push(`  "settings": ${canonicalJson(data.settings ?? null)},`);
  lines.push('  "tables": {');
  BACKUP_TABLES.forEach((table, t) => {
    const comma = t < BACKUP_TABLES.length - 1 ? ',' : '';
    const rows = inIdOrder(data.tables[table] as readonly unknown[]);
    if (rows.length === 0) {
      lines.push(`    ${JSON.stringify(table)}: []${comma}`);
      return;
    }
    lines.push(`    ${JSON.stringify(table)}: [`);
    for (let i = 0; i < rows.length; i++) lines.push(`      ${canonicalJson(rows[i])}${i < rows.length - 1 ? ',' : ''}`);
    lines.push(`    ]${comma}`);
  });
  lines.push('  },');
  lines.push(`  "timer": ${canonicalJson(data.timer ?? null)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** For the save dialog's file type filter (SaveFileRequest.filter). */
export const BACKUP_FILE_FILTER = { name: 'TwoHats backup', extensions: ['json'] };

/**
 * "TwoHats-backup-2026-11-23-1430.json" in the user's time zone; "TwoHats-before-restore-…" for the
 * automatic copy taken before a restore. Sorts by date in any file list.
 */
export function backupFileName(at: number, timeZone: string, purpose: 'backup' | 'before-restore' = 'backup'): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `TwoHats-${purpose}-${part('year')}-${part('month')}-${part('day')}-${part('hour')}${part('minute')}.json`;
}

/**
 * Reading a backup file: bytes → text → JSON → checked, migrated, validated backup with a
 * preview, or a refusal with an i18n key and its parameters. Never throws, whatever the input:
 * every way a file can be wrong ends in a message the user can read.
 *
 * Order of the checks, cheapest and most telling first:
 *   1. a leading BOM is dropped; an empty file is refused;
 *   2. JSON.parse (V8's parser is iterative, so even 10⁶ nested arrays cannot exhaust the stack;
 *      no reviver, because a reviver recurses); a file cut short is told apart from other junk;
 *   3. the `app: "TwoHats"` marker (another app's JSON);
 *   4. `formatVersion`: newer → "update the app"; older → migrated (migrations.ts);
 *   5. one iterative walk over the whole tree: nesting beyond MAX_BACKUP_DEPTH and the keys
 *      __proto__ / constructor / prototype are refused (never dropped: see FORBIDDEN_KEYS);
 *   6. the envelope (zod), then every row (validate-rows.ts).
 */
import { validateRows, walkForForbidden, isPlainRecord, type RowProblem, type ValidationReport } from './validate-rows';
import {
  BACKUP_APP,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  MAX_BACKUP_DEPTH,
  envelopeSchema,
  type Backup,
  type BackupTable,
} from './format';
import { BACKUP_MIGRATIONS, migrateDocument, type BackupMigration } from './migrations';

export const BACKUP_ERROR_CODES = [
  'empty',
  'encoding',
  'notJson',
  'truncated',
  'tooDeep',
  'forbiddenKey',
  'notTwoHats',
  'badVersion',
  'newer',
  'tooOld',
  'migration',
  'structure',
  'invalidRows',
  'unrestorable',
  'unreadable',
  // Used by renderer/db/backup.ts when writing:
  'restoreFailed',
  'quota',
  'snapshotFailed',
] as const;
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number];
export type BackupErrorKey = `backup.error.${BackupErrorCode}`;

export interface BackupError {
  key: BackupErrorKey;
  params: Record<string, string | number>;
  /** For invalidRows / unrestorable: what is wrong, row by row (see ValidationReport). */
  problems?: RowProblem[];
}

export interface BackupPreview {
  /** The format version of the file as read (before any migration). */
  formatVersion: number;
  /** True when the file was written in an older format and has been converted. */
  migrated: boolean;
  appVersion: string;
  exportedAt: number;
  counts: Record<BackupTable, number>;
  /** All table rows (settings and timer not included). */
  totalRows: number;
  hasSettings: boolean;
  hasTimer: boolean;
  /** Earliest and latest dated row (see DATE_FIELDS), or null when no row has a date. */
  range: { from: number; to: number } | null;
  /** Problems kept as they are (only with keepInvalidRows); 0 otherwise. */
  problemCount: number;
}

export type ParseResult =
  /** `backup` is the file's JSON itself, never a copy: with keepInvalidRows, rows listed in `report` may not match their types. */
  | { ok: true; backup: Backup; preview: BackupPreview; report: ValidationReport }
  | { ok: false; error: BackupError };

export interface ParseOptions {
  /**
   * Accept rows that fail validation (a wrong type, an unknown enum value…), keeping them exactly
   * as they are and reporting them in `report`, for "restore anyway" and for undoing a restore of
   * data that was already invalid. Rows that cannot be stored at all (not an object, no id,
   * a duplicate id) are refused in either mode.
   */
  keepInvalidRows?: boolean;
  /** The migration steps (tests pass their own to exercise the chain). */
  migrations?: Readonly<Record<number, BackupMigration>>;
}

/** The instant that places each table's rows in time for the preview's date range. */
export const DATE_FIELDS: Readonly<Partial<Record<BackupTable, string>>> = {
  initiatives: 'start',
  leadEvents: 'at',
  leads: 'createdAt',
  reports: 'createdAt',
  timeBoxes: 'start',
  timeEntries: 'start',
  wins: 'at',
};

const fail = (code: BackupErrorCode, params: Record<string, string | number> = {}, problems?: RowProblem[]): ParseResult => ({
  ok: false,
  error: problems ? { key: `backup.error.${code}`, params, problems } : { key: `backup.error.${code}`, params },
});

export function parseBackup(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return parse(text, options);
  } catch (error) {
    // Out of memory on a huge file, or a bug: still a message, never an exception in the UI.
    return fail('unreadable', { detail: clip(error instanceof Error ? error.message : String(error), 160) });
  }
}

function parse(input: string, options: ParseOptions): ParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return fail('empty');

  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    if (endsInsideValue(text)) return fail('truncated');
    // The engine's message (it may quote a little of the file), cut to message length.
    return fail('notJson', { detail: clip(error instanceof Error ? error.message : String(error), 160) });
  }

  if (!isPlainRecord(document) || document.app !== BACKUP_APP) return fail('notTwoHats');
  const version = document.formatVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return fail('badVersion', { formatVersion: typeof version === 'number' || typeof version === 'string' ? clip(String(version)) : '—' });
  }
  if (version > BACKUP_FORMAT_VERSION) {
    return fail('newer', {
      formatVersion: version,
      appVersion: typeof document.appVersion === 'string' ? document.appVersion.slice(0, 40) : '?',
      supported: BACKUP_FORMAT_VERSION,
    });
  }

  const refused = walkForForbidden(document);
  if (refused?.code === 'tooDeep') return fail('tooDeep', { max: MAX_BACKUP_DEPTH, field: clip(refused.field) });
  if (refused) return fail('forbiddenKey', { key: refused.field.split('.').pop() ?? '', field: clip(refused.field) });

  if (version < BACKUP_FORMAT_VERSION) {
    const migrated = migrateDocument(document, version, BACKUP_FORMAT_VERSION, options.migrations ?? BACKUP_MIGRATIONS);
    if (!migrated.ok) {
      return migrated.reason === 'no-path' ? fail('tooOld', { formatVersion: version }) : fail('migration', { formatVersion: version, detail: clip(migrated.detail, 160) });
    }
    document = migrated.document;
  }

  const envelope = envelopeSchema.safeParse(document);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return fail('structure', { field: clip(path.map(String).join('.')) });
  }
  const backup = document as unknown as Backup;

  const report = validateRows(backup, { walkKeys: false });
  if (report.blocking) {
    const first = report.problems.find((p) => p.code === 'notObject' || p.code === 'id' || p.code === 'duplicateId') ?? report.problems[0]!;
    return fail('unrestorable', problemParams(report, first), report.problems);
  }
  if (report.problemCount > 0 && !options.keepInvalidRows) {
    return fail('invalidRows', problemParams(report, report.problems[0]!), report.problems);
  }
  return { ok: true, backup, preview: backupPreview(backup, { formatVersion: version, problemCount: report.problemCount }), report };
}

function problemParams(report: ValidationReport, first: RowProblem): Record<string, string | number> {
  const rows = Object.values(report.invalidRows).reduce((a, b) => a + b, 0);
  return { count: report.problemCount, rows, table: first.table, row: first.index + 1, id: clip(first.id ?? '—'), field: clip(first.field), problem: first.code };
}

/** Long paths and ids are cut so a message stays a message. */
function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Whether the text ends inside a string, an array or an object: the mark of a file cut short
 * (a copy interrupted, a disk full). Only run after JSON.parse has failed, to choose the message.
 */
export function endsInsideValue(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return inString || depth > 0;
}

/** Counts per table, date range, versions: what the user sees before choosing to restore. */
export function backupPreview(backup: Backup, read: { formatVersion?: number; problemCount?: number } = {}): BackupPreview {
  const counts = {} as Record<BackupTable, number>;
  let totalRows = 0;
  let from = Infinity;
  let to = -Infinity;
  for (const table of BACKUP_TABLES) {
    const rows = backup.tables[table] as readonly unknown[];
    counts[table] = rows.length;
    totalRows += rows.length;
    const field = DATE_FIELDS[table];
    if (!field) continue;
    for (const row of rows) {
      const at = isPlainRecord(row) ? row[field] : undefined;
      if (typeof at !== 'number' || !Number.isFinite(at)) continue;
      if (at < from) from = at;
      if (at > to) to = at;
    }
  }
  const formatVersion = read.formatVersion ?? backup.formatVersion;
  return {
    formatVersion,
    migrated: formatVersion < BACKUP_FORMAT_VERSION,
    appVersion: backup.appVersion,
    exportedAt: backup.exportedAt,
    counts,
    totalRows,
    hasSettings: backup.settings !== null,
    hasTimer: backup.timer !== null,
    range: from <= to ? { from, to } : null,
    problemCount: read.problemCount ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Bytes

interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options: { fatal: boolean; ignoreBOM?: boolean }) => Decoder;

export type DecodeResult = { ok: true; text: string } | { ok: false; error: BackupError };

/**
 * The file's bytes as text. TwoHats writes UTF-8 without a BOM; a UTF-8 BOM and UTF-16 (with a BOM,
 * or recognised by the zero bytes of its first ASCII character, RFC 4627 §3) are read as well, since
 * an editor may have saved the file that way. Anything else that is not valid UTF-8 (Shift_JIS…)
 * is refused rather than read with replacement characters, which would change the data.
 */
export function decodeBackupBytes(bytes: Uint8Array): DecodeResult {
  const TextDecoderClass = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;
  let encoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) encoding = 'utf-16le';
  else if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) encoding = 'utf-16be';
  try {
    const text = new TextDecoderClass(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
    return { ok: true, text };
  } catch {
    return { ok: false, error: { key: 'backup.error.encoding', params: {} } };
  }
}

/** decodeBackupBytes then parseBackup: what the UI calls with the picked file's contents. */
export function parseBackupBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const decoded = decodeBackupBytes(bytes);
  return decoded.ok ? parseBackup(decoded.text, options) : { ok: false, error: decoded.error };
}


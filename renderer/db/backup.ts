/**
 * Backup and restore against the database. Reads happen in one read transaction (a consistent
 * picture even while the timer writes); a restore replaces every table in ONE read-write
 * transaction, so it lands whole or not at all: any failure (a refused row, a full disk, a closed
 * tab) rolls back to exactly the data that was there before.
 *
 * Import this module lazily (`await import('../../db/backup')`): it brings the full zod, which the
 * start-up path must not pay for.
 */
import {
  BACKUP_APP,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  backupPreview,
  parseBackup,
  serializeBackup,
  validateRows,
  type Backup,
  type BackupData,
  type BackupError,
  type BackupMeta,
  type BackupPreview,
  type BackupTables,
  type ValidationReport,
} from '../../shared/backup';
import type { RunningTimer, Settings } from '../../shared/domain/model';
import type { TwoHatsDatabase } from './database';
import { errorName } from './open';

/** Every table a backup covers: the settings row, the timer and all user data. */
export const BACKUP_STORES = ['settings', 'timer', ...BACKUP_TABLES] as const;

/** All the user's data as it is stored, read in one transaction. Nothing is checked or changed. */
export async function readAllForBackup(db: TwoHatsDatabase): Promise<BackupData> {
  return db.transaction('r', BACKUP_STORES.map((name) => db.table(name)), async () => {
    const [settings, timer, ...rows] = await Promise.all([
      db.settings.get('app'),
      db.timer.get('current'),
      // toArray() returns rows in primary-key order, which is the file's order.
      ...BACKUP_TABLES.map((name) => db.table(name).toArray()),
    ]);
    const tables = {} as Record<string, unknown[]>;
    BACKUP_TABLES.forEach((name, i) => (tables[name] = rows[i] as unknown[]));
    return {
      settings: (settings as Settings | undefined) ?? null,
      timer: (timer as RunningTimer | undefined) ?? null,
      tables: tables as unknown as BackupTables,
    };
  });
}

export interface ExportedBackup {
  /** The file's text (UTF-8 when saved; see BACKUP_FILE_FILTER and backupFileName). */
  text: string;
  preview: BackupPreview;
  /**
   * What is wrong with the stored data, if anything. The file holds the data exactly as stored
   * either way ("export as is"); a file with problems restores only with keepInvalidRows.
   */
  report: ValidationReport;
}

/** Reads everything and writes the backup file's text. Never fails on invalid rows. */
export async function exportBackup(db: TwoHatsDatabase, meta: BackupMeta): Promise<ExportedBackup> {
  const data = await readAllForBackup(db);
  const report = validateRows(data);
  const backup: Backup = { app: BACKUP_APP, formatVersion: BACKUP_FORMAT_VERSION, ...meta, ...data };
  return { text: serializeBackup(data, meta), preview: backupPreview(backup, { problemCount: report.problemCount }), report };
}

/**
 * Checks the stored data against the format, for a start-up or Settings check. Reports only:
 * nothing is repaired or deleted; the user sees what is wrong and can export it as it is.
 */
export async function checkStoredData(db: TwoHatsDatabase): Promise<ValidationReport> {
  return validateRows(await readAllForBackup(db));
}

/** The current data as a backup file's text, taken before a restore so it can be undone. */
export async function snapshotBeforeRestore(db: TwoHatsDatabase, meta: BackupMeta): Promise<string> {
  return serializeBackup(await readAllForBackup(db), meta);
}

export type RestoreResult = { ok: true; rows: number } | { ok: false; error: BackupError };

/**
 * Replaces ALL data (settings and timer included) with the backup's, in one transaction: clear
 * every table, then add every row. `add`, not `put`: a duplicate id fails the transaction instead
 * of overwriting a row. On failure nothing has changed.
 */
export async function restoreBackup(db: TwoHatsDatabase, backup: BackupData): Promise<RestoreResult> {
  try {
    const rows = await db.transaction('rw', BACKUP_STORES.map((name) => db.table(name)), async () => {
      for (const name of BACKUP_STORES) await db.table(name).clear();
      if (backup.settings) await db.settings.add(backup.settings);
      if (backup.timer) await db.timer.add(backup.timer);
      let count = 0;
      for (const name of BACKUP_TABLES) {
        const tableRows = backup.tables[name] as readonly unknown[];
        if (tableRows.length > 0) await db.table(name).bulkAdd(tableRows as unknown[]);
        count += tableRows.length;
      }
      return count;
    });
    return { ok: true, rows };
  } catch (error) {
    return { ok: false, error: writeError(error) };
  }
}

export type RestoreWithUndoResult = { ok: true; rows: number; undo: string } | { ok: false; error: BackupError };

/**
 * What the Restore button does once the user has confirmed the preview: takes a backup of the
 * current data, hands it to `keepSnapshot` (which saves it, e.g. to a file, and resolves true once
 * it is safe), and only then restores. If the snapshot cannot be kept, nothing is restored.
 * `undo` is the snapshot's text: pass it to undoRestore to put the previous data back.
 */
export async function restoreWithUndo(
  db: TwoHatsDatabase,
  backup: BackupData,
  options: BackupMeta & { keepSnapshot: (text: string) => Promise<boolean> },
): Promise<RestoreWithUndoResult> {
  let undo: string;
  try {
    undo = await snapshotBeforeRestore(db, { appVersion: options.appVersion, exportedAt: options.exportedAt });
    if (!(await options.keepSnapshot(undo))) return { ok: false, error: { key: 'backup.error.snapshotFailed', params: {} } };
  } catch (error) {
    return { ok: false, error: { key: 'backup.error.snapshotFailed', params: { detail: message(error) } } };
  }
  const result = await restoreBackup(db, backup);
  return result.ok ? { ok: true, rows: result.rows, undo } : result;
}

/**
 * Puts back the data a restore replaced. The snapshot holds the data exactly as it was, including
 * rows that were already invalid, so it is read with keepInvalidRows.
 */
export async function undoRestore(db: TwoHatsDatabase, undo: string): Promise<RestoreResult> {
  const parsed = parseBackup(undo, { keepInvalidRows: true });
  if (!parsed.ok) return parsed;
  return restoreBackup(db, parsed.backup);
}

function writeError(error: unknown): BackupError {
  if (errorName(error) === 'QuotaExceededError') return { key: 'backup.error.quota', params: {} };
  return { key: 'backup.error.restoreFailed', params: { detail: message(error) } };
}

function message(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

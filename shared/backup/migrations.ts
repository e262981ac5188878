/**
 * Older backup formats, brought up to the current one step by step. `BACKUP_MIGRATIONS[n]` turns a
 * format-n document into a format-(n + 1) one; a file of format k < current runs k, k+1, … in
 * order. A migration receives the parsed JSON (already checked for refused keys and depth) and
 * returns a new document; it must keep every row (rename, reshape, add a default, never drop), and
 * it is followed by the full validation of the current format, so a mistake cannot slip through.
 *
 * Format 1 is the first released format, so there is nothing to migrate yet. When you bump
 * BACKUP_FORMAT_VERSION, add the step here, a fixture file of the old format to
 * test/unit/shared/backup-migrations.test.ts, and a line to docs/backup-format.md's history.
 */
import { BACKUP_FORMAT_VERSION } from './format';

export type BackupDocument = Record<string, unknown>;
export type BackupMigration = (document: BackupDocument) => BackupDocument;

export const BACKUP_MIGRATIONS: Readonly<Record<number, BackupMigration>> = {};

export type MigrationResult = { ok: true; document: BackupDocument } | { ok: false; reason: 'no-path' } | { ok: false; reason: 'failed'; detail: string };

/** Runs the steps from `from` to `to`; refuses when a step is missing (a format too old to read). */
export function migrateDocument(
  document: BackupDocument,
  from: number,
  to: number = BACKUP_FORMAT_VERSION,
  migrations: Readonly<Record<number, BackupMigration>> = BACKUP_MIGRATIONS,
): MigrationResult {
  for (let version = from; version < to; version++) {
    if (!Object.hasOwn(migrations, version)) return { ok: false, reason: 'no-path' };
  }
  let current = document;
  for (let version = from; version < to; version++) {
    try {
      current = { ...migrations[version]!(current), formatVersion: version + 1 };
    } catch (error) {
      return { ok: false, reason: 'failed', detail: error instanceof Error ? error.message : String(error) };
    }
  }
  return { ok: true, document: current };
}

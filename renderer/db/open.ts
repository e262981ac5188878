/**
 * Opens the database and turns failures into a cause the user can act on. Opening never deletes
 * anything: a newer schema on disk, a full disk or a blocked storage are reported, not "repaired".
 */
import Dexie from 'dexie';
import { TwoHatsDatabase } from './database';
import { LATEST_VERSION } from './schema';

export type OpenFailure =
  | { cause: 'no-indexeddb' }
  | { cause: 'newer-version' }
  | { cause: 'quota' }
  | { cause: 'unknown'; message: string };

export type OpenResult = { ok: true; db: TwoHatsDatabase } | { ok: false; failure: OpenFailure };

export async function openDatabase(make: () => TwoHatsDatabase = () => new TwoHatsDatabase()): Promise<OpenResult> {
  if (typeof indexedDB === 'undefined') return { ok: false, failure: { cause: 'no-indexeddb' } };
  const db = make();
  try {
    await db.open();
    // Dexie 4 opens a database written by a newer app version without complaint; this code
    // does not know that schema, so it must not write to it.
    if (storedVersion(db) > LATEST_VERSION) {
      db.close();
      return { ok: false, failure: { cause: 'newer-version' } };
    }
    return { ok: true, db };
  } catch (error) {
    db.close();
    return { ok: false, failure: classifyOpenError(error) };
  }
}

/** The schema version on disk. Dexie stores version n as n × 10 in IndexedDB. */
export function storedVersion(db: TwoHatsDatabase): number {
  return db.backendDB().version / 10;
}

export function classifyOpenError(error: unknown): OpenFailure {
  const name = errorName(error);
  if (name === Dexie.errnames.Version || name === 'VersionError') return { cause: 'newer-version' };
  if (name === Dexie.errnames.MissingAPI || name === 'MissingAPIError' || name === 'SecurityError') {
    return { cause: 'no-indexeddb' };
  }
  if (name === 'QuotaExceededError') return { cause: 'quota' };
  return { cause: 'unknown', message: error instanceof Error ? error.message : String(error) };
}

/** Dexie wraps the browser's error; the original name is in `inner`. */
export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const inner = (error as { inner?: unknown }).inner;
  const innerName = typeof inner === 'object' && inner !== null ? (inner as { name?: unknown }).name : undefined;
  const name = (error as { name?: unknown }).name;
  if (typeof name === 'string' && name !== 'OpenFailedError' && name !== 'AbortError') return name;
  if (typeof innerName === 'string') return innerName;
  return typeof name === 'string' ? name : undefined;
}

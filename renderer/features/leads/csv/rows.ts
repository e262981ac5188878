/** What happens to each checked row on import, and the counts the screen shows. */
import type { CheckedRow } from './useImportCheck';
import type { ImportChoices } from './importStore';

export type RowFate =
  /** Imported. */
  | 'import'
  /** Has errors, and the user has not excluded the rows with errors: blocks the import. */
  | 'blocked'
  /** Has errors, excluded by the user. */
  | 'excluded'
  /** A duplicate, skipped by the user's choice. */
  | 'skipped';

export function rowFate(row: CheckedRow, choices: Pick<ImportChoices, 'excludeErrors' | 'duplicates'>): RowFate {
  if (row.duplicate && choices.duplicates === 'skip') return 'skipped';
  if (row.issues.length > 0) return choices.excludeErrors ? 'excluded' : 'blocked';
  return 'import';
}

export interface ImportCounts {
  rows: number;
  errors: number;
  duplicates: number;
  toImport: number;
  blocked: number;
}

export function countRows(rows: readonly CheckedRow[], choices: Pick<ImportChoices, 'excludeErrors' | 'duplicates'>): ImportCounts {
  const counts: ImportCounts = { rows: rows.length, errors: 0, duplicates: 0, toImport: 0, blocked: 0 };
  for (const row of rows) {
    if (row.issues.length) counts.errors++;
    if (row.duplicate) counts.duplicates++;
    const fate = rowFate(row, choices);
    if (fate === 'import') counts.toImport++;
    else if (fate === 'blocked') counts.blocked++;
  }
  return counts;
}

/** At most this many rows are drawn: enough to check a mapping, cheap with 50,000 rows. */
export const PREVIEW_ROWS = 100;

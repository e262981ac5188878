/**
 * Checks rows against the backup format and reports what is wrong, table by table and row by row.
 * It never changes, repairs or drops a row: "never repair by deleting". The same check serves a
 * file being restored (parse.ts) and the data already in the database (renderer/db/backup.ts), so
 * the app can show the user exactly what is wrong and offer to export it as it is.
 */
import type * as z from 'zod';
import { LEAD_STAGES, SOURCE_IDS } from '../domain/model';
import { settingsSchema } from '../domain/model/settings';
import { BACKUP_TABLES, FORBIDDEN_KEYS, MAX_BACKUP_DEPTH, MAX_INSTANT, ROW_SCHEMAS, runningTimerSchema, type BackupTable } from './format';

/** What is wrong with one field (or the row itself). Each has a message `backup.problem.<code>`. */
export const PROBLEM_CODES = [
  // The row cannot be stored at all: restoring is impossible, whatever the user chooses.
  'notObject',
  'id',
  'duplicateId',
  'forbiddenKey',
  'tooDeep',
  // The row can be stored, but a field is not what the app expects.
  'required',
  'type',
  'enum',
  'range',
  'integer',
  'money',
  'date',
  'dayKey',
  'endBeforeStart',
  'categoryKind',
  'unknownField',
  'invalid',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Problems that make a row impossible to store (no usable primary key, or refused content). */
export const BLOCKING_PROBLEMS: ReadonlySet<ProblemCode> = new Set(['notObject', 'id', 'duplicateId', 'forbiddenKey', 'tooDeep']);

export type ProblemPlace = BackupTable | 'settings' | 'timer';

export interface RowProblem {
  table: ProblemPlace;
  /** Position of the row in its table (0 for settings and the timer). */
  index: number;
  /** The row's id when it has a usable one. */
  id: string | null;
  /** Dotted path of the field inside the row ('' for the row itself), e.g. "assumptions.winRate". */
  field: string;
  code: ProblemCode;
}

export interface ValidationReport {
  /** Every problem found (may exceed `problems.length`). */
  problemCount: number;
  /** Rows with at least one problem, per table; settings and timer count as one row each. */
  invalidRows: Record<ProblemPlace, number>;
  /** Total rows checked (settings and timer included when present). */
  rowCount: number;
  /** True when some problem is blocking: such data cannot be restored even "as it is". */
  blocking: boolean;
  /** The first MAX_REPORTED_PROBLEMS problems, in table order then row order. */
  problems: RowProblem[];
}

type FieldProblem = Pick<RowProblem, 'field' | 'code'>;

/** Enough to show and to act on; the count says how many more there are. */
export const MAX_REPORTED_PROBLEMS = 500;

/** What is checked: rows as read from a file or from the database, typed loosely on purpose. */
export interface RowsToCheck {
  settings: unknown;
  timer: unknown;
  tables: Record<BackupTable, readonly unknown[]>;
}

export interface ValidateOptions {
  /**
   * Also walk every row for forbidden keys and excessive nesting. parse.ts has already walked the
   * whole file, so it turns this off; data read from the database needs it.
   */
  walkKeys?: boolean;
}

export function emptyReport(): ValidationReport {
  return { problemCount: 0, invalidRows: emptyCounts(), rowCount: 0, blocking: false, problems: [] };
}

function emptyCounts(): Record<ProblemPlace, number> {
  const counts = { settings: 0, timer: 0 } as Record<ProblemPlace, number>;
  for (const table of BACKUP_TABLES) counts[table] = 0;
  return counts;
}

export function validateRows(data: RowsToCheck, options: ValidateOptions = {}): ValidationReport {
  const walkKeys = options.walkKeys ?? true;
  const report = emptyReport();
  const add = (problem: RowProblem) => {
    report.problemCount++;
    if (BLOCKING_PROBLEMS.has(problem.code)) report.blocking = true;
    if (report.problems.length < MAX_REPORTED_PROBLEMS) report.problems.push(problem);
  };
  const checkRow = (
    place: ProblemPlace,
    index: number,
    row: unknown,
    problemsOf: (row: Record<string, unknown>) => FieldProblem[],
    expectedId?: string,
    seen?: Set<string>,
  ) => {
    report.rowCount++;
    const before = report.problemCount;
    if (!isPlainRecord(row)) {
      add({ table: place, index, id: null, field: '', code: 'notObject' });
    } else {
      const rowId = typeof row.id === 'string' && row.id !== '' && (expectedId === undefined || row.id === expectedId) ? row.id : null;
      if (rowId === null) add({ table: place, index, id: null, field: 'id', code: 'id' });
      // At the depth the row has in a file (a table row sits 3 levels down), so the stored data
      // passes exactly when its export would.
      const structural = walkKeys ? walkForForbidden(row, place === 'settings' || place === 'timer' ? 1 : 3) : null;
      if (structural) add({ table: place, index, id: rowId, ...structural });
      // A row whose id or content is refused is not checked further: its field problems would
      // only repeat what the blocking problem already says.
      if (rowId !== null && !structural) for (const problem of problemsOf(row)) add({ table: place, index, id: rowId, ...problem });
      // Duplicate ids: the second row with an id could never be stored beside the first.
      if (rowId !== null && seen) {
        if (seen.has(rowId)) add({ table: place, index, id: rowId, field: 'id', code: 'duplicateId' });
        seen.add(rowId);
      }
    }
    if (report.problemCount > before) report.invalidRows[place]++;
  };

  if (data.settings !== null) checkRow('settings', 0, data.settings, settingsProblems, 'app');
  if (data.timer !== null) checkRow('timer', 0, data.timer, (row) => schemaProblems(runningTimerSchema, row), 'current');
  for (const table of BACKUP_TABLES) {
    const rows = data.tables[table];
    const schema = ROW_SCHEMAS[table];
    const seen = new Set<string>();
    const problemsOf = (row: Record<string, unknown>) => schemaProblems(schema, row);
    for (let index = 0; index < rows.length; index++) checkRow(table, index, rows[index], problemsOf, undefined, seen);
  }
  return report;
}

/** A JSON object (or a structured-clone one from IndexedDB): not null, not an array. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds a forbidden key (as an own property) or nesting beyond MAX_BACKUP_DEPTH, without recursion,
 * so that no input can exhaust the stack. Returns the first one found, with its path.
 */
export function walkForForbidden(root: unknown, rootDepth = 0): { field: string; code: 'forbiddenKey' | 'tooDeep' } | null {
  // A fast pass without paths (a ten-year file has millions of values); paths only when needed.
  return hasForbidden(root, rootDepth) ? walkWithPaths(root, rootDepth) : null;
}

function hasForbidden(root: unknown, rootDepth: number): boolean {
  const values: unknown[] = [root];
  const depths: number[] = [rootDepth];
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop()!;
    if (depth >= MAX_BACKUP_DEPTH) return true;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    } else {
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        if (FORBIDDEN_KEYS.includes(key)) return true;
        const item = (value as Record<string, unknown>)[key];
        if (typeof item === 'object' && item !== null) {
          values.push(item);
          depths.push(depth + 1);
        }
      }
    }
  }
  return false;
}

function walkWithPaths(root: unknown, rootDepth: number): { field: string; code: 'forbiddenKey' | 'tooDeep' } | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: rootDepth }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_BACKUP_DEPTH) return { field: path, code: 'tooDeep' };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: join(path, String(i)), depth: depth + 1 });
    } else {
      const keys = Object.keys(value);
      for (const key of keys) if (FORBIDDEN_KEYS.includes(key)) return { field: join(path, key), code: 'forbiddenKey' };
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        stack.push({ value: (value as Record<string, unknown>)[key], path: join(path, key), depth: depth + 1 });
      }
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The zod issues of one row, as problem codes with the field's path. */
function schemaProblems(schema: z.ZodType, row: Record<string, unknown>): FieldProblem[] {
  const result = schema.safeParse(row);
  if (result.success) return [];
  const problems: FieldProblem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) problems.push({ field: [...path, key].join('.'), code: 'unknownField' });
      continue;
    }
    problems.push({ field: path.join('.'), code: codeOf(issue, valueAt(row, path)) });
  }
  return problems;
}

function codeOf(issue: z.core.$ZodIssue, value: unknown): ProblemCode {
  if (value === undefined && issue.code !== 'custom') return 'required';
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? 'integer' : 'type';
    case 'invalid_value':
    case 'invalid_union':
      // A discriminated union refuses an unknown `type`; any other union here is a set of literals.
      return 'enum';
    case 'too_small':
    case 'too_big':
      return 'range';
    case 'custom':
      return (PROBLEM_CODES as readonly string[]).includes(issue.message) ? (issue.message as ProblemCode) : 'invalid';
    default:
      return 'invalid';
  }
}

function valueAt(row: unknown, path: readonly string[]): unknown {
  let value = row;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * Settings are read tolerantly by design (settingsWithDefaults): a field an older version did not
 * write is missing, and the app fills in its default. So each field present must be valid, and
 * none may be unknown, but missing fields (and missing entries of the per-stage and per-source
 * maps) are fine: restoring them gives exactly what the app showed before.
 */
function settingsProblems(row: Record<string, unknown>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const shape = settingsSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
  const maps: Record<string, { keys: readonly string[]; valid: (value: unknown) => boolean }> = {
    stageProbabilities: { keys: LEAD_STAGES, valid: (v) => typeof v === 'number' && v >= 0 && v <= 1 },
    sourceOrigins: { keys: SOURCE_IDS, valid: (v) => v === 'marketing' || v === 'sales' },
  };
  for (const [key, value] of Object.entries(row)) {
    const map = maps[key];
    if (map) {
      if (!isPlainRecord(value)) {
        problems.push({ field: key, code: 'type' });
        continue;
      }
      for (const [entry, entryValue] of Object.entries(value)) {
        if (!map.keys.includes(entry)) problems.push({ field: `${key}.${entry}`, code: 'unknownField' });
        else if (!map.valid(entryValue)) problems.push({ field: `${key}.${entry}`, code: 'invalid' });
      }
    } else if (!Object.hasOwn(shape, key)) {
      problems.push({ field: key, code: 'unknownField' });
    } else if (!shape[key]!.safeParse(value).success) {
      problems.push({ field: key, code: 'invalid' });
    } else if (key === 'updatedAt' && Math.abs(value as number) > MAX_INSTANT) {
      // The settings schema takes any number; an instant must also be one a Date can hold.
      problems.push({ field: key, code: 'date' });
    }
  }
  return problems;
}

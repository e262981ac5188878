/**
 * Metric definitions and their weekly or monthly entries.
 *
 * The built-in definitions (business cards, emails sent, opens …) are not written when the
 * Metrics screen opens: writing on open would make the database non-empty, and the sample data
 * can only be loaded into an empty one. Instead the screen shows `withBuiltinDefaults(stored)`,
 * and every write first calls `ensureBuiltinMetrics` in its own transaction, which stores exactly
 * those virtual definitions (same ids, same order). A built-in that already has a definition,
 * archived or not, and whatever its id (the sample data uses 'sample-metric-<builtin>'), never
 * gets a second one.
 *
 * Entries are one row per (metric, period key): `[metricId+period]` finds the row to update, so a
 * cell typed twice updates its row instead of adding a twin. Writes return what they replaced or
 * removed so the screen can offer Undo.
 */
import { BUILTIN_METRICS, type BuiltinMetric, type MetricDefinition, type MetricEntry, type MetricPeriod } from '../../shared/domain/model';
import { mergeMetricRows, validateMetricValue, type MetricDuplicate, type MetricMergeMode } from '../../shared/domain/metrics';
import { isDayKey, type DayKey } from '../../shared/domain/calendar';
import type { TwoHatsDatabase } from './database';
import { newId } from './time';

/** Webinars happen once or twice a month; everything else is counted weekly. */
export const BUILTIN_METRIC_PERIODS: Readonly<Record<BuiltinMetric, MetricPeriod>> = {
  'business-cards': 'week',
  'emails-sent': 'week',
  'email-opens': 'week',
  'page-views': 'week',
  inquiries: 'week',
  'document-downloads': 'week',
  'webinar-attendees': 'month',
};

/** The id a built-in definition gets when the app creates it (not the sample's). */
export const builtinMetricId = (builtin: BuiltinMetric): string => `metric-${builtin}`;

export const METRIC_NAME_MAX = 60;
export const METRIC_UNIT_MAX = 20;

const byOrder = (a: MetricDefinition, b: MetricDefinition) => a.order - b.order || a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * The stored definitions in order, followed by a definition for every built-in that has none
 * yet, exactly as `ensureBuiltinMetrics` would store it. A built-in's unit is left empty: the
 * screen shows its unit in the user's language until the user types one.
 */
export function withBuiltinDefaults(stored: readonly MetricDefinition[], now = 0): MetricDefinition[] {
  const sorted = [...stored].sort(byOrder);
  const present = new Set(sorted.map((d) => d.builtin).filter(Boolean));
  let order = sorted.reduce((max, d) => Math.max(max, d.order), -1);
  const missing: MetricDefinition[] = BUILTIN_METRICS.filter((builtin) => !present.has(builtin)).map((builtin) => ({
    id: builtinMetricId(builtin),
    builtin,
    unit: '',
    period: BUILTIN_METRIC_PERIODS[builtin],
    archived: 0,
    order: ++order,
    createdAt: now,
  }));
  return [...sorted, ...missing];
}

/** Every definition, in the user's order, read through the `order` index. */
export async function listMetricDefinitions(db: TwoHatsDatabase): Promise<MetricDefinition[]> {
  return (await db.metricDefinitions.orderBy('order').toArray()).sort(byOrder);
}

/** Every definition as the screen shows it (stored + virtual built-ins), without writing. */
async function definitionsAsShown(db: TwoHatsDatabase, now: number): Promise<MetricDefinition[]> {
  return withBuiltinDefaults(await listMetricDefinitions(db), now);
}

/** Stores the built-in definitions that are missing; idempotent. Returns every definition. */
export async function ensureBuiltinMetrics(db: TwoHatsDatabase, now: number): Promise<MetricDefinition[]> {
  return db.transaction('rw', db.metricDefinitions, async () => {
    const stored = await listMetricDefinitions(db);
    const all = withBuiltinDefaults(stored, now);
    const missing = all.slice(stored.length);
    if (missing.length) await db.metricDefinitions.bulkAdd(missing);
    return all;
  });
}

// ---------------------------------------------------------------------------------------------
// Definitions

export interface MetricDraft {
  name: string;
  unit: string;
  period: MetricPeriod;
}

/**
 * How names are compared ('ＰＶ' = 'pv', 'Page  views' = 'page views'); the same rule as
 * `normalizeMetricName` in shared/metric-csv.ts, repeated so that this module, which other
 * screens may import, does not pull in the CSV parser.
 */
const normalizeMetricName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

export type MetricDraftErrors = Partial<Record<'name' | 'unit' | 'period', string>>;

/**
 * Checks a new or edited definition. `displayName` names the others as the user sees them (a
 * built-in by its name in the user's language), so two metrics can never look alike: the CSV
 * import finds metrics by name. A built-in may have an empty name: it then shows its own.
 * Errors are i18n keys.
 */
export function validateMetricDraft(
  draft: MetricDraft,
  others: readonly MetricDefinition[],
  displayName: (definition: MetricDefinition) => string,
  builtin?: BuiltinMetric,
): MetricDraftErrors {
  const errors: MetricDraftErrors = {};
  const name = draft.name.trim();
  if (!name && !builtin) errors.name = 'metrics.error.nameRequired';
  else if (name.length > METRIC_NAME_MAX) errors.name = 'metrics.error.nameTooLong';
  else if (name && others.some((other) => normalizeMetricName(displayName(other)) === normalizeMetricName(name))) errors.name = 'metrics.error.nameTaken';
  if (draft.unit.trim().length > METRIC_UNIT_MAX) errors.unit = 'metrics.error.unitTooLong';
  if (draft.period !== 'week' && draft.period !== 'month') errors.period = 'metrics.error.period';
  return errors;
}

export type MetricDefinitionResult = { ok: true; definition: MetricDefinition } | { ok: false; errors: MetricDraftErrors };

export async function addMetric(
  db: TwoHatsDatabase,
  draft: MetricDraft,
  displayName: (definition: MetricDefinition) => string,
  now: number,
): Promise<MetricDefinitionResult> {
  return db.transaction('rw', db.metricDefinitions, async () => {
    // Validate first: a refused write leaves the database exactly as it was.
    const all = await definitionsAsShown(db, now);
    const errors = validateMetricDraft(draft, all, displayName);
    if (Object.keys(errors).length) return { ok: false, errors } as const;
    await ensureBuiltinMetrics(db, now);
    const definition: MetricDefinition = {
      id: newId(),
      name: draft.name.trim(),
      unit: draft.unit.trim(),
      period: draft.period,
      archived: 0,
      order: all.reduce((max, d) => Math.max(max, d.order), -1) + 1,
      createdAt: now,
    };
    await db.metricDefinitions.add(definition);
    return { ok: true, definition } as const;
  });
}

/** Whether any entry is stored for the metric (one key read on `[metricId+period]`). */
export async function metricHasEntries(db: TwoHatsDatabase, metricId: string): Promise<boolean> {
  return (await db.metricEntries.where('[metricId+period]').between([metricId, ''], [metricId, '\uffff']).limit(1).primaryKeys()).length > 0;
}

/**
 * Renames a metric and changes its unit; its period only while it has no entries, since a
 * weekly key read as a month (or the reverse) would change what every stored number means.
 * An empty name on a built-in brings back its own name.
 */
export async function updateMetric(
  db: TwoHatsDatabase,
  id: string,
  draft: MetricDraft,
  displayName: (definition: MetricDefinition) => string,
  now: number,
): Promise<MetricDefinitionResult> {
  return db.transaction('rw', db.metricDefinitions, db.metricEntries, async () => {
    const all = await definitionsAsShown(db, now);
    const current = all.find((d) => d.id === id);
    if (!current) throw new Error(`No metric ${id}`);
    const errors = validateMetricDraft(draft, all.filter((d) => d.id !== id), displayName, current.builtin);
    if (draft.period !== current.period && !errors.period && (await metricHasEntries(db, id))) errors.period = 'metrics.error.periodHasEntries';
    if (Object.keys(errors).length) return { ok: false, errors } as const;
    await ensureBuiltinMetrics(db, now);
    const name = draft.name.trim();
    const next: MetricDefinition = { ...current, unit: draft.unit.trim(), period: draft.period };
    if (name) next.name = name;
    else delete next.name;
    await db.metricDefinitions.put(next);
    return { ok: true, definition: next } as const;
  });
}

/** Archives (hides from the grid, keeps its history) or brings back a metric. Returns it as it was. */
export async function setMetricArchived(db: TwoHatsDatabase, id: string, archived: boolean, now: number): Promise<MetricDefinition> {
  return db.transaction('rw', db.metricDefinitions, async () => {
    const all = await ensureBuiltinMetrics(db, now);
    const current = all.find((d) => d.id === id);
    if (!current) throw new Error(`No metric ${id}`);
    await db.metricDefinitions.update(id, { archived: archived ? 1 : 0 });
    return current;
  });
}

/** Moves a metric one place up (-1) or down (+1) in the user's order; renumbers 0…n−1. */
export async function moveMetric(db: TwoHatsDatabase, id: string, direction: -1 | 1, now: number): Promise<void> {
  await db.transaction('rw', db.metricDefinitions, async () => {
    const all = await ensureBuiltinMetrics(db, now);
    const index = all.findIndex((d) => d.id === id);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= all.length) return;
    const reordered = [...all];
    [reordered[index], reordered[target]] = [reordered[target]!, reordered[index]!];
    const orderBefore = new Map(all.map((d) => [d.id, d.order]));
    await db.metricDefinitions.bulkPut(reordered.map((d, order) => ({ ...d, order })).filter((d) => orderBefore.get(d.id) !== d.order));
  });
}

// ---------------------------------------------------------------------------------------------
// Entries: reads

/** The entries of `metricIds` for the period keys of a grid, through the `period` index. */
export async function entriesForPeriods(db: TwoHatsDatabase, keys: readonly DayKey[], metricIds: readonly string[]): Promise<MetricEntry[]> {
  if (!keys.length || !metricIds.length) return [];
  const ids = new Set(metricIds);
  return (await db.metricEntries.where('period').anyOf([...keys]).toArray()).filter((e) => ids.has(e.metricId));
}

/** One metric's entries with keys in `[from, to]`, through `[metricId+period]`. */
export async function metricEntriesBetween(db: TwoHatsDatabase, metricId: string, from: DayKey, to: DayKey): Promise<MetricEntry[]> {
  return db.metricEntries.where('[metricId+period]').between([metricId, from], [metricId, to], true, true).toArray();
}

/** The stored rows for exact (metric, period) keys: what an import would merge into. */
export async function entriesForKeys(db: TwoHatsDatabase, keys: readonly (readonly [string, DayKey])[]): Promise<MetricEntry[]> {
  if (!keys.length) return [];
  const unique = [...new Map(keys.map((k) => [`${k[0]}\u0000${k[1]}`, [k[0], k[1]] as [string, string]])).values()];
  return db.metricEntries.where('[metricId+period]').anyOf(unique).toArray();
}

// ---------------------------------------------------------------------------------------------
// Entries: writes, each returning how to undo it

/**
 * What to do to take a write back: put these rows back as they were and delete these ids.
 * `at` is the write's instant: undo leaves alone a row that was changed again since (its
 * `updatedAt` differs), so undoing an import never throws away a cell typed after it.
 */
export interface MetricUndo {
  at: number;
  restore: MetricEntry[];
  remove: string[];
  /** Definitions created by the write (an import's new metrics); removed if no entry is left. */
  definitions: string[];
}

export type MetricValueResult = { ok: true; entry: MetricEntry; undo: MetricUndo } | { ok: false; error: string };

export interface MetricCell {
  metricId: string;
  period: DayKey;
  /** Typed text or a number; validated against the metric. */
  value: string | number;
}


/**
 * Saves typed values (one cell, or a block pasted from a spreadsheet), all or none: if any is
 * invalid nothing is written and the errors come back by index. Empty text is not a value
 * here; clearing a cell is `clearMetricValues`.
 */
export async function saveMetricValues(
  db: TwoHatsDatabase,
  cells: readonly MetricCell[],
  now: number,
): Promise<{ ok: true; entries: MetricEntry[]; undo: MetricUndo } | { ok: false; errors: { index: number; error: string }[] }> {
  return db.transaction('rw', db.metricDefinitions, db.metricEntries, async () => {
    const definitions = new Map((await definitionsAsShown(db, now)).map((d) => [d.id, d]));
    const errors: { index: number; error: string }[] = [];
    const values: number[] = [];
    cells.forEach((cell, index) => {
      const definition = definitions.get(cell.metricId);
      if (!definition) return errors.push({ index, error: 'metrics.error.noMetric' });
      if (!isDayKey(cell.period)) return errors.push({ index, error: 'metrics.error.period' });
      const checked = validateMetricValue(cell.value, definition);
      if (!checked.ok) return errors.push({ index, error: checked.error });
      values[index] = checked.value;
    });
    if (errors.length) return { ok: false, errors } as const;
    await ensureBuiltinMetrics(db, now);
    const existing = await entriesForKeys(db, cells.map((c) => [c.metricId, c.period] as const));
    const incoming = cells.map((cell, index) => ({ id: newId(), metricId: cell.metricId, period: cell.period, value: values[index]!, updatedAt: now }));
    const merged = mergeMetricRows(existing, incoming, 'replace');
    // A cell saved with its own value again is still "saved now": refresh updatedAt only where
    // the value changed, so an unchanged cell costs no write.
    const changed = merged.changed.map((row) => ({ ...row, updatedAt: now }));
    const before = new Map(existing.map((e) => [e.id, e]));
    await db.metricEntries.bulkPut(changed);
    const entries = merged.rows.filter((row) => incoming.some((i) => i.metricId === row.metricId && i.period === row.period));
    return {
      ok: true,
      entries,
      undo: {
        at: now,
        restore: changed.flatMap((row) => (before.has(row.id) ? [before.get(row.id)!] : [])),
        remove: changed.filter((row) => !before.has(row.id)).map((row) => row.id),
        definitions: [],
      },
    } as const;
  });
}

/** One cell: the same rules as `saveMetricValues`. */
export async function saveMetricValue(db: TwoHatsDatabase, cell: MetricCell, now: number): Promise<MetricValueResult> {
  const result = await saveMetricValues(db, [cell], now);
  if (!result.ok) return { ok: false, error: result.errors[0]!.error };
  return { ok: true, entry: result.entries[0]!, undo: result.undo };
}

/** Deletes the entries of these cells (a cleared cell). Returns the undo, empty if none existed. */
export async function clearMetricValues(db: TwoHatsDatabase, cells: readonly Pick<MetricCell, 'metricId' | 'period'>[], now: number): Promise<MetricUndo> {
  return db.transaction('rw', db.metricEntries, async () => {
    const removed = await entriesForKeys(db, cells.map((c) => [c.metricId, c.period] as const));
    await db.metricEntries.bulkDelete(removed.map((e) => e.id));
    // Restored rows keep their own updatedAt; `at` marks the deletion for the undo check.
    return { at: now, restore: removed, remove: [], definitions: [] };
  });
}

/**
 * Takes a write back. A row written by the write is removed, and a row it replaced or deleted is
 * put back, unless the row was changed again since (then the later change stays: nothing the
 * user typed after the write is lost). Returns how many rows were left alone for that reason.
 */
export async function undoMetricWrite(db: TwoHatsDatabase, undo: MetricUndo): Promise<{ skipped: number }> {
  return db.transaction('rw', db.metricDefinitions, db.metricEntries, async () => {
    let skipped = 0;
    const removeRows = await db.metricEntries.bulkGet(undo.remove);
    const toRemove = removeRows.filter((row): row is MetricEntry => Boolean(row) && row!.updatedAt === undo.at).map((row) => row.id);
    skipped += removeRows.filter((row) => row && row.updatedAt !== undo.at).length;
    const currentOfRestored = await db.metricEntries.bulkGet(undo.restore.map((r) => r.id));
    const toRestore = undo.restore.filter((row, i) => {
      const current = currentOfRestored[i];
      // Deleted by the write (absent now) or changed by it (stamped with its instant): restore.
      const ours = !current || current.updatedAt === undo.at;
      if (!ours) skipped += 1;
      return ours;
    });
    // A deleted row whose key was typed again since: the new row stays, the old is not revived.
    const retyped = toRestore.length ? await entriesForKeys(db, toRestore.map((r) => [r.metricId, r.period] as const)) : [];
    const occupied = new Set(retyped.filter((r) => !toRestore.some((x) => x.id === r.id) && !toRemove.includes(r.id)).map((r) => `${r.metricId}\u0000${r.period}`));
    const restorable = toRestore.filter((row) => {
      const free = !occupied.has(`${row.metricId}\u0000${row.period}`);
      if (!free) skipped += 1;
      return free;
    });
    await db.metricEntries.bulkDelete(toRemove);
    await db.metricEntries.bulkPut(restorable);
    for (const id of undo.definitions) {
      if (!(await metricHasEntries(db, id))) await db.metricDefinitions.delete(id);
    }
    return { skipped };
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export interface MetricImportRow {
  metricId: string;
  period: DayKey;
  value: number;
}

export interface MetricImportResult {
  created: number;
  updated: number;
  unchanged: number;
  duplicates: MetricDuplicate[];
  undo: MetricUndo;
}

/**
 * Imports rows (already parsed and mapped) in one transaction: the new definitions the user
 * asked for, then every row merged by `mode` into what is stored. All or nothing: a row naming
 * an unknown metric, a malformed key or an invalid value aborts the whole import and throws.
 */
export async function importMetricRows(
  db: TwoHatsDatabase,
  input: { rows: readonly MetricImportRow[]; newDefinitions?: readonly (MetricDraft & { id?: string })[]; mode: MetricMergeMode },
  now: number,
): Promise<MetricImportResult> {
  return db.transaction('rw', db.metricDefinitions, db.metricEntries, async () => {
    const all = await ensureBuiltinMetrics(db, now);
    let order = all.reduce((max, d) => Math.max(max, d.order), -1);
    const created: MetricDefinition[] = (input.newDefinitions ?? []).map((draft) => ({
      id: draft.id ?? newId(),
      name: draft.name.trim(),
      unit: draft.unit.trim(),
      period: draft.period,
      archived: 0,
      order: ++order,
      createdAt: now,
    }));
    if (created.some((d) => !d.name)) throw new Error('A new metric needs a name');
    await db.metricDefinitions.bulkAdd(created);
    const definitions = new Map([...all, ...created].map((d) => [d.id, d]));
    for (const row of input.rows) {
      const definition = definitions.get(row.metricId);
      if (!definition) throw new Error(`No metric ${row.metricId}`);
      if (!isDayKey(row.period)) throw new Error(`Not a period key: ${row.period}`);
      const checked = validateMetricValue(row.value, definition);
      if (!checked.ok) throw new Error(`${checked.error}: ${row.value}`);
    }
    const existing = await entriesForKeys(db, input.rows.map((r) => [r.metricId, r.period] as const));
    const incoming: MetricEntry[] = input.rows.map((row) => ({ id: newId(), metricId: row.metricId, period: row.period, value: row.value, updatedAt: now }));
    const merged = mergeMetricRows(existing, incoming, input.mode);
    const before = new Map(existing.map((e) => [e.id, e]));
    for (const row of merged.changed) {
      // A sum of valid values can still pass the ceiling (or turn fractional: it cannot).
      const checked = validateMetricValue(row.value, definitions.get(row.metricId)!);
      if (!checked.ok) throw new Error(`${checked.error}: ${row.value}`);
    }
    const changed = merged.changed.map((row) => ({ ...row, updatedAt: now }));
    await db.metricEntries.bulkPut(changed);
    const updated = changed.filter((row) => before.has(row.id));
    return {
      created: changed.length - updated.length,
      updated: updated.length,
      unchanged: merged.duplicates.filter((d) => d.existing !== undefined && d.existing === d.result).length,
      duplicates: merged.duplicates,
      undo: {
        at: now,
        restore: updated.map((row) => before.get(row.id)!),
        remove: changed.filter((row) => !before.has(row.id)).map((row) => row.id),
        definitions: created.map((d) => d.id),
      },
    };
  });
}

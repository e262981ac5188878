/**
 * Leading indicators (名刺交換数, メール開封数, PV数, 問い合わせ数 …): rolling weekly or monthly
 * entries up to any period, derived ratios, trends, validation and merging of imported rows.
 *
 * The roll-up rule, stated once because every figure below depends on it:
 *
 *   An entry covers the calendar days of its week (7 days from its `period` key) or of its
 *   month. It contributes to a period in proportion to the calendar days the two share:
 *   value × shared days / days of the entry.
 *
 * So a week Mon 28 Sep – Sun 4 Oct 2026 entered as 70 gives 30 (3 days) to September and 40
 * (4 days) to October; a month contributes whole to every quarter, half or year containing it
 * (shared days = all its days) and, to a week or a custom range, the share of its days inside.
 * Why by days: the user enters one number per week with no idea of which day it happened on,
 * and an even spread is the only assumption that keeps totals additive (months of a year sum
 * to the year, whatever the week start) and has no seam at month ends. Days are calendar days
 * in the given zone, so a week with a DST change is still 7 days (not 167/168 hours): the
 * entry's value is per day of the user's calendar, not per hour.
 *
 * Values are not rounded here: the renderer rounds for display, and the report states that
 * weeks split across months are split by days.
 */
import type { BuiltinMetric, MetricDefinition, MetricEntry, WeekStart } from './model';
import { BUILTIN_METRICS } from './model';
import {
  addDaysToKey,
  addMonthsToKey,
  dayContaining,
  dayKey,
  daysBetweenKeys,
  isDayKey,
  monthContaining,
  previousPeriod,
  resolvePeriod,
  samePeriodLastYear,
  weekContaining,
} from './calendar';
import type { CalendarSettings, DayKey, Period, PeriodSpec } from './calendar';
import { ratio } from './ratio';
import type { Ratio } from './ratio';

// ---------------------------------------------------------------------------------------------
// Derived ratios: defined once, computed from the entries, never typed in

export interface DerivedRatioDefinition {
  id: string;
  /** i18n key of the ratio's name. */
  labelKey: string;
  numerator: BuiltinMetric;
  denominator: BuiltinMetric;
}

export const DERIVED_RATIOS = [
  { id: 'open-rate', labelKey: 'metrics.ratio.openRate', numerator: 'email-opens', denominator: 'emails-sent' },
  { id: 'inquiry-rate', labelKey: 'metrics.ratio.inquiryRate', numerator: 'inquiries', denominator: 'page-views' },
  { id: 'download-rate', labelKey: 'metrics.ratio.downloadRate', numerator: 'document-downloads', denominator: 'page-views' },
] as const satisfies readonly DerivedRatioDefinition[];
export type DerivedRatioId = (typeof DERIVED_RATIOS)[number]['id'];

export const DERIVED_RATIO_BY_ID: Readonly<Record<DerivedRatioId, DerivedRatioDefinition>> = Object.fromEntries(
  DERIVED_RATIOS.map((definition) => [definition.id, definition]),
) as Record<DerivedRatioId, DerivedRatioDefinition>;

// ---------------------------------------------------------------------------------------------
// The days an entry covers

/** The calendar days `[start, end)` an entry stands for. */
export interface EntryDays {
  start: DayKey;
  end: DayKey;
}

/**
 * The days an entry with key `key` covers under `definition`'s period, or null for a key that
 * is not a date. A monthly key that is not the 1st (hand-edited or imported data) still means
 * its month; a weekly key is the week's first day whatever the current week-start setting, so
 * entries typed before the user switched from Monday to Sunday weeks keep their meaning.
 */
export function entryDays(key: string, period: MetricDefinition['period']): EntryDays | null {
  if (!isDayKey(key)) return null;
  if (period === 'week') return { start: key, end: addDaysToKey(key, 7) };
  const start = `${key.slice(0, 8)}01`;
  return { start, end: addMonthsToKey(start, 1) };
}

/** The key a new entry for the week or month containing `instant` gets. */
export function metricPeriodKeyAt(
  instant: number,
  period: MetricDefinition['period'],
  timeZone: string,
  weekStartsOn: WeekStart,
): DayKey {
  const span = period === 'week' ? weekContaining(instant, timeZone, weekStartsOn) : monthContaining(instant, timeZone);
  return dayKey(span.start, timeZone);
}

/**
 * Entries and periods are compared on a line of calendar days: day n (days since 1970-01-01 in
 * the zone's calendar) spans [n, n + 1), whatever its length in hours. An instant inside a day
 * sits at the share of the day's real length elapsed, so the distance between two positions is
 * exactly `calendarDaysIn` of the span between them. Placing each period on the line once keeps
 * the time-zone library out of the per-entry loop (years of weekly rows × a 120-month chart).
 */
const EPOCH_DAY: DayKey = '1970-01-01';
const dayNumber = (key: DayKey): number => daysBetweenKeys(EPOCH_DAY, key);

function dayPosition(instant: number, timeZone: string): number {
  const day = dayContaining(instant, timeZone);
  return dayNumber(dayKey(instant, timeZone)) + (instant - day.start) / (day.end - day.start);
}

interface PreparedEntry {
  /** Day numbers of the entry's first day and of the day after its last. */
  start: number;
  end: number;
  value: number;
}

/**
 * The entries of `definition` that can be rolled up, one per key, sorted by start. Rows of other
 * metrics are ignored (so callers may pass every entry), as are rows whose key is not a date or
 * whose value is not finite: one bad row must not turn a whole report into NaN. If the store
 * holds two rows for the same key (it should not; `mergeMetricRows` prevents it on import), the
 * one updated last wins, as if the later edit had replaced the earlier, rather than counting both.
 */
function prepare(entries: readonly MetricEntry[], definition: MetricDefinition): PreparedEntry[] {
  const latest = new Map<DayKey, { days: EntryDays; value: number; updatedAt: number }>();
  for (const entry of entries) {
    if (entry.metricId !== definition.id || !Number.isFinite(entry.value)) continue;
    const days = entryDays(entry.period, definition.period);
    if (!days) continue;
    const seen = latest.get(days.start);
    if (!seen || entry.updatedAt >= seen.updatedAt) latest.set(days.start, { days, value: entry.value, updatedAt: entry.updatedAt });
  }
  return [...latest.values()]
    .map(({ days, value }) => ({ start: dayNumber(days.start), end: dayNumber(days.end), value }))
    .sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Roll-up

export interface MetricPeriodValue {
  period: Period;
  /** Sum of the entries' pro-rata contributions; 0 when nothing was entered (see `coverage`). */
  value: number;
  /**
   * Share (0–1) of the period's calendar days that some entry covers. Below 1 the value is a
   * partial figure ("partial data"), not a low one; 0 means no data at all. An empty period has 0.
   */
  coverage: number;
  coveredDays: number;
  /** Calendar days in the period (fractional for a custom range that cuts a day). */
  days: number;
  /** Entries that contributed. */
  entries: number;
}

/** `value` of `period`, from entries already prepared (sorted by start, one per key). */
function rollUp(prepared: readonly PreparedEntry[], period: Period, timeZone: string): MetricPeriodValue {
  // An inverted or non-finite period is a caller's bug, refused as calendar.ts refuses it; an
  // empty one is merely empty.
  if (!Number.isFinite(period.start) || !Number.isFinite(period.end) || period.end < period.start) {
    throw new RangeError(`Not a period: [${period.start}, ${period.end})`);
  }
  if (period.end === period.start) return { period, value: 0, coverage: 0, coveredDays: 0, days: 0, entries: 0 };
  const from = dayPosition(period.start, timeZone);
  const to = dayPosition(period.end, timeZone);
  let value = 0;
  let count = 0;
  let coveredDays = 0;
  // The union of the covered stretches, built in one pass since entries are sorted by start:
  // weekly rows keyed on different weekdays (after a week-start change) may overlap, and their
  // shared days must count once in the coverage.
  let runStart = 0;
  let runEnd = Number.NEGATIVE_INFINITY;
  for (const entry of prepared) {
    if (entry.start >= to) break;
    if (entry.end <= from) continue;
    const start = Math.max(entry.start, from);
    const end = Math.min(entry.end, to);
    // Multiply before dividing: 70 × 3 / 7 is exactly 30, 70 × (3 / 7) is not.
    value += (entry.value * (end - start)) / (entry.end - entry.start);
    count += 1;
    if (start > runEnd) {
      coveredDays += Math.max(0, runEnd - runStart);
      runStart = start;
    }
    runEnd = Math.max(runEnd, end);
  }
  coveredDays += Math.max(0, runEnd - runStart);
  const days = to - from;
  return { period, value, coverage: Math.min(1, coveredDays / days), coveredDays, days, entries: count };
}

/** One metric over any period (week, month, fiscal quarter/half/year, custom), by the rule above. */
export function metricValueInPeriod(
  entries: readonly MetricEntry[],
  definition: MetricDefinition,
  period: Period,
  timeZone: string,
): MetricPeriodValue {
  return rollUp(prepare(entries, definition), period, timeZone);
}

/** One metric over each of `periods` (e.g. the 12 months of a chart), in the same order. */
export function metricSeries(
  entries: readonly MetricEntry[],
  definition: MetricDefinition,
  periods: readonly Period[],
  timeZone: string,
): MetricPeriodValue[] {
  const prepared = prepare(entries, definition);
  return periods.map((period) => rollUp(prepared, period, timeZone));
}

// ---------------------------------------------------------------------------------------------
// Comparisons and trends

export interface Comparison {
  current: number;
  previous: number;
  /** current − previous */
  change: number;
  /**
   * change / |previous|: "+12 / 40 = +30 %". The value is null when previous is 0: growth from
   * nothing has no percentage. |previous| keeps the sign of the ratio the sign of the change.
   */
  changeRatio: Ratio;
}

export function compareToPrevious(current: number, previous: number): Comparison {
  const change = current - previous;
  return { current, previous, change, changeRatio: ratio(change, Math.abs(previous)) };
}

export interface MetricTrend {
  current: MetricPeriodValue;
  previous: MetricPeriodValue;
  lastYear: MetricPeriodValue;
  /** null unless both the current and the previous period have some data (coverage > 0). */
  vsPrevious: Comparison | null;
  /** null unless both the current period and the same period last year have some data. */
  vsLastYear: Comparison | null;
}

/**
 * The period picked, the one before it, and the same period a year earlier (calendar steps from
 * calendar.ts, so "previous" of March is February whatever its length). A comparison is made
 * only where both sides have data: "−100 % vs last year" for a year in which the user had not
 * started recording would be false. A partially covered side is still compared; its coverage
 * is in the result for the UI to flag.
 */
export function metricTrend(
  entries: readonly MetricEntry[],
  definition: MetricDefinition,
  spec: PeriodSpec,
  timeZone: string,
  settings: CalendarSettings,
): MetricTrend {
  const prepared = prepare(entries, definition);
  const at = (s: PeriodSpec) => rollUp(prepared, resolvePeriod(s, timeZone, settings), timeZone);
  const current = at(spec);
  const previous = at(previousPeriod(spec, timeZone));
  const lastYear = at(samePeriodLastYear(spec, timeZone));
  const compare = (other: MetricPeriodValue) =>
    current.coverage > 0 && other.coverage > 0 ? compareToPrevious(current.value, other.value) : null;
  return { current, previous, lastYear, vsPrevious: compare(previous), vsLastYear: compare(lastYear) };
}

// ---------------------------------------------------------------------------------------------
// Derived ratios over a period

export interface MetricData {
  definition: MetricDefinition;
  entries: readonly MetricEntry[];
}

/** Entries and definitions indexed by the built-in metric they measure. */
export type EntriesByMetric = Partial<Record<BuiltinMetric, MetricData>>;

/**
 * Groups the store's rows by built-in metric, for `derivedRatio`. Archived definitions are kept:
 * archiving hides a metric from the entry grid, it does not unsay its history. Should two
 * definitions claim the same built-in (the app never creates that), the first by `order` wins.
 */
export function entriesByBuiltin(definitions: readonly MetricDefinition[], entries: readonly MetricEntry[]): EntriesByMetric {
  const result: EntriesByMetric = {};
  const byId = new Map<string, MetricEntry[]>();
  for (const definition of [...definitions].sort((a, b) => a.order - b.order)) {
    if (!definition.builtin || result[definition.builtin]) continue;
    const list: MetricEntry[] = [];
    byId.set(definition.id, list);
    result[definition.builtin] = { definition, entries: list };
  }
  for (const entry of entries) byId.get(entry.metricId)?.push(entry);
  return result;
}

/** A ratio over a period, with how much of the period each side's data covers. */
export interface DerivedRatioValue extends Ratio {
  numeratorCoverage: number;
  denominatorCoverage: number;
}

/**
 * numerator metric / denominator metric over `period`, each rolled up by the rule above. A
 * metric with no definition or no entries counts 0, so an empty period gives 0 / 0, value null
 * ("—"). The ratio itself is not blanked when one side is partial (opens entered for three
 * weeks, sends for four): the coverages say so, and the UI marks the figure as partial.
 */
export function derivedRatio(
  entriesByMetric: EntriesByMetric,
  ratioDefinition: DerivedRatioDefinition,
  period: Period,
  timeZone: string,
): DerivedRatioValue {
  const side = (metric: BuiltinMetric) => {
    const data = entriesByMetric[metric];
    return data ? metricValueInPeriod(data.entries, data.definition, period, timeZone) : null;
  };
  const numerator = side(ratioDefinition.numerator);
  const denominator = side(ratioDefinition.denominator);
  return {
    ...ratio(numerator?.value ?? 0, denominator?.value ?? 0),
    numeratorCoverage: numerator?.coverage ?? 0,
    denominatorCoverage: denominator?.coverage ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Validation

/** Larger than any honest weekly count (a trillion page views); almost surely a paste error. */
export const METRIC_VALUE_MAX = 1e12;

const BUILTIN_SET: ReadonlySet<string> = new Set(BUILTIN_METRICS);

export type MetricValueValidation = { ok: true; value: number } | { ok: false; error: string };

/**
 * Checks a value typed or pasted for `definition`. Accepts a number or the text of a field:
 * full-width digits ('１２３'), surrounding spaces and thousands separators ('1,234', '1，234')
 * are fine, since that is how numbers are often typed in Japanese. Error keys:
 * - 'validation.required': empty text
 * - 'validation.number': not a number (text that does not parse, NaN, or not a number/string)
 * - 'validation.finite': ±Infinity (or text such as '1e999')
 * - 'validation.nonNegative': below 0 (every metric counts something)
 * - 'validation.tooLarge': above METRIC_VALUE_MAX
 * - 'validation.integer': a fraction for a built-in metric, all of which count whole things
 *   (cards, mails, views); a custom metric may be fractional (hours, a score).
 */
export function validateMetricValue(input: unknown, definition: MetricDefinition): MetricValueValidation {
  let value: number;
  if (typeof input === 'number') {
    value = input;
  } else if (typeof input === 'string') {
    const text = input.normalize('NFKC').trim();
    if (text === '') return { ok: false, error: 'validation.required' };
    value = parseNumberText(text);
  } else {
    return { ok: false, error: 'validation.number' };
  }
  if (Number.isNaN(value)) return { ok: false, error: 'validation.number' };
  if (!Number.isFinite(value)) return { ok: false, error: 'validation.finite' };
  if (value < 0) return { ok: false, error: 'validation.nonNegative' };
  if (value > METRIC_VALUE_MAX) return { ok: false, error: 'validation.tooLarge' };
  // Checked against the list, not just presence: a row written by a newer version may name a
  // built-in this version does not know, and is then treated like a custom metric.
  if (definition.builtin && BUILTIN_SET.has(definition.builtin) && !Number.isInteger(value)) {
    return { ok: false, error: 'validation.integer' };
  }
  return { ok: true, value };
}

// Digits with optional thousands groups of exactly three, an optional fraction and exponent.
// Number('') is 0 and Number('0x1F') is 31, so Number() alone is too lenient for a form.
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$/i;

function parseNumberText(text: string): number {
  if (!NUMBER_TEXT.test(text)) return Number.NaN;
  return Number(text.replace(/,/g, ''));
}

// ---------------------------------------------------------------------------------------------
// Merging imported rows

/** What a row needs to be merged; MetricEntry has it, and so can a freshly parsed CSV row. */
export interface MetricRow {
  id?: string;
  metricId: string;
  period: string;
  value: number;
}

export type MetricMergeMode = 'replace' | 'add';

export interface MetricDuplicate {
  metricId: string;
  period: string;
  /** The stored value, or undefined when the duplicate is within the incoming rows only. */
  existing: number | undefined;
  /** Every incoming value for this key, in input order. */
  incoming: number[];
  /** The value kept. */
  result: number;
}

export interface MetricMergeResult<T extends MetricRow> {
  /** The merged set: existing rows (in order, updated in place where merged), then new keys in input order. */
  rows: T[];
  /** The rows to write: new keys and existing rows whose value changed. */
  changed: T[];
  duplicates: MetricDuplicate[];
}

const rowKey = (row: MetricRow) => `${row.metricId}\u0000${row.period}`;

/**
 * Merges `incoming` rows into `existing` so that each (metric, period) key ends up once.
 * - 'replace': the incoming value wins; within the incoming rows the last one wins (a file is
 *   read top to bottom, and a later line is a correction). Applying the same import twice
 *   changes nothing the second time.
 * - 'add': values for the same key are summed, existing and incoming alike (importing two
 *   files that each hold part of a week's count).
 * A merged row keeps the stored row's `id` (so the store updates it instead of adding a twin)
 * and takes the rest of its fields from the last incoming row. Keys are compared as written:
 * normalising periods ('2026-9-1') belongs to the importer. `existing` is assumed to hold each
 * key once; if it does not, only the first of them is merged and the others are left as they are.
 */
export function mergeMetricRows<T extends MetricRow>(
  existing: readonly T[],
  incoming: readonly T[],
  mode: MetricMergeMode,
): MetricMergeResult<T> {
  const groups = new Map<string, T[]>();
  for (const row of incoming) {
    const key = rowKey(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const combine = (base: number | undefined, rows: readonly T[]): number =>
    mode === 'replace' ? (rows[rows.length - 1] as T).value : rows.reduce((sum, row) => sum + row.value, base ?? 0);

  const rows: T[] = [];
  const changed: T[] = [];
  const duplicates: MetricDuplicate[] = [];
  const merged = new Set<string>();
  for (const row of existing) {
    const key = rowKey(row);
    const group = groups.get(key);
    if (!group || merged.has(key)) {
      rows.push(row);
      continue;
    }
    merged.add(key);
    const value = combine(row.value, group);
    const last = group[group.length - 1] as T;
    const next: T = row.id === undefined ? { ...last, value } : { ...last, id: row.id, value };
    rows.push(next);
    if (value !== row.value) changed.push(next);
    duplicates.push({ metricId: row.metricId, period: row.period, existing: row.value, incoming: group.map((r) => r.value), result: value });
  }
  for (const [key, group] of groups) {
    if (merged.has(key)) continue;
    const value = combine(undefined, group);
    const last = group[group.length - 1] as T;
    const next: T = { ...last, value };
    rows.push(next);
    changed.push(next);
    if (group.length > 1) {
      duplicates.push({ metricId: last.metricId, period: last.period, existing: undefined, incoming: group.map((r) => r.value), result: value });
    }
  }
  return { rows, changed, duplicates };
}

/**
 * Reading metric values from a CSV file as analytics and email tools export them.
 *
 * Accepted layouts (the header decides; names are matched case-insensitively, in English or
 * Japanese):
 * - long: one value per line, `date,metric,value` (日付,指標,値), columns in any order, other
 *   columns ignored;
 * - wide: a date column and one column per metric (`date,Page views,Emails sent`), the way most
 *   analytics tools export a report; every non-empty cell is one value, named by its column
 *   (so `date,value` reads as one metric called "value", which the user then maps);
 * - no header at all, when the first line already starts with a date: `date,metric,value`.
 * Commas, tabs (a paste from a spreadsheet) and semicolons are recognised; lines starting with
 * `#` (report titles in analytics exports) and empty lines are skipped.
 *
 * Nothing here decides what a row means for the database: `resolveMetricCsv` turns each line
 * into a metric, a period key and a value, or into error keys (i18n) for that line, and the
 * importer writes only when no line has an error.
 */
import Papa from 'papaparse';
import { addDaysToKey, isDayKey, type DayKey } from './domain/calendar';
import { validateMetricValue } from './domain/metrics';
import type { MetricDefinition, WeekStart } from './domain/model';

/** A generous ceiling: ten years of daily rows for a dozen metrics is about 44,000. */
export const METRIC_CSV_MAX_LINES = 100_000;

/** One value as written in the file, with the line it came from (1-based, as an editor counts). */
export interface MetricCsvLine {
  line: number;
  date: string;
  metric: string;
  value: string;
}

export type MetricCsvLayout = 'long' | 'wide' | 'headerless';

export type MetricCsvParse =
  | { ok: true; layout: MetricCsvLayout; lines: MetricCsvLine[] }
  | { ok: false; error: 'metrics.csv.empty' | 'metrics.csv.noColumns' | 'metrics.csv.tooManyRows' | 'metrics.csv.unreadable'; columns?: string[] };

/** How names are compared: 'ＰＶ数' = 'pv数', ' Page  Views ' = 'page views'. */
export const normalizeMetricName = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

const HEADERS = {
  date: ['date', 'day', 'period', 'week', 'month', 'week of', '日付', '日', '年月日', '期間', '週', '月', '年月'],
  metric: ['metric', 'metric name', 'name', 'indicator', 'kpi', '指標', '指標名', '項目', '項目名', '名前'],
  value: ['value', 'count', 'number', 'amount', 'total', '値', '数', '数値', '件数', '値(数)', '合計'],
} as const;

const headerOf = (cell: string): keyof typeof HEADERS | null => {
  const name = normalizeMetricName(cell.replace(/^\ufeff/, ''));
  for (const key of Object.keys(HEADERS) as (keyof typeof HEADERS)[]) {
    if ((HEADERS[key] as readonly string[]).includes(name)) return key;
  }
  return null;
};

/** Parses the text of a file (already decoded). */
export function parseMetricCsv(text: string): MetricCsvParse {
  const source = text.replace(/^\ufeff/, '');
  const records: { cells: string[]; line: number }[] = [];
  // Line numbers come from the parser's cursor, so a quoted value spanning lines does not shift
  // every later line number.
  const newlines: number[] = [];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (offset: number) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
  let rowStart = 0;
  let tooMany = false;
  let unreadable = false;
  try {
    Papa.parse<string[]>(source, {
      header: false,
      skipEmptyLines: false,
      comments: '#',
      delimitersToGuess: [',', '\t', ';'],
      step(result, parser) {
        const cells = result.data.map((cell) => String(cell ?? ''));
        // Skip the leading newline(s) a comment or empty line left before the row's text.
        let start = rowStart;
        while (start < source.length && (source[start] === '\n' || source[start] === '\r')) start += 1;
        if (cells.some((cell) => cell.trim() !== '')) records.push({ cells, line: lineAt(start) });
        rowStart = result.meta.cursor;
        if (records.length > METRIC_CSV_MAX_LINES + 1) {
          tooMany = true;
          parser.abort();
        }
      },
    });
  } catch {
    unreadable = true;
  }
  if (unreadable) return { ok: false, error: 'metrics.csv.unreadable' };
  if (tooMany) return { ok: false, error: 'metrics.csv.tooManyRows' };
  const [first, ...rest] = records;
  if (!first) return { ok: false, error: 'metrics.csv.empty' };

  const roles = first.cells.map(headerOf);
  const dateColumn = roles.indexOf('date');
  const metricColumn = roles.indexOf('metric');
  const valueColumn = roles.indexOf('value');
  const cell = (cells: string[], index: number) => (cells[index] ?? '').trim();

  if (dateColumn >= 0 && metricColumn >= 0 && valueColumn >= 0) {
    return {
      ok: true,
      layout: 'long',
      lines: rest.map(({ cells, line }) => ({ line, date: cell(cells, dateColumn), metric: cell(cells, metricColumn), value: cell(cells, valueColumn) })),
    };
  }
  if (dateColumn >= 0 && metricColumn < 0 && first.cells.length > 1) {
    const metrics = first.cells.map((name, index) => ({ name: name.trim(), index })).filter(({ name, index }) => index !== dateColumn && name !== '');
    if (metrics.length) {
      const lines: MetricCsvLine[] = [];
      for (const { cells, line } of rest) {
        for (const { name, index } of metrics) {
          const value = cell(cells, index);
          if (value !== '') lines.push({ line, date: cell(cells, dateColumn), metric: name, value });
        }
      }
      return lines.length > METRIC_CSV_MAX_LINES ? { ok: false, error: 'metrics.csv.tooManyRows' } : { ok: true, layout: 'wide', lines };
    }
  }
  if (first.cells.length >= 3 && parseCsvDate(first.cells[0] ?? '').ok) {
    return {
      ok: true,
      layout: 'headerless',
      lines: records.map(({ cells, line }) => ({ line, date: cell(cells, 0), metric: cell(cells, 1), value: cell(cells, 2) })),
    };
  }
  return { ok: false, error: 'metrics.csv.noColumns', columns: first.cells.map((c) => c.trim()).filter(Boolean) };
}

export type CsvDateResult = { ok: true; day: DayKey } | { ok: false; error: 'metrics.csv.dateRequired' | 'metrics.csv.badDate' | 'metrics.csv.ambiguousDate' };

const pad2 = (value: string) => value.padStart(2, '0');

/**
 * A date as tools write it: 2026-11-16, 2026/11/16, 2026.11.16, 20261116 (Google Analytics),
 * 2026年11月16日, with an optional time after it (ignored: the date as written is the day it
 * counts for, which is what the tool meant), or a month alone (2026-11, 2026年11月: its 1st).
 * Day-first and month-first dates (11/16/2026, 16/11/2026) are refused rather than guessed.
 */
export function parseCsvDate(text: string): CsvDateResult {
  const value = text.normalize('NFKC').trim();
  if (value === '') return { ok: false, error: 'metrics.csv.dateRequired' };
  const patterns: RegExp[] = [
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:[T\s].*)?)$/,
    /^(\d{4})(\d{2})(\d{2})$/,
    /^(\d{4})年\s*(\d{1,2})月\s*(\d{1,2})日(?:\s*\(.\))?(?:\s.*)?$/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(value);
    if (match) {
      const day = `${match[1]}-${pad2(match[2]!)}-${pad2(match[3]!)}`;
      return isDayKey(day) ? { ok: true, day } : { ok: false, error: 'metrics.csv.badDate' };
    }
  }
  const month = /^(\d{4})[-/.](\d{1,2})$/.exec(value) ?? /^(\d{4})年\s*(\d{1,2})月$/.exec(value);
  if (month) {
    const day = `${month[1]}-${pad2(month[2]!)}-01`;
    return isDayKey(day) ? { ok: true, day } : { ok: false, error: 'metrics.csv.badDate' };
  }
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(value)) return { ok: false, error: 'metrics.csv.ambiguousDate' };
  return { ok: false, error: 'metrics.csv.badDate' };
}

export interface MetricCsvError {
  field: 'date' | 'metric' | 'value';
  /** An i18n key: 'metrics.csv.*' or one of validateMetricValue's 'validation.*'. */
  key: string;
}

export interface MetricCsvRow extends MetricCsvLine {
  /** The calendar day written, when it parses. */
  day: DayKey | null;
  definition: MetricDefinition | undefined;
  /** The key of the definition's week or month containing `day`. */
  period: DayKey | null;
  parsed: number | null;
  errors: MetricCsvError[];
}

export interface MetricCsvContext {
  /** The metric a name in the file stands for (after the user's mapping), if any. */
  findMetric: (name: string) => MetricDefinition | undefined;
  weekStartsOn: WeekStart;
}

/**
 * The key of the week (starting on `weekStartsOn`) or month containing the calendar day `day`:
 * what `metricPeriodKeyAt` gives for any instant of that day, in any zone, since a date names the
 * same day everywhere. Done on the date itself because a file can hold tens of thousands of
 * lines, and going through the time-zone library for each costs seconds.
 */
export function periodKeyOfDay(day: DayKey, period: MetricDefinition['period'], weekStartsOn: WeekStart): DayKey {
  if (period === 'month') return `${day.slice(0, 8)}01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDaysToKey(day, -((weekday - weekStartsOn + 7) % 7));
}

// Checks a number before its metric is known, so a row shows all its problems at once.
const ANY_METRIC: MetricDefinition = { id: '', unit: '', period: 'week', archived: 0, order: 0, createdAt: 0 };

/** Each line as the importer would store it, or with what is wrong with it. */
export function resolveMetricCsv(lines: readonly MetricCsvLine[], context: MetricCsvContext): MetricCsvRow[] {
  return lines.map((line) => {
    const errors: MetricCsvError[] = [];
    const date = parseCsvDate(line.date);
    if (!date.ok) errors.push({ field: 'date', key: date.error });
    const definition = line.metric.trim() === '' ? undefined : context.findMetric(line.metric);
    if (line.metric.trim() === '') errors.push({ field: 'metric', key: 'metrics.csv.metricRequired' });
    else if (!definition) errors.push({ field: 'metric', key: 'metrics.csv.unknownMetric' });
    const checked = validateMetricValue(line.value, definition ?? ANY_METRIC);
    if (!checked.ok) errors.push({ field: 'value', key: checked.error });
    const day = date.ok ? date.day : null;
    const period = day && definition ? periodKeyOfDay(day, definition.period, context.weekStartsOn) : null;
    return { ...line, day, definition, period, parsed: checked.ok ? checked.value : null, errors };
  });
}

/** The metric names of the file that match no metric, first spelling kept, with their row counts. */
export function unknownMetricNames(lines: readonly MetricCsvLine[], findMetric: (name: string) => MetricDefinition | undefined): { name: string; rows: number }[] {
  const seen = new Map<string, { name: string; rows: number }>();
  for (const line of lines) {
    if (line.metric.trim() === '' || findMetric(line.metric)) continue;
    const key = normalizeMetricName(line.metric);
    const found = seen.get(key);
    if (found) found.rows += 1;
    else seen.set(key, { name: line.metric.trim(), rows: 1 });
  }
  return [...seen.values()];
}

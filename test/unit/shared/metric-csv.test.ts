import { describe, expect, it } from 'vitest';
import { METRIC_CSV_MAX_LINES, normalizeMetricName, parseCsvDate, parseMetricCsv, periodKeyOfDay, resolveMetricCsv, unknownMetricNames } from '../../../shared/metric-csv';
import { addDaysToKey, instantOfDayKey } from '../../../shared/domain/calendar';
import { metricPeriodKeyAt } from '../../../shared/domain/metrics';
import type { MetricDefinition } from '../../../shared/domain/model';

// Zones are passed explicitly, so the file means the same in both runs (Tokyo, Los Angeles).
const TOKYO = 'Asia/Tokyo';
const LA = 'America/Los_Angeles';

const def = (id: string, period: 'week' | 'month', builtin?: MetricDefinition['builtin']): MetricDefinition => ({
  id,
  ...(builtin ? { builtin } : { name: id }),
  unit: '',
  period,
  archived: 0,
  order: 0,
  createdAt: 0,
});
const VIEWS = def('views', 'week', 'page-views');
const WEBINAR = def('webinar', 'month', 'webinar-attendees');
const SCORE = def('score', 'week');
const byName: Record<string, MetricDefinition> = { 'page views': VIEWS, pv数: VIEWS, 'webinar attendees': WEBINAR, score: SCORE };
const findMetric = (name: string) => byName[normalizeMetricName(name)];

const lines = (text: string) => {
  const parsed = parseMetricCsv(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.lines;
};

describe('parseMetricCsv', () => {
  it('reads date,metric,value with the line each value came from', () => {
    const parsed = parseMetricCsv('date,metric,value\n2026-11-16,Page views,3200\n2026-11-16,Email opens,"1,234"\n');
    expect(parsed).toEqual({
      ok: true,
      layout: 'long',
      lines: [
        { line: 2, date: '2026-11-16', metric: 'Page views', value: '3200' },
        { line: 3, date: '2026-11-16', metric: 'Email opens', value: '1,234' },
      ],
    });
  });

  it('reads Japanese headers in any order, tabs, a BOM and CRLF', () => {
    expect(lines('\ufeff値\t日付\t指標\r\n3200\t2026/11/16\tPV数\r\n')).toEqual([{ line: 2, date: '2026/11/16', metric: 'PV数', value: '3200' }]);
    expect(lines('Metric;Date;Count;Note\nPage views;2026-11-16;5;from GA\n')).toEqual([{ line: 2, date: '2026-11-16', metric: 'Page views', value: '5' }]);
  });

  it('keeps line numbers right across comments, empty lines and quoted line breaks', () => {
    const text = '# Analytics export\n# 2026-11-01 - 2026-11-30\n\ndate,metric,value\n2026-11-16,"Page\nviews",3\n\n2026-11-17,Score,4\n';
    expect(lines(text).map((l) => l.line)).toEqual([5, 8]);
    expect(lines(text)[0]?.metric).toBe('Page\nviews');
  });

  it('reads the wide layout of analytics exports: one column per metric, empty cells skipped', () => {
    const parsed = parseMetricCsv('日付,PV数,Score\n20261116,100,\n20261117,5,6\n');
    expect(parsed).toMatchObject({ ok: true, layout: 'wide' });
    expect(lines('日付,PV数,Score\n20261116,100,\n20261117,5,6\n')).toEqual([
      { line: 2, date: '20261116', metric: 'PV数', value: '100' },
      { line: 3, date: '20261117', metric: 'PV数', value: '5' },
      { line: 3, date: '20261117', metric: 'Score', value: '6' },
    ]);
    // A date and a value but no metric column: the value column is one metric called "value".
    expect(lines('date,value\n2026-11-16,3\n')).toEqual([{ line: 2, date: '2026-11-16', metric: 'value', value: '3' }]);
  });

  it('reads a file without a header when it starts with a date', () => {
    expect(parseMetricCsv('2026-11-16,Page views,3\n2026-11-23,Page views,4')).toMatchObject({
      ok: true,
      layout: 'headerless',
      lines: [
        { line: 1, metric: 'Page views', value: '3' },
        { line: 2, value: '4' },
      ],
    });
  });

  it('says what is wrong with a file it cannot read', () => {
    expect(parseMetricCsv('')).toEqual({ ok: false, error: 'metrics.csv.empty' });
    expect(parseMetricCsv('\n\n# only a comment\n')).toEqual({ ok: false, error: 'metrics.csv.empty' });
    expect(parseMetricCsv('when,what,how many\nMonday,views,3\n')).toEqual({ ok: false, error: 'metrics.csv.noColumns', columns: ['when', 'what', 'how many'] });
    const huge = `date,metric,value\n${'2026-11-16,Score,1\n'.repeat(METRIC_CSV_MAX_LINES + 1)}`;
    expect(parseMetricCsv(huge)).toEqual({ ok: false, error: 'metrics.csv.tooManyRows' });
  });
});

describe('parseCsvDate', () => {
  it.each([
    ['2026-11-16', '2026-11-16'],
    ['2026/11/6', '2026-11-06'],
    ['2026.1.6', '2026-01-06'],
    ['20261116', '2026-11-16'],
    ['2026年11月16日', '2026-11-16'],
    ['2026年11月16日(月)', '2026-11-16'],
    ['２０２６－１１－１６', '2026-11-16'],
    ['2026-11-16T23:30:00+09:00', '2026-11-16'],
    ['2026-11-16 10:00', '2026-11-16'],
    ['2026-11', '2026-11-01'],
    ['2026年11月', '2026-11-01'],
  ])('reads %s', (text, day) => {
    expect(parseCsvDate(text)).toEqual({ ok: true, day });
  });

  it.each([
    ['', 'metrics.csv.dateRequired'],
    ['   ', 'metrics.csv.dateRequired'],
    ['2026-02-30', 'metrics.csv.badDate'],
    ['2026-13', 'metrics.csv.badDate'],
    ['20261332', 'metrics.csv.badDate'],
    ['yesterday', 'metrics.csv.badDate'],
    ['11/16/2026', 'metrics.csv.ambiguousDate'],
    ['16.11.2026', 'metrics.csv.ambiguousDate'],
  ])('refuses %j', (text, error) => {
    expect(parseCsvDate(text)).toEqual({ ok: false, error });
  });
});

describe('resolveMetricCsv', () => {
  it('maps each date to the week (by the week-start setting) or month of its metric', () => {
    const rows = resolveMetricCsv(
      lines('date,metric,value\n2026-11-18,Page views,3\n2026-11-22,Page views,4\n2026-11-18,Webinar attendees,25\n'),
      { findMetric, weekStartsOn: 1 },
    );
    expect(rows.map((r) => [r.definition?.id, r.period, r.parsed, r.errors])).toEqual([
      ['views', '2026-11-16', 3, []],
      ['views', '2026-11-16', 4, []],
      ['webinar', '2026-11-01', 25, []],
    ]);
    // With Sunday weeks, Sunday the 22nd starts a new week.
    const sunday = resolveMetricCsv(lines('date,metric,value\n2026-11-21,Page views,3\n2026-11-22,Page views,4\n'), { findMetric, weekStartsOn: 0 });
    expect(sunday.map((r) => r.period)).toEqual(['2026-11-15', '2026-11-22']);
  });

  it('reports every problem of a line at once, with the validation of the metric', () => {
    const rows = resolveMetricCsv(
      lines('date,metric,value\n11/16/2026,Unknown,-3\n2026-11-16,,abc\n2026-11-16,Page views,2.5\n2026-11-16,Score,2.5\n2026-11-16,Page views,\n2026-11-16,Page views,1e13\n'),
      { findMetric, weekStartsOn: 1 },
    );
    expect(rows.map((r) => r.errors)).toEqual([
      [
        { field: 'date', key: 'metrics.csv.ambiguousDate' },
        { field: 'metric', key: 'metrics.csv.unknownMetric' },
        { field: 'value', key: 'validation.nonNegative' },
      ],
      [
        { field: 'metric', key: 'metrics.csv.metricRequired' },
        { field: 'value', key: 'validation.number' },
      ],
      // Built-in metrics count whole things; a custom one may be fractional.
      [{ field: 'value', key: 'validation.integer' }],
      [],
      [{ field: 'value', key: 'validation.required' }],
      [{ field: 'value', key: 'validation.tooLarge' }],
    ]);
    expect(rows[0]).toMatchObject({ day: null, period: null, parsed: null, definition: undefined });
    expect(rows[3]).toMatchObject({ period: '2026-11-16', parsed: 2.5 });
  });

  it('accepts numbers as spreadsheets write them', () => {
    const rows = resolveMetricCsv(lines('date,metric,value\n2026-11-16,Page views,"1,234"\n2026-11-16,Page views,１２３\n2026-11-16,Page views, 7 \n'), {
      findMetric,
      weekStartsOn: 1,
    });
    expect(rows.map((r) => r.parsed)).toEqual([1234, 123, 7]);
  });
});

describe('periodKeyOfDay', () => {
  it('is the key metricPeriodKeyAt gives for that day, in every zone, for every week start', () => {
    for (const zone of [TOKYO, LA, 'Europe/Berlin', 'America/Santiago', 'Pacific/Kiritimati']) {
      for (let i = 0; i < 800; i += 3) {
        const day = addDaysToKey('2025-12-20', i);
        for (const weekStartsOn of [0, 1, 3, 6] as const) {
          for (const period of ['week', 'month'] as const) {
            expect(periodKeyOfDay(day, period, weekStartsOn), `${zone} ${day} ${period} ${weekStartsOn}`).toBe(
              metricPeriodKeyAt(instantOfDayKey(day, zone) + 12 * 3_600_000, period, zone, weekStartsOn),
            );
          }
        }
      }
    }
  });

  it('resolves fifty thousand lines (the time is printed, not asserted)', () => {
    const text = ['date,metric,value', ...Array.from({ length: 50_000 }, (_, i) => `${addDaysToKey('2016-01-01', i % 3650)},Page views,${i}`)].join('\n');
    const start = performance.now();
    const rows = resolveMetricCsv(lines(text), { findMetric, weekStartsOn: 1 });
    const elapsed = performance.now() - start;
    console.log(`resolveMetricCsv: 50,000 lines in ${elapsed.toFixed(0)} ms`);
    expect(rows.every((r) => r.errors.length === 0)).toBe(true);
  });
});

describe('unknownMetricNames', () => {
  it('lists each unknown name once, as first written, with its number of values', () => {
    const found = unknownMetricNames(lines('date,metric,value\nx,Sessions,1\nx,Page views,2\nx,sessions ,3\nx,ＳＥＳＳＩＯＮＳ,4\nx,Users,5\nx,,6\n'), findMetric);
    expect(found).toEqual([
      { name: 'Sessions', rows: 3 },
      { name: 'Users', rows: 1 },
    ]);
  });
});

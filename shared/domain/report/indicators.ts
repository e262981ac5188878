/**
 * Leading indicators: each metric over the period (pro rata by days, metrics.ts), the previous
 * period, and a sparkline of the periods before, plus the derived ratios.
 */
import type { Period } from '../calendar';
import { DERIVED_RATIOS, derivedRatio, entriesByBuiltin, metricSeries } from '../metrics';
import type { MetricDefinition, MetricEntry } from '../model';
import { optionalAmount, rate } from './figures';
import { metricKeysFor } from './frame';
import type { DerivedRatioRow, IndicatorsSection, MetricRow } from './types';

/**
 * Metrics shown: every metric not archived, and archived ones that have data in the period
 * (archiving hides a metric from the grid; it does not unsay what the period measured), by the
 * user's order. Derived ratios are shown only when both metrics are defined and either has data
 * in the period or the previous one: a ratio of a metric nobody records would read "0 %".
 * A value with no data behind it (coverage 0) is null, not 0.
 */
export function indicators(args: {
  definitions: readonly MetricDefinition[];
  entries: readonly MetricEntry[];
  sparkline: readonly Period[];
  previous: Period;
  timeZone: string;
}): { section: IndicatorsSection; hasData: boolean } {
  const { sparkline, previous, timeZone } = args;
  // Only rows that can reach into the periods shown: ten years of weekly rows would otherwise be
  // parsed again for every metric and ratio. The same key ranges as the read plan's.
  const ranges = [metricKeysFor({ start: (sparkline[0] as Period).start, end: (sparkline[sparkline.length - 1] as Period).end }, timeZone), metricKeysFor(previous, timeZone)];
  const entries = args.entries.filter((e) => ranges.some((r) => e.period >= r.from && e.period <= r.to));
  const byMetric = new Map<string, MetricEntry[]>();
  for (const entry of entries) {
    const list = byMetric.get(entry.metricId);
    if (list) list.push(entry);
    else byMetric.set(entry.metricId, [entry]);
  }
  const periods = [...sparkline, previous];
  let hasData = false;
  const metrics: MetricRow[] = [];
  const ordered = [...args.definitions].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const definition of ordered) {
    const series = metricSeries(byMetric.get(definition.id) ?? [], definition, periods, timeZone);
    const prev = series.pop();
    const current = series[series.length - 1];
    if (!prev || !current) continue;
    if (current.coverage > 0) hasData = true;
    if (definition.archived === 1 && current.coverage === 0) continue;
    const valueOf = (v: { value: number; coverage: number }) => (v.coverage > 0 ? v.value : null);
    metrics.push({
      metricId: definition.id,
      builtin: definition.builtin ?? null,
      name: definition.name ?? null,
      unit: definition.unit,
      period: definition.period,
      figure: optionalAmount(valueOf(current), valueOf(prev)),
      coverage: current.coverage,
      previousCoverage: prev.coverage,
      sparkline: series.map((point) => ({ start: point.period.start, end: point.period.end, value: valueOf(point), coverage: point.coverage })),
    });
  }
  const builtins = entriesByBuiltin(args.definitions, entries);
  const current = sparkline[sparkline.length - 1] as Period;
  const ratios: DerivedRatioRow[] = [];
  for (const definition of DERIVED_RATIOS) {
    if (!builtins[definition.numerator] || !builtins[definition.denominator]) continue;
    const now = derivedRatio(builtins, definition, current, timeZone);
    const before = derivedRatio(builtins, definition, previous, timeZone);
    const anyData = now.numeratorCoverage + now.denominatorCoverage + before.numeratorCoverage + before.denominatorCoverage > 0;
    if (!anyData) continue;
    ratios.push({
      id: definition.id,
      labelKey: definition.labelKey,
      numerator: definition.numerator,
      denominator: definition.denominator,
      figure: rate(now, before),
      numeratorCoverage: now.numeratorCoverage,
      denominatorCoverage: now.denominatorCoverage,
    });
  }
  return { section: { metrics, ratios }, hasData };
}

/**
 * The overview: one small chart per active metric (the last 12 weeks or months up to the period
 * picked, with that period's value against the previous period and the same period last year,
 * where data exists), the derived ratios as "n / d = x %", and a large chart of one metric on
 * request. Everything is computed by shared/domain/metrics.ts from the entries of the window
 * shown, read per metric through `[metricId+period]`.
 */
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { dayKey, resolvePeriod, samePeriodLastYear, type CalendarSettings, type DayKey } from '../../../shared/domain/calendar';
import {
  DERIVED_RATIOS,
  derivedRatio,
  entriesByBuiltin,
  metricSeries,
  metricTrend,
  type Comparison,
  type DerivedRatioDefinition,
  type MetricPeriodValue,
} from '../../../shared/domain/metrics';
import type { Language, MetricDefinition, MetricEntry, MetricPeriod } from '../../../shared/domain/model';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { useDb, useLanguage, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { metricEntriesBetween } from '../../db/metrics';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { ChartPoint } from './charts';
import { useMetricsUi } from './metrics-ui';
import { formatRate } from './rate';
import { alignKey, formatKeyLong, formatKeyShort, keysEndingAt, periodOfKey, shiftKey, specOfKey } from './periods';
import { useMetricDefinitions, useMetricText } from './use-metrics';

const Sparkline = lazy(() => import('./charts').then((m) => ({ default: m.Sparkline })));
const TrendChart = lazy(() => import('./charts').then((m) => ({ default: m.TrendChart })));

const SMALL_PERIODS = 12;
const LARGE_PERIODS: Record<MetricPeriod, number> = { week: 26, month: 12 };

/** By week, a monthly metric stays monthly (a month's webinar cannot be cut into weeks); by month, all are monthly. */
const stepOf = (definition: MetricDefinition, mode: MetricPeriod): MetricPeriod => (mode === 'month' ? 'month' : definition.period);

/** Counts are whole; a month of a weekly count is a sum of shares of weeks, shown rounded. */
const digitsOf = (definition: MetricDefinition) => (definition.builtin ? 0 : 2);

export function OverviewPanel() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = useNow();
  const { overviewPeriod: mode, overviewAnchor, detailMetricId, setOverview, setTab } = useMetricsUi();
  const definitions = useMetricDefinitions();

  const todayKey = dayKey(now, timeZone);
  const baseAnchor = overviewAnchor ?? todayKey;
  const active = useMemo(() => definitions?.filter((d) => d.archived === 0) ?? [], [definitions]);
  // The metrics read: the active ones and those the ratios need (archived or not: archiving a
  // metric hides it from the grid, it does not unsay its history).
  const readDefinitions = useMemo(() => {
    if (!definitions) return [];
    const grouped = entriesByBuiltin(definitions, []);
    const ratioIds = new Set(DERIVED_RATIOS.flatMap((r) => [grouped[r.numerator]?.definition.id, grouped[r.denominator]?.definition.id]));
    return definitions.filter((d) => d.archived === 0 || ratioIds.has(d.id));
  }, [definitions]);
  // One window for all: the longest chart before the anchor's period (plus one period, for the
  // default anchor's step back), a year before that, and a week's slack for weekly keys.
  const window = useMemo(() => {
    const first = shiftKey(alignKey(baseAnchor, 'month', timeZone, settings.weekStartsOn), 'month', -(LARGE_PERIODS.month + 13));
    const firstWeek = shiftKey(alignKey(baseAnchor, 'week', timeZone, settings.weekStartsOn), 'week', -(LARGE_PERIODS.week + 54));
    const last = shiftKey(alignKey(baseAnchor, 'month', timeZone, settings.weekStartsOn), 'month', 1);
    return { from: first < firstWeek ? first : firstWeek, to: last };
  }, [baseAnchor, timeZone, settings.weekStartsOn]);
  const ids = readDefinitions.map((d) => d.id);
  const entries = useLiveQuery(
    async () => (await Promise.all(ids.map((id) => metricEntriesBetween(db, id, window.from, window.to)))).flat(),
    [db, ids.join(), window.from, window.to],
  );
  const latest = useLiveQuery(async () => (await db.metricEntries.orderBy('period').last()) ?? null, [db]);

  const calendar = useMemo(() => ({ weekStartsOn: settings.weekStartsOn, fiscalYearStartMonth: settings.fiscalYearStartMonth }), [settings.weekStartsOn, settings.fiscalYearStartMonth]);
  const entriesOf = useMemo(() => {
    const map = new Map<string, MetricEntry[]>();
    for (const entry of entries ?? []) {
      const list = map.get(entry.metricId);
      if (list) list.push(entry);
      else map.set(entry.metricId, [entry]);
    }
    return map;
  }, [entries]);

  // Without a pick, the overview is about the current period once some metric has it entered in
  // full (this week's numbers, typed in), else the one before: numbers are usually typed in after
  // the week is over, and half a month of weekly numbers set against a whole one reads as a fall.
  const anchor: DayKey = useMemo(() => {
    if (overviewAnchor || !entries) return baseAnchor;
    const hasCurrent = active.some((d) => {
      const step = stepOf(d, mode);
      return metricSeries(entriesOf.get(d.id) ?? [], d, [periodOfKey(alignKey(todayKey, step, timeZone, settings.weekStartsOn), step, timeZone)], timeZone)[0]!.coverage >= 1;
    });
    return hasCurrent ? todayKey : shiftKey(alignKey(todayKey, mode, timeZone, settings.weekStartsOn), mode, -1);
  }, [overviewAnchor, entries, baseAnchor, active, mode, entriesOf, todayKey, timeZone, settings.weekStartsOn]);

  if (!definitions || !entries || latest === undefined) return <div className="metric-overview-placeholder" aria-busy="true" />;

  if (latest === null) {
    return (
      <EmptyState title={t('metrics.overview.emptyTitle')} body={t('metrics.overview.emptyBody')}>
        <div className="button-row">
          <Button variant="primary" onClick={() => setTab('entry')}>
            {t('metrics.overview.enterNumbers')}
          </Button>
          <Button onClick={() => setTab('import')}>{t('metrics.overview.importCsv')}</Button>
        </div>
      </EmptyState>
    );
  }

  const modeKey = alignKey(anchor, mode, timeZone, settings.weekStartsOn);
  const currentModeKey = alignKey(todayKey, mode, timeZone, settings.weekStartsOn);
  const grouped = entriesByBuiltin(definitions, entries);
  const detail = detailMetricId ? definitions.find((d) => d.id === detailMetricId) : undefined;

  return (
    <div className="metric-overview">
      <div className="metric-toolbar">
        <h2 className="metric-toolbar__title">
          {t(mode === 'week' ? 'metrics.overview.weekOf' : 'metrics.overview.month', { period: formatKeyLong(modeKey, mode, language) })}
        </h2>
        <div className="metric-segmented" role="radiogroup" aria-label={t('metrics.overview.stepLabel')}>
          {(['week', 'month'] as const).map((p) => (
            <label key={p} className={p === mode ? 'metric-segmented__option metric-segmented__option--active' : 'metric-segmented__option'}>
              <input type="radio" name="metric-overview-step" value={p} checked={p === mode} onChange={() => setOverview({ overviewPeriod: p })} />
              {t(p === 'week' ? 'metrics.overview.byWeek' : 'metrics.overview.byMonth')}
            </label>
          ))}
        </div>
        <div className="button-row metric-toolbar__nav">
          <Button onClick={() => setOverview({ overviewAnchor: shiftKey(modeKey, mode, -1) })} aria-label={t(mode === 'week' ? 'metrics.overview.previousWeek' : 'metrics.overview.previousMonth')}>
            ←
          </Button>
          <Button onClick={() => setOverview({ overviewAnchor: null })} disabled={overviewAnchor === null}>
            {t('metrics.overview.latest')}
          </Button>
          <Button
            onClick={() => setOverview({ overviewAnchor: shiftKey(modeKey, mode, 1) })}
            disabled={modeKey >= currentModeKey}
            aria-label={t(mode === 'week' ? 'metrics.overview.nextWeek' : 'metrics.overview.nextMonth')}
          >
            →
          </Button>
        </div>
      </div>
      {mode === 'month' ? <p className="muted metric-overview__note">{t('metrics.overview.splitNote')}</p> : null}

      {detail ? (
        <MetricDetail
          definition={detail}
          step={stepOf(detail, mode)}
          anchor={anchor}
          entries={entriesOf.get(detail.id) ?? []}
          onClose={() => {
            setOverview({ detailMetricId: null });
            // Back to the card that opened the chart, as a dialog would.
            requestAnimationFrame(() => document.getElementById(`metric-card-open-${detail.id}`)?.focus());
          }}
        />
      ) : null}

      <section aria-labelledby="metric-cards-title">
        <h2 id="metric-cards-title" className="visually-hidden">
          {t('metrics.overview.metricsTitle')}
        </h2>
        {active.length === 0 ? <p className="muted">{t('metrics.overview.allArchived')}</p> : null}
        <ul className="metric-cards">
          {active.map((definition) => (
            <MetricCard
              key={definition.id}
              definition={definition}
              step={stepOf(definition, mode)}
              anchor={anchor}
              entries={entriesOf.get(definition.id) ?? []}
              calendar={calendar}
              selected={definition.id === detailMetricId}
              onOpen={() => setOverview({ detailMetricId: definition.id })}
            />
          ))}
        </ul>
      </section>

      <section aria-labelledby="metric-ratios-title" className="metric-ratios">
        <h2 id="metric-ratios-title">{t('metrics.overview.ratiosTitle')}</h2>
        <p className="muted">{t('metrics.overview.ratiosHint')}</p>
        <ul className="metric-ratio-cards">
          {DERIVED_RATIOS.map((ratio) => {
            const numerator = grouped[ratio.numerator]?.definition;
            const denominator = grouped[ratio.denominator]?.definition;
            if (!numerator || !denominator) return null;
            const step: MetricPeriod = mode === 'month' || numerator.period === 'month' || denominator.period === 'month' ? 'month' : 'week';
            return <RatioCard key={ratio.id} ratio={ratio} numerator={numerator} denominator={denominator} step={step} anchor={anchor} grouped={grouped} />;
          })}
        </ul>
      </section>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function useFormatters(language: Language) {
  const { t } = useTranslation();
  const signed = (value: string, n: number) => (n > 0 ? `+${value}` : value);
  /** "+12 / 40 = +30%": the change over the base it is measured against. */
  const change = (comparison: Comparison, digits: number) => {
    const base = Math.abs(comparison.previous);
    const head = `${signed(formatNumber(comparison.change, language, digits), comparison.change)} / ${formatNumber(base, language, digits)}`;
    return comparison.changeRatio.value === null ? `${head} = —` : `${head} = ${signed(formatPercent(comparison.changeRatio.value, language), comparison.changeRatio.value)}`;
  };
  const partial = (value: MetricPeriodValue) =>
    value.coverage > 0 && value.coverage < 1
      ? t('metrics.overview.partial', { covered: formatNumber(value.coveredDays, language, 1), days: formatNumber(value.days, language, 1) })
      : null;
  return { change, partial };
}

const toPoints = (values: readonly MetricPeriodValue[], keys: readonly DayKey[], step: MetricPeriod, language: Language): ChartPoint[] =>
  values.map((value, i) => ({
    label: formatKeyShort(keys[i]!, step, language),
    longLabel: formatKeyLong(keys[i]!, step, language),
    value: value.coverage > 0 ? value.value : null,
  }));

function MetricCard({
  definition,
  step,
  anchor,
  entries,
  calendar,
  selected,
  onOpen,
}: {
  definition: MetricDefinition;
  step: MetricPeriod;
  anchor: DayKey;
  entries: readonly MetricEntry[];
  calendar: CalendarSettings;
  selected: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const text = useMetricText();
  const format = useFormatters(language);
  const key = alignKey(anchor, step, timeZone, calendar.weekStartsOn);
  const keys = useMemo(() => keysEndingAt(key, step, SMALL_PERIODS), [key, step]);
  const series = useMemo(() => metricSeries(entries, definition, keys.map((k) => periodOfKey(k, step, timeZone)), timeZone), [entries, definition, keys, step, timeZone]);
  const trend = useMemo(() => metricTrend(entries, definition, specOfKey(key, step), timeZone, calendar), [entries, definition, key, step, timeZone, calendar]);
  const points = useMemo(() => toPoints(series, keys, step, language), [series, keys, step, language]);
  const name = text.name(definition);
  const digits = digitsOf(definition);
  const id = `metric-card-${definition.id}`;
  const shown = points.filter((p) => p.value !== null).map((p) => p.value as number);
  const summary = t(step === 'week' ? 'metrics.chart.sparkWeeks' : 'metrics.chart.sparkMonths', {
    metric: name,
    count: SMALL_PERIODS,
    min: formatNumber(shown.length ? Math.min(...shown) : 0, language, digits),
    max: formatNumber(shown.length ? Math.max(...shown) : 0, language, digits),
  });
  const partial = format.partial(trend.current);

  return (
    <li className={selected ? 'metric-card metric-card--selected' : 'metric-card'}>
      <h3 className="metric-card__title">
        <button type="button" id={`metric-card-open-${definition.id}`} className="metric-card__open" onClick={onOpen} aria-describedby={`${id}-value`} aria-expanded={selected}>
          {name}
        </button>
      </h3>
      {shown.length ? (
        <>
          <p className="metric-card__value" id={`${id}-value`}>
            {trend.current.coverage > 0 ? (
              <>
                <span className="metric-card__number">{formatNumber(trend.current.value, language, digits)}</span>{' '}
                <span className="metric-card__unit">{text.unit(definition)}</span>
              </>
            ) : (
              <span className="metric-card__none">{t(step === 'week' ? 'metrics.overview.noDataWeek' : 'metrics.overview.noDataMonth')}</span>
            )}
          </p>
          {partial ? <p className="metric-card__partial">{partial}</p> : null}
          <dl className="metric-card__changes">
            <div>
              <dt>{t(step === 'week' ? 'metrics.overview.vsPreviousWeek' : 'metrics.overview.vsPreviousMonth')}</dt>
              <dd className={changeClass(trend.vsPrevious)}>{trend.vsPrevious ? format.change(trend.vsPrevious, digits) : '—'}</dd>
            </div>
            {trend.vsLastYear ? (
              <div>
                <dt>{t(step === 'week' ? 'metrics.overview.vsLastYearWeek' : 'metrics.overview.vsLastYearMonth')}</dt>
                <dd className={changeClass(trend.vsLastYear)}>{format.change(trend.vsLastYear, digits)}</dd>
              </div>
            ) : null}
          </dl>
          <div className="metric-card__chart">
            <Suspense fallback={<div className="chart-loading" aria-hidden="true" />}>
              <Sparkline points={points} ariaLabel={summary} language={language} />
            </Suspense>
          </div>
        </>
      ) : (
        // Nothing in the whole window: one honest line instead of an empty chart and dashes.
        <p className="metric-card__nochart" id={`${id}-value`}>
          {t(step === 'week' ? 'metrics.overview.noSeriesWeeks' : 'metrics.overview.noSeriesMonths', { count: SMALL_PERIODS })}
        </p>
      )}
    </li>
  );
}

const changeClass = (comparison: Comparison | null) =>
  !comparison || comparison.change === 0 ? 'metric-change' : comparison.change > 0 ? 'metric-change metric-change--up' : 'metric-change metric-change--down';

function RatioCard({
  ratio,
  numerator,
  denominator,
  step,
  anchor,
  grouped,
}: {
  ratio: DerivedRatioDefinition;
  numerator: MetricDefinition;
  denominator: MetricDefinition;
  step: MetricPeriod;
  anchor: DayKey;
  grouped: ReturnType<typeof entriesByBuiltin>;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const text = useMetricText();
  const key = alignKey(anchor, step, timeZone, settings.weekStartsOn);
  const current = derivedRatio(grouped, ratio, periodOfKey(key, step, timeZone), timeZone);
  const previous = derivedRatio(grouped, ratio, periodOfKey(shiftKey(key, step, -1), step, timeZone), timeZone);
  const show = (value: typeof current) => (value.numeratorCoverage === 0 && value.denominatorCoverage === 0 ? '—' : formatRate(value, language));
  const partial = [current.numeratorCoverage, current.denominatorCoverage].some((c) => c > 0 && c < 1);
  return (
    <li className="metric-ratio-card">
      <h3>{t(ratio.labelKey as 'metrics.ratio.openRate')}</h3>
      <p className="muted metric-ratio-card__formula">{t('metrics.ratio.formula', { numerator: text.name(numerator), denominator: text.name(denominator) })}</p>
      <p className="metric-ratio-card__value">{show(current)}</p>
      {partial ? <p className="metric-card__partial">{t('metrics.overview.partialRatio')}</p> : null}
      <p className="muted">
        {t(step === 'week' ? 'metrics.overview.previousWeekValue' : 'metrics.overview.previousMonthValue', { value: show(previous) })}
      </p>
    </li>
  );
}

function MetricDetail({
  definition,
  step,
  anchor,
  entries,
  onClose,
}: {
  definition: MetricDefinition;
  step: MetricPeriod;
  anchor: DayKey;
  entries: readonly MetricEntry[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const text = useMetricText();
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const count = LARGE_PERIODS[step];
  const key = alignKey(anchor, step, timeZone, settings.weekStartsOn);
  const keys = useMemo(() => keysEndingAt(key, step, count), [key, step, count]);
  const calendar = useMemo(() => ({ weekStartsOn: settings.weekStartsOn, fiscalYearStartMonth: settings.fiscalYearStartMonth }), [settings.weekStartsOn, settings.fiscalYearStartMonth]);
  const series = useMemo(() => metricSeries(entries, definition, keys.map((k) => periodOfKey(k, step, timeZone)), timeZone), [entries, definition, keys, step, timeZone]);
  // The same weeks (the week containing the same date) or months a year earlier.
  const lastYearKeys = useMemo(() => keys.map((k) => alignKey(shiftKey(k, 'month', -12), step, timeZone, settings.weekStartsOn)), [keys, step, timeZone, settings.weekStartsOn]);
  const lastYearSeries = useMemo(
    () => metricSeries(entries, definition, keys.map((k) => resolvePeriod(samePeriodLastYear(specOfKey(k, step), timeZone), timeZone, calendar)), timeZone),
    [entries, definition, keys, step, timeZone, calendar],
  );
  const points = useMemo(() => toPoints(series, keys, step, language), [series, keys, step, language]);
  const lastYearPoints = useMemo(() => toPoints(lastYearSeries, lastYearKeys, step, language), [lastYearSeries, lastYearKeys, step, language]);
  const hasLastYear = lastYearSeries.some((v) => v.coverage > 0);
  const name = text.name(definition);
  const digits = digitsOf(definition);

  useEffect(() => {
    heading.current?.focus();
  }, [definition.id]);

  // Escape anywhere inside the panel closes it, and the keyboard goes back to the card.
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [onClose]);

  const title = t(step === 'week' ? 'metrics.chart.titleWeeks' : 'metrics.chart.titleMonths', { metric: name, count });
  const summary = t(step === 'week' ? 'metrics.chart.summaryWeeks' : 'metrics.chart.summaryMonths', {
    metric: name,
    count,
    from: formatKeyLong(keys[0]!, step, language),
    to: formatKeyLong(keys[keys.length - 1]!, step, language),
  });

  return (
    <section className="metric-detail card" aria-labelledby="metric-detail-title" ref={panel}>
      <div className="metric-detail__head">
        <h2 id="metric-detail-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <Button onClick={onClose}>{t('common.close')}</Button>
      </div>
      <div className="metric-detail__chart">
        <Suspense fallback={<div className="chart-loading" role="status">{t('metrics.chart.loading')}</div>}>
          <TrendChart
            points={points}
            lastYear={hasLastYear ? lastYearPoints : undefined}
            seriesLabel={t(step === 'week' ? 'metrics.chart.recentWeeks' : 'metrics.chart.recentMonths', { count })}
            lastYearLabel={t('metrics.chart.yearEarlier')}
            ariaLabel={summary}
            language={language}
          />
        </Suspense>
      </div>
      {!hasLastYear ? <p className="muted">{t('metrics.chart.noLastYear')}</p> : null}
      <details className="metric-detail__table">
        <summary>{t('metrics.chart.showTable')}</summary>
        <table className="metric-table">
          <thead>
            <tr>
              <th scope="col">{t(step === 'week' ? 'metrics.chart.weekColumn' : 'metrics.chart.monthColumn')}</th>
              <th scope="col" className="num">
                {name}
              </th>
              <th scope="col">{t(step === 'week' ? 'metrics.chart.yearEarlierWeek' : 'metrics.chart.yearEarlierMonth')}</th>
              <th scope="col" className="num">
                {t('metrics.chart.yearEarlier')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...keys.keys()].reverse().map((i) => (
              <tr key={keys[i]}>
                <th scope="row">{points[i]!.longLabel}</th>
                <td className="num">{points[i]!.value === null ? '—' : formatNumber(points[i]!.value!, language, digits)}</td>
                <td>{lastYearPoints[i]!.longLabel}</td>
                <td className="num">{lastYearPoints[i]!.value === null ? '—' : formatNumber(lastYearPoints[i]!.value!, language, digits)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

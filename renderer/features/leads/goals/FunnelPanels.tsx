/**
 * The reverse funnel on screen: the rates it uses (and where each comes from), the three steps
 * with their arithmetic, the pace so far and the months. Every figure that cannot be computed
 * reads "—" with the reason beside it: never Infinity, never NaN.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../../shared/domain/calendar';
import {
  INSUFFICIENT,
  MINIMUM_SAMPLE,
  type ChosenRate,
  type FunnelCounts,
  type FunnelPace,
  type FunnelRates,
  type HistoricalRates,
  type MonthNeeds,
  type Need,
  type PaceLine,
  type ReverseFunnel,
} from '../../../../shared/domain/funnel';
import type { Goal } from '../../../../shared/domain/model';
import { useLanguage, useSettings, useSystem } from '../../../app/services';
import { formatMoney, formatNumber, formatPercent, formatRatio } from '../../../i18n/format';
import { monthYear } from './fiscal-labels';

const DASH = '—';

export interface MonthActual {
  period: Period;
  /** null for a month that has not begun. */
  actual: FunnelCounts | null;
}

export interface FunnelView {
  history: HistoricalRates;
  rates: FunnelRates;
  funnel: ReverseFunnel;
  pace: FunnelPace;
  actual: FunnelCounts;
  perMonth: (MonthNeeds & MonthActual)[];
  assumptions: Goal['assumptions'];
}

function useFormats() {
  const language = useLanguage();
  const { currency } = useSettings();
  const finite = (value: number) => Number.isFinite(value);
  return {
    language,
    count: (value: number) => (finite(value) ? formatNumber(value, language, 0) : DASH),
    decimal: (value: number) => (finite(value) ? formatNumber(value, language, 1) : DASH),
    money: (value: number) => (finite(value) ? formatMoney(Math.round(value), currency, language) : DASH),
    /** A rate with one decimal, so "÷ 37.5 %" shows the number the division really used. */
    rate: (fraction: number) => (finite(fraction) ? `${formatNumber(fraction * 100, language, 1)}%` : DASH),
    need: (need: Need) => (need === INSUFFICIENT || !finite(need) ? DASH : formatNumber(need, language, 0)),
  };
}

// ---------------------------------------------------------------------------------------------

export function RatesCard({ view }: { view: FunnelView }) {
  const { t } = useTranslation();
  const f = useFormats();
  const headingId = useId();
  const { history, rates, assumptions } = view;
  const avg = history.averageDealValue;
  const averageHistory = [t('initiatives.goals.averageDetail', { count: avg.deals }), avg.missingValue > 0 ? t('initiatives.goals.missingValueDetail', { count: avg.missingValue }) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.goals.rates')}</h3>
      <dl className="rates">
        <RateItem
          label={t('initiatives.goals.averageDealValue')}
          chosen={rates.averageDealValue}
          format={f.money}
          historyDetail={averageHistory}
          thinDetail={t('initiatives.goals.dealsDetail', { count: avg.deals })}
          sample={avg.deals}
          minimum={MINIMUM_SAMPLE.wonDeals}
          assumption={assumptions?.averageDealValue}
        />
        <RateItem
          label={t('initiatives.goals.winRate')}
          chosen={rates.winRate}
          format={f.rate}
          historyDetail={formatRatio(history.winRate, f.language)}
          thinDetail={formatRatio(history.winRate, f.language)}
          sample={history.winRate.denominator}
          minimum={MINIMUM_SAMPLE.closedDeals}
          assumption={assumptions?.winRate}
        />
        <RateItem
          label={t('initiatives.goals.leadToOpportunityRate')}
          chosen={rates.leadToOpportunityRate}
          format={f.rate}
          historyDetail={formatRatio(history.leadToOpportunityRate, f.language)}
          thinDetail={formatRatio(history.leadToOpportunityRate, f.language)}
          sample={history.leadToOpportunityRate.denominator}
          minimum={MINIMUM_SAMPLE.leads}
          assumption={assumptions?.leadToOpportunityRate}
        />
      </dl>
    </section>
  );
}

function RateItem({
  label,
  chosen,
  format,
  historyDetail,
  thinDetail,
  sample,
  minimum,
  assumption,
}: {
  label: string;
  chosen: ChosenRate;
  format: (value: number) => string;
  historyDetail: string;
  thinDetail: string;
  sample: number;
  minimum: number;
  assumption: number | undefined;
}) {
  const { t } = useTranslation();
  const value = chosen.value === null ? DASH : format(chosen.value);
  let source: string;
  let note: string | null = null;
  if (chosen.source === 'history') {
    source = t('initiatives.goals.source.history', { detail: historyDetail });
    if (assumption !== undefined) note = t('initiatives.goals.historyKept', { value: format(assumption) });
  } else {
    source = t(chosen.source === 'assumption' ? 'initiatives.goals.source.assumption' : 'initiatives.goals.source.none');
    note = sample < minimum ? t('initiatives.goals.historyTooThin', { detail: thinDetail, minimum }) : t('initiatives.goals.historyZero', { detail: thinDetail });
  }
  return (
    <div className={`rate rate--${chosen.source}`}>
      <dt>{label}</dt>
      <dd className="rate__value">{value}</dd>
      <dd className="rate__source">{source}</dd>
      {note ? <dd className="rate__note">{note}</dd> : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

export function FunnelCard({ view }: { view: FunnelView }) {
  const { t } = useTranslation();
  const f = useFormats();
  const headingId = useId();
  const { funnel, rates } = view;
  const a = rates.averageDealValue.value;
  const w = rates.winRate.value;
  const r = rates.leadToOpportunityRate.value;
  const deals = funnel.deals;
  const opportunities = funnel.opportunities;

  const dealsText =
    deals !== INSUFFICIENT && a !== null
      ? t('initiatives.goals.dealsFormula', { goal: f.money(funnel.goal), average: f.money(a), raw: f.decimal(funnel.goal / a), need: f.need(deals) })
      : t('initiatives.goals.needsAverage');
  const opportunitiesText =
    opportunities !== INSUFFICIENT && deals !== INSUFFICIENT && w !== null
      ? t('initiatives.goals.opportunitiesFormula', { deals: f.need(deals), rate: f.rate(w), raw: f.decimal(deals / w), need: f.need(opportunities) })
      : [deals === INSUFFICIENT ? t('initiatives.goals.needsUpstream') : null, w === null ? t('initiatives.goals.needsWinRate') : null].filter(Boolean).join(' ');
  const leadsText =
    funnel.leads !== INSUFFICIENT && opportunities !== INSUFFICIENT && r !== null
      ? t('initiatives.goals.leadsFormula', { opportunities: f.need(opportunities), rate: f.rate(r), raw: f.decimal(opportunities / r), need: f.need(funnel.leads) })
      : [opportunities === INSUFFICIENT ? t('initiatives.goals.needsUpstream') : null, r === null ? t('initiatives.goals.needsLeadRate') : null].filter(Boolean).join(' ');

  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.goals.funnel')}</h3>
      <dl className="funnel">
        <FunnelStep label={t('initiatives.goals.revenue')} value={f.money(funnel.goal)} />
        <FunnelStep label={t('initiatives.goals.deals')} value={f.need(deals)} detail={dealsText} missing={deals === INSUFFICIENT} />
        <FunnelStep label={t('initiatives.goals.opportunities')} value={f.need(opportunities)} detail={opportunitiesText} missing={opportunities === INSUFFICIENT} />
        <FunnelStep label={t('initiatives.goals.leads')} value={f.need(funnel.leads)} detail={leadsText} missing={funnel.leads === INSUFFICIENT} tone="marketing" />
      </dl>
    </section>
  );
}

function FunnelStep({ label, value, detail, missing = false, tone }: { label: string; value: string; detail?: string; missing?: boolean; tone?: 'marketing' }) {
  return (
    <div className={missing ? 'funnel__step funnel__step--missing' : 'funnel__step'}>
      <dt>{label}</dt>
      <dd className={tone && !missing ? `funnel__value funnel__value--${tone}` : 'funnel__value'}>{value}</dd>
      {detail ? <dd className="funnel__detail">{detail}</dd> : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

export function PaceCard({ view, period, periodName, now }: { view: FunnelView; period: Period; periodName: string; now: number }) {
  const { t } = useTranslation();
  const f = useFormats();
  const headingId = useId();
  const { pace } = view;
  const elapsedText =
    now < period.start
      ? t('initiatives.goals.notStarted', { period: periodName })
      : now >= period.end
        ? t('initiatives.goals.over', { period: periodName })
        : t('initiatives.goals.elapsed', { period: periodName, share: formatPercent(pace.elapsed, f.language) });
  const rows: { key: string; label: string; line: PaceLine; money: boolean }[] = [
    { key: 'leads', label: t('initiatives.goals.monthColumns.leadsActual'), line: pace.leads, money: false },
    { key: 'opportunities', label: t('initiatives.goals.monthColumns.opportunitiesActual'), line: pace.opportunities, money: false },
    { key: 'deals', label: t('initiatives.goals.monthColumns.dealsActual'), line: pace.deals, money: false },
    { key: 'revenue', label: t('initiatives.goals.revenueRow'), line: pace.revenue, money: true },
  ];
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.goals.pace')}</h3>
      <p className="muted">{elapsedText}</p>
      <div className="goals-table-wrap">
        <table className="data-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.goals.paceColumns.step')}</th>
              <th scope="col" className="num">
                {t('initiatives.goals.paceColumns.need')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.paceColumns.expected')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.paceColumns.actual')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.paceColumns.remaining')}
              </th>
              <th scope="col">{t('initiatives.goals.paceColumns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, label, line, money }) => {
              const amount = (value: Need) => (value === INSUFFICIENT ? DASH : money ? f.money(value) : f.decimal(value));
              const whole = (value: Need) => (value === INSUFFICIENT ? DASH : money ? f.money(value) : f.count(value));
              const status =
                line.onPace === null
                  ? t('initiatives.goals.unknown')
                  : line.onPace
                    ? t('initiatives.goals.onPace')
                    : t('initiatives.goals.behind', { amount: amount(line.expected === INSUFFICIENT ? INSUFFICIENT : line.expected - line.actual) });
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td className="num">{whole(line.need)}</td>
                  <td className="num">{amount(line.expected)}</td>
                  <td className="num">{whole(line.actual)}</td>
                  <td className="num">{whole(line.remaining)}</td>
                  <td>
                    <span className={line.onPace === null ? 'pace pace--unknown' : line.onPace ? 'pace pace--on' : 'pace pace--behind'}>{status}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------

export function MonthsCard({ view, now }: { view: FunnelView; now: number }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { timeZone } = useSystem();
  const headingId = useId();
  const actual = (value: number | undefined) => (value === undefined ? DASH : f.count(value));
  return (
    <section className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('initiatives.goals.perMonth')}</h3>
      <p className="muted">{t('initiatives.goals.perMonthHint')}</p>
      <div className="goals-table-wrap">
        <table className="data-table goals-months" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('initiatives.goals.monthColumns.month')}</th>
              <th scope="col" className="num">
                {t('initiatives.goals.monthColumns.leadsNeed')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.monthColumns.leadsActual')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.monthColumns.opportunitiesNeed')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.monthColumns.opportunitiesActual')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.monthColumns.dealsNeed')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.monthColumns.dealsActual')}
              </th>
              <th scope="col" className="num">
                {t('initiatives.goals.monthColumns.revenueActual')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.perMonth.map((month) => {
              const current = now >= month.period.start && now < month.period.end;
              return (
                <tr key={month.month} className={current ? 'goals-months__current' : undefined} aria-current={current ? 'date' : undefined}>
                  <th scope="row">
                    {monthYear(month.period.start, t, f.language, timeZone)}
                    {current ? <span className="badge goals-months__badge">{t('initiatives.goals.thisMonth')}</span> : null}
                  </th>
                  <td className="num">{f.need(month.leads)}</td>
                  <td className="num">{actual(month.actual?.leads)}</td>
                  <td className="num">{f.need(month.opportunities)}</td>
                  <td className="num">{actual(month.actual?.opportunities)}</td>
                  <td className="num">{f.need(month.deals)}</td>
                  <td className="num">{actual(month.actual?.deals)}</td>
                  <td className="num">{month.actual ? f.money(month.actual.revenue) : DASH}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('initiatives.goals.total')}</th>
              <td className="num">{f.need(view.funnel.leads)}</td>
              <td className="num">{f.count(view.actual.leads)}</td>
              <td className="num">{f.need(view.funnel.opportunities)}</td>
              <td className="num">{f.count(view.actual.opportunities)}</td>
              <td className="num">{f.need(view.funnel.deals)}</td>
              <td className="num">{f.count(view.actual.deals)}</td>
              <td className="num">{f.money(view.actual.revenue)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

/**
 * Picks the report's period: a month, a fiscal quarter, a half year (both following the fiscal
 * year in Settings), or any range of days. Calendar periods are specs anchored on a day, so the
 * previous period and the sparklines are calendar steps (shared/domain/calendar.ts).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addDaysToKey,
  daysBetweenKeys,
  dayKey,
  instantOfDayKey,
  isDayKey,
  resolvePeriod,
  shiftPeriod,
  type CalendarSettings,
  type DayKey,
  type PeriodSpec,
} from '../../../shared/domain/calendar';
import { periodInfo } from '../../../shared/domain/report/frame';
import { Button } from '../../components/Button';
import { periodName } from './period-label';
import type { ReportFormat } from './report-format';
import { PICKER_KINDS, useReportsUi, type PickerKind } from './store';

const MAX_CUSTOM_YEARS = 10;
const OPTIONS: Record<Exclude<PickerKind, 'custom'>, number> = { month: 24, 'fiscal-quarter': 12, 'fiscal-half': 8 };

export type PickedPeriod = { ok: true; spec: PeriodSpec; key: string } | { ok: false; error: 'incomplete' | 'endBeforeStart' | 'tooLong' };

/** The spec the picker's state stands for, or why it is not one yet. */
export function pickedPeriod(
  ui: { kind: PickerKind; anchor: DayKey | null; customFrom: DayKey | null; customTo: DayKey | null },
  now: number,
  timeZone: string,
  settings: CalendarSettings,
): PickedPeriod {
  if (ui.kind !== 'custom') {
    const anchor = ui.anchor ?? dayKey(now, timeZone);
    // Key the period by its first day, so any anchor inside it names the same drafts.
    const first = dayKey(resolvePeriod({ kind: ui.kind, anchor }, timeZone, settings).start, timeZone);
    return { ok: true, spec: { kind: ui.kind, anchor }, key: `${ui.kind}:${first}` };
  }
  const { customFrom: from, customTo: to } = ui;
  if (!from || !to || !isDayKey(from) || !isDayKey(to)) return { ok: false, error: 'incomplete' };
  if (daysBetweenKeys(from, to) < 0) return { ok: false, error: 'endBeforeStart' };
  if (daysBetweenKeys(from, to) > MAX_CUSTOM_YEARS * 366) return { ok: false, error: 'tooLong' };
  return {
    ok: true,
    spec: { kind: 'custom', start: instantOfDayKey(from, timeZone), end: instantOfDayKey(addDaysToKey(to, 1), timeZone) },
    key: `custom:${from}:${to}`,
  };
}

export function PeriodPicker({
  picked,
  now,
  timeZone,
  settings,
  f,
}: {
  picked: PickedPeriod;
  now: number;
  timeZone: string;
  settings: CalendarSettings & { fiscalYearStartMonth: number };
  /** Formats in the app's language (the picker is UI, not report). */
  f: ReportFormat;
}) {
  const { t } = useTranslation();
  const ui = useReportsUi();
  const id = useId();
  const label = (spec: PeriodSpec) => {
    const period = resolvePeriod(spec, timeZone, settings);
    return periodName(periodInfo(period, spec.kind, timeZone, settings.fiscalYearStartMonth), f);
  };

  const chooseKind = (kind: PickerKind) => {
    ui.setKind(kind);
    if (kind === 'custom' && (!ui.customFrom || !ui.customTo)) {
      // Start from the month so far: a range that already means something.
      const today = dayKey(now, timeZone);
      ui.setCustom(`${today.slice(0, 8)}01`, today);
    }
  };

  return (
    <div className="report-picker">
      <fieldset className="report-segmented">
        <legend className="visually-hidden">{t('report.picker.label')}</legend>
        {PICKER_KINDS.map((kind) => (
          <label key={kind} className={ui.kind === kind ? 'report-segmented__option report-segmented__option--active' : 'report-segmented__option'}>
            <input type="radio" name={`${id}-kind`} value={kind} checked={ui.kind === kind} onChange={() => chooseKind(kind)} />
            {t(`report.picker.kind.${kind}`)}
          </label>
        ))}
      </fieldset>
      {ui.kind === 'custom' ? (
        <CustomRange picked={picked} />
      ) : picked.ok && picked.spec.kind !== 'custom' ? (
        <CalendarChoice kind={ui.kind} spec={picked.spec} now={now} timeZone={timeZone} settings={settings} label={label} />
      ) : null}
    </div>
  );
}

function CalendarChoice({
  kind,
  spec,
  now,
  timeZone,
  settings,
  label,
}: {
  kind: Exclude<PickerKind, 'custom'>;
  spec: Extract<PeriodSpec, { anchor: DayKey }>;
  now: number;
  timeZone: string;
  settings: CalendarSettings;
  label: (spec: PeriodSpec) => string;
}) {
  const { t } = useTranslation();
  const setAnchor = useReportsUi((s) => s.setAnchor);
  const current: PeriodSpec = { kind, anchor: dayKey(now, timeZone) };
  const firstDay = (s: PeriodSpec) => dayKey(resolvePeriod(s, timeZone, settings).start, timeZone);
  const selected = firstDay(spec);
  const currentFirst = firstDay(current);
  const options = new Map<DayKey, string>();
  for (let step = -(OPTIONS[kind] - 1); step <= 0; step++) {
    const s = shiftPeriod(current, step, timeZone);
    options.set(firstDay(s), label(s) + (step === 0 ? ` · ${t('report.picker.current')}` : ''));
  }
  if (!options.has(selected)) options.set(selected, label(spec));
  const sorted = [...options].sort(([a], [b]) => (a < b ? 1 : a > b ? -1 : 0));
  const next = shiftPeriod(spec, 1, timeZone);
  const nextStartsLater = resolvePeriod(next, timeZone, settings).start > now;
  const go = (s: PeriodSpec) => setAnchor(s.kind === 'custom' ? null : firstDay(s) === currentFirst ? null : firstDay(s));
  return (
    <div className="report-picker__calendar">
      <Button onClick={() => go(shiftPeriod(spec, -1, timeZone))} aria-label={t('report.picker.previous')}>
        ←
      </Button>
      <label className="report-picker__select">
        <span className="visually-hidden">{t('report.picker.period')}</span>
        <select className="input" value={selected} onChange={(e) => setAnchor(e.target.value === currentFirst ? null : e.target.value)}>
          {sorted.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </label>
      <Button onClick={() => go(next)} aria-label={t('report.picker.next')} disabled={nextStartsLater}>
        →
      </Button>
    </div>
  );
}

function CustomRange({ picked }: { picked: PickedPeriod }) {
  const { t } = useTranslation();
  const { customFrom, customTo, setCustom } = useReportsUi();
  const errorId = useId();
  const error = picked.ok ? null : picked.error === 'tooLong' ? t('report.picker.tooLong', { years: MAX_CUSTOM_YEARS }) : t(`report.picker.${picked.error}`);
  return (
    <div className="report-picker__custom">
      <label className="report-picker__date">
        <span>{t('report.picker.from')}</span>
        <input
          className="input"
          type="date"
          value={customFrom ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setCustom(e.target.value || null, customTo)}
        />
      </label>
      <label className="report-picker__date">
        <span>{t('report.picker.to')}</span>
        <input
          className="input"
          type="date"
          value={customTo ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setCustom(customFrom, e.target.value || null)}
        />
      </label>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

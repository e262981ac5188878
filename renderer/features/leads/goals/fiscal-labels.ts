/** Names of fiscal periods as the goals view shows them: "FY2026 Q3 (October 2026 – December 2026)". */
import type { TFunction } from 'i18next';
import { dayKey, fiscalQuarterPeriod, fiscalYearPeriod, type Period, type Quarter } from '../../../../shared/domain/calendar';
import type { Language } from '../../../../shared/domain/model/settings';
import { formatMonthName } from '../../../i18n/format';

export interface FiscalCalendar {
  timeZone: string;
  fiscalYearStartMonth: number;
}

export function goalPeriod(fiscalYear: number, quarter: Quarter | null, cal: FiscalCalendar): Period {
  return quarter === null
    ? fiscalYearPeriod(fiscalYear, cal.timeZone, cal.fiscalYearStartMonth)
    : fiscalQuarterPeriod(fiscalYear, quarter, cal.timeZone, cal.fiscalYearStartMonth);
}

/** "October 2026" / "2026年10月" for the month containing `instant`, in the user's zone. */
export function monthYear(instant: number, t: TFunction, language: Language, timeZone: string): string {
  const [year, month] = dayKey(instant, timeZone).split('-').map(Number) as [number, number];
  return t('initiatives.goals.monthYear', { month: formatMonthName(month, language), year: String(year) });
}

/** First and last month of a period. */
export function monthRange(period: Period, t: TFunction, language: Language, timeZone: string): { from: string; to: string } {
  return { from: monthYear(period.start, t, language, timeZone), to: monthYear(period.end - 1, t, language, timeZone) };
}

/** "FY2026" or "FY2026 Q3". */
export function goalPeriodName(fiscalYear: number, quarter: Quarter | null, t: TFunction): string {
  const year = String(fiscalYear);
  return quarter === null ? t('initiatives.goals.fy', { year }) : t('initiatives.goals.fyQuarter', { year, quarter });
}

/** "FY2026 (April 2026 – March 2027)" or "FY2026 Q3 (October 2026 – December 2026)". */
export function goalPeriodLabel(fiscalYear: number, quarter: Quarter | null, t: TFunction, language: Language, cal: FiscalCalendar): string {
  const range = monthRange(goalPeriod(fiscalYear, quarter, cal), t, language, cal.timeZone);
  const year = String(fiscalYear);
  return quarter === null ? t('initiatives.goals.fyRange', { year, ...range }) : t('initiatives.goals.fyQuarterRange', { year, quarter, ...range });
}

/** What a report period is called, in the report's language and in file names. */
import type { PeriodInfo, Report } from '../../../shared/domain/report';
import type { ReportFormat } from './report-format';

/** "November 2026", "FY2026 Q3 (Oct – Dec 2026)", "Nov 3 – 20, 2026". */
export function periodName(info: PeriodInfo, f: ReportFormat): string {
  const { t } = f;
  switch (info.kind) {
    case 'month':
      return f.month(info.start);
    case 'fiscal-quarter':
      return t('report.periodName.quarter', { year: String(info.fiscalYear), quarter: info.fiscalQuarter, months: f.monthRange(info.firstDay, info.lastDay) });
    case 'fiscal-half':
      return t('report.periodName.half', { year: String(info.fiscalYear), half: info.fiscalHalf, months: f.monthRange(info.firstDay, info.lastDay) });
    case 'fiscal-year':
      return t('report.periodName.year', { year: String(info.fiscalYear), months: f.monthRange(info.firstDay, info.lastDay) });
    case 'week':
      return t('report.periodName.week', { date: f.day(info.firstDay) });
    case 'custom':
      return f.dayRange(info.firstDay, info.lastDay);
  }
}

export function reportTitle(report: Pick<Report, 'period'>, f: ReportFormat): string {
  return f.t(`report.docTitle.${report.period.kind}`, { period: periodName(report.period, f) });
}

/** "TwoHats-report-2026-11.pdf", "TwoHats-report-FY2026-Q3.pdf", "TwoHats-report-2026-11-03_2026-11-20.pdf". */
export function reportFileName(report: Pick<Report, 'period'>, extension: 'pdf' | 'csv'): string {
  const p = report.period;
  let stem: string;
  switch (p.kind) {
    case 'month':
      stem = p.firstDay.slice(0, 7);
      break;
    case 'fiscal-quarter':
      stem = `FY${p.fiscalYear}-Q${p.fiscalQuarter}`;
      break;
    case 'fiscal-half':
      stem = `FY${p.fiscalYear}-H${p.fiscalHalf}`;
      break;
    case 'fiscal-year':
      stem = `FY${p.fiscalYear}`;
      break;
    case 'week':
      stem = p.firstDay;
      break;
    case 'custom':
      stem = p.firstDay === p.lastDay ? p.firstDay : `${p.firstDay}_${p.lastDay}`;
      break;
  }
  return `TwoHats-report-${stem}.${extension}`;
}

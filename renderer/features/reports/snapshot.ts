/**
 * What a report is drawn from (`ReportDoc`), and the snapshot a saved report keeps: the computed
 * report (figures, period, the settings used), the headline as it was worded, the header and the
 * title. Comment and plan are the SavedReport row's own fields. Reopening a saved report draws the
 * snapshot, never today's data, so it shows exactly what was sent.
 */
import type { Language, SavedReport } from '../../../shared/domain/model';
import { REPORT_VERSION, type Report } from '../../../shared/domain/report';
import type { SavedReportDraft } from '../../db/reports';

export interface ReportHeader {
  userName: string;
  companyName: string;
}

export interface ReportDoc {
  report: Report;
  language: Language;
  header: ReportHeader;
  /** The headline as sent (saved reports); null: worded now from the report's facts. */
  headline: string[] | null;
  comment: string;
  plan: string;
  /** A saved report: when it was exported. null for the live report. */
  savedAt: number | null;
}

export const SNAPSHOT_FORMAT = 'twohats-report';
export const SNAPSHOT_VERSION = 1;

export interface ReportSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  report: Report;
  header: ReportHeader;
  headline: string[];
  title: string;
}

/** The row to save for `doc`, as it is being sent. */
export function savedReportDraft(doc: ReportDoc, headline: string[], title: string): SavedReportDraft {
  const snapshot: ReportSnapshot = { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, report: doc.report, header: { ...doc.header }, headline: [...headline], title };
  return {
    periodStart: doc.report.period.start,
    periodEnd: doc.report.period.end,
    language: doc.language,
    title,
    // A deep copy through JSON: what is stored is exactly what a reopened report reads back.
    snapshot: JSON.parse(JSON.stringify(snapshot)) as ReportSnapshot,
    comment: doc.comment,
    plan: doc.plan,
  };
}

function isSnapshot(value: unknown): value is ReportSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<ReportSnapshot>;
  return (
    s.format === SNAPSHOT_FORMAT &&
    s.version === SNAPSHOT_VERSION &&
    typeof s.report === 'object' &&
    s.report !== null &&
    s.report.version === REPORT_VERSION &&
    Array.isArray(s.headline) &&
    s.headline.every((line) => typeof line === 'string') &&
    typeof s.header === 'object' &&
    s.header !== null
  );
}

/** The saved report as a document, or null when its snapshot is not one this version can draw. */
export function docOfSaved(row: SavedReport): ReportDoc | null {
  if (!isSnapshot(row.snapshot)) return null;
  const { report, header, headline } = row.snapshot;
  return {
    report,
    language: row.language,
    header: { userName: String(header.userName ?? ''), companyName: String(header.companyName ?? '') },
    headline,
    comment: row.comment,
    plan: row.plan,
    savedAt: row.createdAt,
  };
}

/**
 * The report's tables as one CSV file, in the report's language: a title block, then each table
 * under its caption, with the same rows as the screen and the PDF (report-tables.ts) but plain
 * numbers where a spreadsheet wants them (money in major units, hours as decimals). UTF-8 with a
 * byte-order mark and CRLF, so Excel in Japan opens it as it is (shared/csv/write.ts).
 */
import { toCsv, type Cell as CsvCell } from '../../../shared/csv/write';
import { headlineSentences } from './headline';
import { periodName, reportTitle } from './period-label';
import type { ReportFormat } from './report-format';
import { definitionTexts, indicatorTables, pipelineTables, planTables, problemTables, resultsTables, timeTables, winsTables, type ReportTable } from './report-tables';
import type { ReportDoc } from './snapshot';

export function reportCsv(doc: ReportDoc, f: ReportFormat): string {
  const { report } = doc;
  const { t } = f;
  const rows: CsvCell[][] = [];
  const blank = () => rows.push([]);
  rows.push([t('report.csv.fileTitle'), reportTitle(report, f)]);
  rows.push([t('report.csv.period'), t('report.docHeader.range', { from: f.day(report.period.firstDay), to: f.day(report.period.lastDay) })]);
  rows.push([t('report.docHeader.asOf', { date: f.dateTime(report.cutoff) })]);
  const who = [doc.header.userName, doc.header.companyName].filter((s) => s.trim()).join(' · ');
  if (who) rows.push([t('report.docHeader.preparedBy', { who })]);
  blank();

  rows.push([t('report.section.headline')]);
  if (report.isEmpty) rows.push([t('report.empty.title')]);
  for (const sentence of doc.headline ?? headlineSentences(report, f)) rows.push([sentence]);
  blank();

  const add = (section: string, tables: ReportTable[]) => {
    for (const table of tables) {
      rows.push([section, table.caption]);
      rows.push(table.columns.map((c) => c.label));
      for (const row of table.rows) rows.push(row.map((c) => (c.csv !== undefined ? c.csv : c.text)));
      for (const note of table.notes) rows.push([note]);
      blank();
    }
  };
  if (!report.isEmpty) {
    add(t('report.section.results'), resultsTables(report, f));
    add(t('report.section.pipeline'), pipelineTables(report, f));
    add(t('report.section.time'), timeTables(report, f));
    add(t('report.section.indicators'), indicatorTables(report, f));
    add(t('report.section.wins'), winsTables(report, f));
    add(t('report.section.problems'), problemTables(report, f, report.settings.staleLeadDays));
  }
  add(t('report.section.plan'), planTables(report, f, periodName(report.next, f)));
  rows.push([t('report.section.plan'), t('report.plan.userPlan')], [doc.plan]);
  blank();
  rows.push([t('report.section.comment')], [doc.comment]);
  blank();
  rows.push([t('report.section.definitions')]);
  for (const text of definitionTexts(report, f)) rows.push([text]);
  const [first, ...rest] = rows;
  return toCsv((first ?? []).map((c) => String(c ?? '')), rest);
}

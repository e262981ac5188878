/**
 * The report itself, from results down to activity, as a Japanese manager reads it: the headline
 * (the conclusion, first), results, pipeline, time invested, leading indicators, wins, problems and
 * lessons, next period's plan for approval, the comment, and the definitions used. The same
 * component draws the live report on screen, a reopened saved report, and the print view that
 * becomes the PDF, so what is sent is what was read.
 *
 * An empty period says so and shows no figures: zeros would read as results.
 */
import { useId, type ReactNode } from 'react';
import type { Report } from '../../../shared/domain/report';
import { BarChart, Sparkline, WeeklyChart } from './charts';
import { headlineSentences } from './headline';
import { periodName, reportTitle } from './period-label';
import type { ReportFormat } from './report-format';
import {
  definitionTexts,
  indicatorTables,
  lossReasonName,
  pipelineTables,
  planTables,
  problemTables,
  resultsTables,
  timeTables,
  winsTables,
  type Cell,
  type ReportTable,
} from './report-tables';
import type { ReportDoc } from './snapshot';


export function ReportDocument({ doc, f }: { doc: ReportDoc; f: ReportFormat }) {
  const { report } = doc;
  const { t } = f;
  const title = reportTitle(report, f);
  const headline = doc.headline ?? headlineSentences(report, f);
  const who = [doc.header.userName, doc.header.companyName].map((s) => s.trim()).filter(Boolean).join(' · ');
  const range = t('report.docHeader.range', { from: f.day(report.period.firstDay), to: f.day(report.period.lastDay) });
  return (
    <article className="report-doc" lang={doc.language} aria-label={title}>
      <header className="report-doc__header">
        {who ? <p className="report-doc__who">{t('report.docHeader.preparedBy', { who })}</p> : null}
        <h2 className="report-doc__title">{title}</h2>
        <p className="report-doc__meta">
          {range} · {t('report.docHeader.asOf', { date: f.dateTime(report.cutoff) })} ·{' '}
          {t('report.docHeader.generated', { date: f.dateTime(doc.savedAt ?? report.generatedAt) })}
        </p>
        <p className="report-doc__meta">{t('report.docHeader.comparedWith', { period: periodName(report.previous, f) })}</p>
      </header>

      <ReportSection title={t('report.section.headline')} className="report-section--headline">
        {report.isEmpty ? (
          <div className="report-empty" role="note">
            <p className="report-empty__title">{t('report.empty.title')}</p>
            <p>{t('report.empty.body', { from: f.day(report.period.firstDay), to: f.day(report.period.lastDay) })}</p>
          </div>
        ) : (
          <div className="report-headline">
            {headline.map((sentence) => (
              <p key={sentence}>{sentence}</p>
            ))}
          </div>
        )}
      </ReportSection>

      {report.isEmpty ? null : <Figures report={report} f={f} />}

      <ReportSection title={t('report.section.plan')}>
        <Tables tables={planTables(report, f, periodName(report.next, f))} />
        <div className="report-block report-block--text">
          <h4 className="report-block__caption">{t('report.plan.userPlan')}</h4>
          {doc.plan.trim() ? <p className="report-text">{doc.plan}</p> : <p className="report-note">{t('report.plan.noUserPlan')}</p>}
        </div>
      </ReportSection>

      {doc.comment.trim() ? (
        <ReportSection title={t('report.section.comment')}>
          <p className="report-text">{doc.comment}</p>
        </ReportSection>
      ) : null}

      <ReportSection title={t('report.section.definitions')} className="report-section--definitions">
        <ol className="report-definitions">
          {definitionTexts(report, f).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ol>
      </ReportSection>
    </article>
  );
}

function Figures({ report, f }: { report: Report; f: ReportFormat }) {
  const { t } = f;
  const time = timeTables(report, f);
  const wins = winsTables(report, f);
  const problems = problemTables(report, f, report.settings.staleLeadDays);
  const total = (key: 'marketingMs' | 'salesMs' | 'budgetMs') => f.hours(report.time.weekly.reduce((n, w) => n + w[key], 0));
  const lossRows = report.problems.lossReasons.filter((r) => r.deals + r.leads > 0).map((r) => ({ label: lossReasonName(f, r.reason), values: [r.deals, r.leads] }));
  const typeRows = report.wins.byType.map((row) => ({ label: t(`wins.type.${row.type}`), values: [row.count] }));
  const describe = (rows: { label: string; values: number[] }[]) => rows.map((r) => `${r.label} ${r.values.map((v) => f.count(v)).join(' + ')}`).join(', ');
  const indicators = indicatorTables(report, f);
  return (
    <>
      <ReportSection title={t('report.section.results')}>
        <Tables tables={resultsTables(report, f)} />
        {report.results.goal ? null : <p className="report-note">{t('report.results.noGoal')}</p>}
      </ReportSection>

      <ReportSection title={t('report.section.pipeline')}>
        <Tables tables={pipelineTables(report, f)} />
      </ReportSection>

      <ReportSection title={t('report.section.time')}>
        <Tables tables={time.slice(0, 1)} />
        <figure className="report-block report-figure">
          <figcaption className="report-block__caption">{t('report.time.weekly')}</figcaption>
          <WeeklyChart
            weeks={report.time.weekly}
            label={t('report.time.weeklyLabel', { marketing: total('marketingMs'), sales: total('salesMs'), budget: total('budgetMs'), weeks: report.time.weekly.length })}
            weekLabel={f.shortDay}
            hoursLabel={(h) => t('report.unit.hours', { value: f.decimal(h, 1) })}
          />
          <ul className="report-legend" aria-hidden="true">
            <li>
              <span className="report-swatch report-swatch--marketing" /> {t('report.time.legendMarketing')}
            </li>
            <li>
              <span className="report-swatch report-swatch--sales" /> {t('report.time.legendSales')}
            </li>
            <li>
              <span className="report-swatch report-swatch--budget" /> {t('report.time.legendBudget')}
            </li>
          </ul>
        </figure>
        <Tables tables={time.slice(1)} />
      </ReportSection>

      <ReportSection title={t('report.section.indicators')}>
        {indicators.length > 0 ? <Tables tables={indicators} /> : <p className="report-note">{t('report.indicators.none')}</p>}
      </ReportSection>

      <ReportSection title={t('report.section.wins')}>
        <Tables tables={wins.filter((table) => table.id !== 'wins-by-type')} />
        <figure className="report-block report-figure">
          <figcaption className="report-block__caption">{t('report.wins.byType')}</figcaption>
          <BarChart rows={typeRows} series={[{ label: t('report.wins.count'), tone: 'marketing' }]} label={t('report.wins.byTypeLabel', { values: describe(typeRows) })} format={f.count} />
        </figure>
      </ReportSection>

      <ReportSection title={t('report.section.problems')}>
        <Tables tables={problems.slice(0, 1)} />
        {lossRows.length > 0 ? (
          <figure className="report-block report-figure">
            <figcaption className="report-block__caption">{t('report.problems.lossReasons')}</figcaption>
            <BarChart
              rows={lossRows}
              series={[
                { label: t('report.problems.lostDeals'), tone: 'sales' },
                { label: t('report.problems.lostLeads'), tone: 'marketing' },
              ]}
              label={t('report.problems.lossReasonsLabel', { values: describe(lossRows) })}
              format={f.count}
            />
          </figure>
        ) : null}
        <Tables tables={problems.slice(1)} />
      </ReportSection>
    </>
  );
}

function ReportSection({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={['report-section', className].filter(Boolean).join(' ')} aria-labelledby={id}>
      <h3 id={id} className="report-section__title">
        {title}
      </h3>
      {children}
    </section>
  );
}

function Tables({ tables }: { tables: ReportTable[] }) {
  return (
    <>
      {tables
        .filter((table) => !table.csvOnly)
        .map((table) => (
          <DataTable key={table.id} table={table} />
        ))}
    </>
  );
}

function DataTable({ table }: { table: ReportTable }) {
  return (
    <div className={table.long ? 'report-block report-block--long' : 'report-block'} data-table={table.id}>
      {table.rows.length > 0 ? (
        <table className="report-table">
          <caption className="report-block__caption">{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column, i) => (
                <th key={i} scope="col" className={[column.numeric ? 'num' : null, column.nowrap ? 'nowrap' : null].filter(Boolean).join(' ') || undefined}>
                  {column.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((c, i) =>
                  i === 0 ? (
                    <th key={i} scope="row" className={cellClass(c, false)}>
                      {c.text}
                    </th>
                  ) : (
                    <td key={i} className={cellClass(c, table.columns[i]?.numeric ?? false, table.columns[i]?.nowrap ?? false)}>
                      <CellContent cell={c} />
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <h4 className="report-block__caption">{table.caption}</h4>
      )}
      {table.notes.map((note) => (
        <p key={note} className="report-note">
          {note}
        </p>
      ))}
    </div>
  );
}

function CellContent({ cell }: { cell: Cell }) {
  if (cell.spark) return <Sparkline points={cell.spark} label={cell.text} />;
  return <>{cell.text}</>;
}

function cellClass(cell: Cell, numeric: boolean, nowrap = false): string | undefined {
  return [numeric ? 'num' : null, nowrap ? 'nowrap' : null, cell.tone ? `tone-${cell.tone}` : null, cell.spark ? 'report-table__spark' : null].filter(Boolean).join(' ') || undefined;
}


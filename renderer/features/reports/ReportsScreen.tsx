/**
 * Reports: pick a period, read the report (conclusion first, results down to activity), write a
 * comment and next period's plan, and export the PDF for the manager (or a CSV of its tables).
 * Each export keeps a snapshot in Saved reports; reopening one shows exactly what was sent.
 *
 * The report is computed in the pure core (shared/domain/report.ts) from the rows its read plan
 * names, read by index in one transaction (db/reports.ts), live: a lead logged meanwhile shows up.
 */
import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Language, Settings } from '../../../shared/domain/model/settings';
import { buildReport, type ReportSettings } from '../../../shared/domain/report';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { useDb, useLanguage, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { getReport, readReportInput } from '../../db/reports';
import { formatDateTime, languageName } from '../../i18n/format';
import { isDesktop, platform } from '../../platform';
import { useToasts } from '../../stores/toasts';
import { reportCsv } from './csv';
import { NotesEditor, useNotes } from './NotesEditor';
import { reportFileName } from './period-label';
import { PeriodPicker, pickedPeriod } from './PeriodPicker';
import { PrintView } from './PrintView';
import { reportFormat } from './report-format';
import { useReportT } from './report-i18n';
import { ReportDocument } from './ReportDocument';
import { SavedReports } from './SavedReports';
import { docOfSaved, type ReportDoc } from './snapshot';
import { useReportsUi } from './store';
import './reports.css';

function reportSettings(s: Settings): ReportSettings {
  return {
    weeklyBudgetHours: s.weeklyBudgetHours,
    fiscalYearStartMonth: s.fiscalYearStartMonth,
    weekStartsOn: s.weekStartsOn,
    currency: s.currency,
    stageProbabilities: s.stageProbabilities,
    sourceOrigins: s.sourceOrigins,
    followUpSlaHours: s.followUpSlaHours,
    staleLeadDays: s.staleLeadDays,
  };
}

export default function ReportsScreen() {
  const { t } = useTranslation();
  const db = useDb();
  const uiLanguage = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = useNow(60_000);
  const ui = useReportsUi();
  const show = useToasts((s) => s.show);

  const language: Language = ui.reportLanguage ?? uiLanguage;
  const reportT = useReportT(language);
  const picked = pickedPeriod(ui, now, timeZone, settings);
  const notes = useNotes(picked.ok ? picked.key : null);

  // Settings change identity on every render; the figures depend on these values only.
  const settingsKey = JSON.stringify(reportSettings(settings));
  const specKey = picked.ok ? JSON.stringify(picked.spec) : null;
  const live = useLiveQuery(
    async () => {
      if (!specKey) return null;
      const input = await readReportInput(db, { spec: JSON.parse(specKey), settings: JSON.parse(settingsKey) as ReportSettings, timeZone, now });
      return buildReport(input);
    },
    [db, specKey, settingsKey, timeZone, now],
  );

  const saved = useLiveQuery(async () => (ui.openSavedId ? ((await getReport(db, ui.openSavedId)) ?? null) : null), [db, ui.openSavedId]);
  const savedDoc = useMemo(() => (saved ? docOfSaved(saved) : null), [saved]);
  const savedLanguage = savedDoc?.language ?? language;
  const savedT = useReportT(savedLanguage);

  const liveDoc: ReportDoc | null = live
    ? { report: live, language, header: { userName: settings.userName, companyName: settings.companyName }, headline: null, comment: notes.comment, plan: notes.plan, savedAt: null }
    : null;
  const viewingSaved = ui.openSavedId !== null;
  const doc = viewingSaved ? savedDoc : liveDoc;
  const docT = viewingSaved ? savedT : reportT;
  const f = doc && docT ? reportFormat(docT, doc.language, doc.report.currency, doc.report.timeZone) : null;
  const uiFormat = reportFormat(t, uiLanguage, settings.currency, timeZone);

  const exportCsv = async () => {
    if (!doc || !f) return;
    const name = reportFileName(doc.report, 'csv');
    const result = await platform().saveFile({ suggestedName: name, data: reportCsv(doc, f), filter: { name: 'CSV', extensions: ['csv'] } });
    if (result.status === 'saved') show({ message: isDesktop() ? t('report.export.csvSaved', { path: result.path }) : t('report.export.csvDownloaded', { name }), tone: 'success' });
    else if (result.status === 'failed') show({ message: t('report.export.csvFailed', { message: result.message }), tone: 'error' });
  };

  return (
    <>
      <PageHeader title={t('report.title')} subtitle={t('report.subtitle')} />
      <section className="card report-controls" aria-label={t('report.actions.label')}>
        {viewingSaved ? (
          <div className="report-controls__saved">
            <p role="status">
              {savedDoc ? t('report.saved.viewing', { date: formatDateTime(savedDoc.savedAt ?? 0, uiLanguage, timeZone) }) : saved === null ? t('report.saved.gone') : saved ? t('report.saved.unreadable') : null}
            </p>
            <Button onClick={() => ui.openSaved(null)}>{t('report.actions.backToCurrent')}</Button>
          </div>
        ) : (
          <>
            <PeriodPicker picked={picked} now={now} timeZone={timeZone} settings={settings} f={uiFormat} />
            <label className="report-controls__language">
              <span>{t('report.language.label')}</span>
              <select
                className="input"
                value={ui.reportLanguage ?? 'same'}
                onChange={(e) => ui.setReportLanguage(e.target.value === 'same' ? null : (e.target.value as Language))}
              >
                <option value="same">{t('report.language.same', { language: languageName(uiLanguage, uiLanguage) })}</option>
                {(['ja', 'en'] as const).map((l) => (
                  <option key={l} value={l}>
                    {languageName(l, l)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <div className="button-row report-controls__actions">
          {viewingSaved ? (
            <Button onClick={() => savedDoc && ui.setPrint({ doc: savedDoc, auto: false })} disabled={!savedDoc || !f}>
              {t('report.actions.printView')}
            </Button>
          ) : null}
          <Button onClick={() => void exportCsv()} disabled={!doc || !f}>
            {t('report.actions.exportCsv')}
          </Button>
          {viewingSaved ? null : (
            <Button variant="primary" onClick={() => liveDoc && ui.setPrint({ doc: liveDoc, auto: true })} disabled={!liveDoc || !f}>
              {t('report.actions.exportPdf')}
            </Button>
          )}
        </div>
      </section>

      <div className="report-paper report-paper--screen">
        {doc && f ? (
          <ReportDocument doc={doc} f={f} />
        ) : (viewingSaved ? saved === undefined : picked.ok) ? (
          <p className="screen-loading" role="status">
            {t('report.loading')}
          </p>
        ) : null}
      </div>

      {!viewingSaved && picked.ok ? <NotesEditor periodKey={picked.key} /> : null}
      <SavedReports />
      {ui.print ? <PrintView job={{ ...ui.print, save: ui.print.auto }} onClose={() => ui.setPrint(null)} /> : null}
    </>
  );
}


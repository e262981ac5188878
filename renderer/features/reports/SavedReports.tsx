/**
 * The history of exported reports, newest first. Each row is the snapshot as sent; opening one
 * shows it exactly as the manager received it. Delete offers undo.
 */
import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { SavedReport } from '../../../shared/domain/model';
import { Button } from '../../components/Button';
import { useDb, useLanguage, useSystem } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { countReports, deleteReport, listReports, restoreReport } from '../../db/reports';
import { formatDate, formatDateTime, languageName } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { useReportsUi } from './store';

const PAGE = 24;

export function SavedReports() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const { openSavedId, openSaved } = useReportsUi();
  const [limit, setLimit] = useState(PAGE);
  const rows = useLiveQuery(() => listReports(db, limit), [db, limit]);
  const total = useLiveQuery(() => countReports(db), [db]);
  const headingId = useId();

  const remove = async (row: SavedReport) => {
    try {
      const removed = await deleteReport(db, row.id);
      if (!removed) return;
      if (openSavedId === row.id) openSaved(null);
      show({
        message: t('report.saved.deleted', { title: row.title }),
        tone: 'success',
        action: { label: t('common.undo'), run: () => restoreReport(db, removed).catch(reportWriteError) },
      });
    } catch (error) {
      reportWriteError(error);
    }
  };

  return (
    <section className="card report-saved" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('report.saved.title')}</h2>
      <p className="muted">{t('report.saved.hint')}</p>
      {rows === undefined ? null : rows.length === 0 ? (
        <p>{t('report.saved.empty')}</p>
      ) : (
        <table className="data-table report-saved__table">
          <thead>
            <tr>
              <th scope="col">{t('report.saved.columns.title')}</th>
              <th scope="col">{t('report.saved.columns.period')}</th>
              <th scope="col">{t('report.saved.columns.language')}</th>
              <th scope="col">{t('report.saved.columns.exported')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('report.saved.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} aria-current={row.id === openSavedId ? 'true' : undefined}>
                <th scope="row">{row.title}</th>
                <td>
                  {formatDate(row.periodStart, language, timeZone)} – {formatDate(Math.max(row.periodStart, row.periodEnd - 1), language, timeZone)}
                </td>
                <td>{languageName(row.language, language)}</td>
                <td>{formatDateTime(row.createdAt, language, timeZone)}</td>
                <td className="report-saved__actions">
                  <Button variant="ghost" onClick={() => openSaved(row.id)} aria-label={t('report.saved.openNamed', { title: row.title })}>
                    {t('report.saved.open')}
                  </Button>
                  <Button variant="ghost" onClick={() => void remove(row)} aria-label={t('report.saved.deleteNamed', { title: row.title })}>
                    {t('report.saved.delete')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && total !== undefined && total > rows.length ? <Button onClick={() => setLimit((n) => n + PAGE)}>{t('report.saved.more')}</Button> : null}
    </section>
  );
}

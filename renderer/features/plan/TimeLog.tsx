import { useTranslation } from 'react-i18next';
import type { Period } from '../../../shared/domain/calendar';
import type { TimeEntry } from '../../../shared/domain/model';
import { workTotals } from '../../../shared/domain/time';
import { Button } from '../../components/Button';
import { useDb, useLanguage, useSystem } from '../../app/services';
import { deleteEntry, restoreEntries } from '../../db/time';
import { formatDate, formatDuration, formatTime } from '../../i18n/format';
import { usePlanStore } from '../../stores/plan';
import { useToasts } from '../../stores/toasts';

/** The week's logged time, day by day, with edit, split and delete (undoable) on every entry. */
export function TimeLog({ week, days, entries }: { week: Period; days: { key: string; start: number; end: number }[]; entries: TimeEntry[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const open = usePlanStore((s) => s.open);
  const show = useToasts((s) => s.show);
  const totals = workTotals(entries, week);
  const range = (e: TimeEntry) => `${formatTime(e.start, language, timeZone)}–${formatTime(e.end, language, timeZone)}`;

  const remove = async (entry: TimeEntry) => {
    const removed = await deleteEntry(db, entry.id);
    if (removed) show({ message: t('timeLog.deleted'), tone: 'info', action: { label: t('common.undo'), run: () => restoreEntries(db, [removed]) } });
  };

  return (
    <section className="card time-log" aria-labelledby="time-log-title">
      <div className="time-log__head">
        <h2 id="time-log-title">{t('timeLog.title')}</h2>
        <p className="muted">
          {t('timeLog.total', {
            total: formatDuration(totals.totalMs, language),
            marketing: formatDuration(totals.marketingMs, language),
            sales: formatDuration(totals.salesMs, language),
          })}
        </p>
        <Button onClick={() => open({ type: 'new-entry' })}>{t('timeLog.add')}</Button>
      </div>
      {entries.length === 0 ? <p className="muted">{t('timeLog.empty')}</p> : null}
      {days.map((day) => {
        const dayEntries = entries.filter((e) => e.start < day.end && e.end > day.start).sort((a, b) => a.start - b.start);
        if (dayEntries.length === 0) return null;
        return (
          <table key={day.key} className="time-log__table">
            <caption>{formatDate(day.start, language, timeZone)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('timeLog.columns.time')}</th>
                <th scope="col">{t('timeLog.columns.kind')}</th>
                <th scope="col">{t('timeLog.columns.activity')}</th>
                <th scope="col">{t('timeLog.columns.note')}</th>
                <th scope="col" className="num">
                  {t('timeLog.columns.duration')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('timeLog.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {dayEntries.map((entry) => (
                <tr key={entry.id}>
                  <td className="num">{range(entry)}</td>
                  <td>
                    <span className={`kind-badge kind-badge--${entry.kind}`}>{t(`kind.${entry.kind}`)}</span>
                    {entry.interruption ? <span className="time-log__interruption"> {t('timeLog.interruption')}</span> : null}
                  </td>
                  <td>{t(`category.${entry.category}`)}</td>
                  <td className="time-log__note">{entry.note}</td>
                  <td className="num">{formatDuration(entry.end - entry.start, language)}</td>
                  <td>
                    <div className="time-log__actions" role="group" aria-label={t('timeLog.actionsFor', { range: range(entry) })}>
                      <Button variant="ghost" onClick={() => open({ type: 'edit-entry', entryId: entry.id })}>
                        {t('timeLog.edit')}
                      </Button>
                      <Button variant="ghost" onClick={() => open({ type: 'split-entry', entryId: entry.id })}>
                        {t('timeLog.split')}
                      </Button>
                      <Button variant="ghost" onClick={() => void remove(entry)}>
                        {t('timeLog.delete')}
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}

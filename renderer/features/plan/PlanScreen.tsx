import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addDaysIn, dayKey, daysOfWeek, weekContaining, type Period } from '../../../shared/domain/calendar';
import { Button } from '../../components/Button';
import { PageHeader } from '../../components/PageHeader';
import { useDb, useLanguage, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { reportWriteError } from '../../app/write-errors';
import { copyWeekPlan, updateBox } from '../../db/time';
import { formatDate } from '../../i18n/format';
import { usePlanStore } from '../../stores/plan';
import { useToasts } from '../../stores/toasts';
import { timerActions } from '../timer/timer-actions';
import { useTimer } from '../timer/useTimer';
import { BoxFormDialog } from './BoxFormDialog';
import { BudgetBar } from './BudgetBar';
import { EntryFormDialog, SplitEntryDialog } from './EntryDialogs';
import { TimeLog } from './TimeLog';
import { useWeekBudget, useWeekData } from './useWeek';
import { WeekGrid } from './WeekGrid';

/** The week planner: boxes on a grid, the budget bar, and the week's time log below. */
export default function PlanScreen() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = useNow(60_000);
  const timer = useTimer();
  const show = useToasts((s) => s.show);
  const { weekAnchor, setWeekAnchor, dialog, open, close } = usePlanStore();

  const anchor = weekAnchor ?? now;
  const weekStart = weekContaining(anchor, timeZone, settings.weekStartsOn).start;
  const week: Period = useMemo(() => weekContaining(weekStart, timeZone, settings.weekStartsOn), [weekStart, timeZone, settings.weekStartsOn]);
  const gridDays = useMemo(() => daysOfWeek(week, timeZone).map((day) => ({ key: dayKey(day.start, timeZone), ...day })), [week, timeZone]);
  const data = useWeekData(week);
  const budget = useWeekBudget(week, data, timer, now);
  const actions = useMemo(() => timerActions(db), [db]);
  const isCurrentWeek = now >= week.start && now < week.end;

  const copyLastWeek = async () => {
    try {
      const lastWeek = weekContaining(addDaysIn(week.start, -7, timeZone), timeZone, settings.weekStartsOn);
      const copies = await copyWeekPlan(db, lastWeek, week, timeZone, Date.now());
      show(copies.length > 0 ? { message: t('week.copied', { count: copies.length }), tone: 'success' } : { message: t('week.nothingToCopy'), tone: 'info' });
    } catch (error) {
      reportWriteError(error);
    }
  };

  const boxOfDialog = dialog?.type === 'edit-box' ? data?.boxes.find((b) => b.id === dialog.boxId) : undefined;
  const entryOfDialog = dialog?.type === 'edit-entry' || dialog?.type === 'split-entry' ? data?.entries.find((e) => e.id === dialog.entryId) : undefined;

  return (
    <>
      <PageHeader
        title={t('plan.title')}
        subtitle={t('week.label', { date: formatDate(week.start, language, timeZone) })}
        actions={
          <div className="button-row">
            <Button onClick={() => setWeekAnchor(addDaysIn(week.start, -7, timeZone))} aria-label={t('week.previous')}>
              ←
            </Button>
            <Button onClick={() => setWeekAnchor(null)} disabled={isCurrentWeek}>
              {t('week.current')}
            </Button>
            <Button onClick={() => setWeekAnchor(addDaysIn(week.start, 7, timeZone))} aria-label={t('week.next')}>
              →
            </Button>
            <Button onClick={() => void copyLastWeek()}>{t('week.copyLast')}</Button>
            <Button variant="primary" onClick={() => open({ type: 'new-box' })}>
              {t('week.newBox')}
            </Button>
          </div>
        }
      />
      {budget ? <BudgetBar budget={budget} /> : null}
      {data ? (
        <WeekGrid
          days={gridDays}
          timeZone={timeZone}
          language={language}
          boxes={data.boxes}
          entries={data.entries}
          now={now}
          runningBoxId={timer?.boxId}
          onCreate={(range) => open({ type: 'new-box', ...range })}
          onChange={(boxId, range) => {
            void updateBox(db, boxId, range, Date.now()).then((result) => {
              if (!result.ok) show({ message: t(`timeError.${result.error}`), tone: 'error' });
            }, reportWriteError);
          }}
          onOpen={(boxId) => open({ type: 'edit-box', boxId })}
          onStart={(boxId) => {
            const box = data.boxes.find((b) => b.id === boxId);
            if (box) void actions.start({ kind: box.kind, category: box.category, boxId: box.id, initiativeId: box.initiativeId });
          }}
        />
      ) : (
        <div className="week-grid-placeholder" aria-busy="true" />
      )}
      {data ? <TimeLog week={week} days={gridDays} entries={data.entries} /> : null}

      {dialog?.type === 'new-box' ? <BoxFormDialog days={gridDays} initial={dialog} onClose={close} /> : null}
      {dialog?.type === 'edit-box' && boxOfDialog ? <BoxFormDialog days={gridDays} box={boxOfDialog} onClose={close} /> : null}
      {dialog?.type === 'new-entry' ? <EntryFormDialog initialStart={dialog.start} onClose={close} /> : null}
      {dialog?.type === 'edit-entry' && entryOfDialog ? <EntryFormDialog entry={entryOfDialog} onClose={close} /> : null}
      {dialog?.type === 'split-entry' && entryOfDialog ? <SplitEntryDialog entry={entryOfDialog} onClose={close} /> : null}
    </>
  );
}

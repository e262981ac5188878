import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../shared/domain/calendar';
import type { RunningTimer, TimeBox, TimeEntry } from '../../../shared/domain/model';
import { boxOutcome } from '../../../shared/domain/time';
import { Button } from '../../components/Button';
import { useDb, useLanguage, useSystem } from '../../app/services';
import { formatDuration, formatTime } from '../../i18n/format';
import { timerActions } from '../timer/timer-actions';

/** Today's boxes in order, each one click from its timer, with how it went so far. */
export function TodayBoxes({ day, boxes, entries, timer, now }: { day: Period; boxes: TimeBox[]; entries: TimeEntry[]; timer: RunningTimer | null | undefined; now: number }) {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const actions = useMemo(() => timerActions(db), [db]);
  const todays = boxes.filter((box) => box.start < day.end && box.end > day.start).sort((a, b) => a.start - b.start);
  return (
    <section className="card" aria-labelledby="today-boxes-title">
      <h2 id="today-boxes-title">{t('todayBoxes.title')}</h2>
      {todays.length === 0 ? (
        <p className="muted">{t('todayBoxes.empty')}</p>
      ) : (
        <ol className="today-boxes">
          {todays.map((box) => {
            const outcome = boxOutcome(box, entries);
            const running = timer?.boxId === box.id && !timer.interrupted;
            const past = box.end <= now;
            return (
              <li key={box.id} className={`today-box today-box--${box.kind}${running ? ' today-box--running' : ''}`}>
                <span className="today-box__time">
                  {formatTime(box.start, language, timeZone)}–{formatTime(box.end, language, timeZone)}
                </span>
                <span className="today-box__title">
                  <span className={`kind-badge kind-badge--${box.kind}`}>{t(`kind.${box.kind}`)}</span> {box.title}
                  <span className="muted"> · {t(`category.${box.category}`)}</span>
                </span>
                {running ? (
                  <span className="today-box__running">{t('todayBoxes.running')}</span>
                ) : (
                  <Button
                    variant={box.kind}
                    aria-label={t('todayBoxes.startNamed', { title: box.title })}
                    onClick={() => void actions.start({ kind: box.kind, category: box.category, boxId: box.id, initiativeId: box.initiativeId })}
                  >
                    ▶ {t('todayBoxes.start')}
                  </Button>
                )}
                <span className="today-box__status">
                  {box.kind === 'marketing' && outcome.salesMs > 0 ? (
                    <span className="today-box__lost">{t('todayBoxes.lost', { time: formatDuration(outcome.salesMs, language) })}</span>
                  ) : null}
                  {past && box.kind === 'marketing' && outcome.kept ? <span className="kind-badge kind-badge--marketing">{t('todayBoxes.kept')}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

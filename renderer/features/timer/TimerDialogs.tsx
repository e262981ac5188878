import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunningTimer } from '../../../shared/domain/model';
import type { TimerReview } from '../../../shared/domain/timer';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useLanguage, useSystem } from '../../app/services';
import { formatDateTime, formatDuration } from '../../i18n/format';
import { fromDateTimeLocal, toDateTimeLocal } from '../../i18n/datetime-input';
import { useNow } from '../../app/useNow';

/** A timer that ran far past its box, or for hours with nobody there: how much was work? */
export function ReviewDialog({
  review,
  timer,
  boxTitle,
  onKeep,
  onStopAt,
}: {
  review: TimerReview | null;
  timer: RunningTimer | null;
  boxTitle: string;
  onKeep: () => void;
  onStopAt: (at: number) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const now = useNow(30_000);
  const open = review !== null && timer !== null && timer.runningSince !== null;
  let body = '';
  if (open) {
    const since = timer.runningSince ?? 0;
    body =
      review.reason === 'past-box-end'
        ? t('timer.reviewPastBox', { title: boxTitle, time: formatDuration(now - review.boxEnd, language) })
        : t('timer.reviewNoInput', { since: formatDateTime(since, language, timeZone), last: formatDateTime(review.lastActivityAt, language, timeZone) });
  }
  return (
    <Dialog open={open} title={t('timer.reviewTitle')} description={body} onClose={onKeep} wide>
      {open ? <ReviewChoices review={review} since={timer.runningSince ?? 0} onKeep={onKeep} onStopAt={onStopAt} /> : null}
    </Dialog>
  );
}

function ReviewChoices({ review, since, onKeep, onStopAt }: { review: TimerReview; since: number; onKeep: () => void; onStopAt: (at: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const now = useNow(30_000);
  const [picked, setPicked] = useState(() => toDateTimeLocal(review.lastActivityAt, timeZone));
  const pickedAt = fromDateTimeLocal(picked, timeZone);
  const pickedValid = pickedAt !== null && pickedAt >= since && pickedAt <= now;
  return (
    <div className="form">
      <div className="button-row button-row--stack">
        {review.reason === 'past-box-end' ? (
          <Button variant="primary" onClick={() => onStopAt(review.boxEnd)}>
            {t('timer.stopAtBoxEnd', { time: formatDateTime(review.boxEnd, language, timeZone) })}
          </Button>
        ) : (
          <Button variant="primary" onClick={() => onStopAt(review.lastActivityAt)}>
            {t('timer.stopAtLastActivity', { time: formatDateTime(review.lastActivityAt, language, timeZone) })}
          </Button>
        )}
        <Button onClick={onKeep}>{t('timer.keepAll')}</Button>
      </div>
      <form
        className="form-row form-row--inline"
        onSubmit={(event) => {
          event.preventDefault();
          if (pickedValid) onStopAt(pickedAt);
        }}
      >
        <Field label={t('timer.stopAt')}>
          {({ id }) => <input id={id} className="input" type="datetime-local" step={60} value={picked} onChange={(e) => setPicked(e.target.value)} />}
        </Field>
        <Button type="submit" disabled={!pickedValid}>
          {t('timer.stopAtPicked')}
        </Button>
      </form>
    </div>
  );
}

/** Time away (idle, sleep, a locked screen) while the timer ran: keep it, or leave it out. */
export function AwayDialog({ away, onKeep, onDiscard }: { away: { from: number; to: number } | null; onKeep: () => void; onDiscard: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const body = away
    ? t('timer.awayBody', {
        from: formatDateTime(away.from, language, timeZone),
        to: formatDateTime(away.to, language, timeZone),
        duration: formatDuration(away.to - away.from, language),
      })
    : '';
  return (
    <Dialog open={away !== null} title={t('timer.awayTitle')} description={body} onClose={onKeep}>
      <DialogActions>
        <Button onClick={onKeep}>{t('timer.awayKeep')}</Button>
        <Button variant="primary" onClick={onDiscard}>
          {t('timer.awayDiscard')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES_BY_KIND, SALES_CATEGORIES, WORK_KINDS, type Category, type SalesCategory, type WorkKind } from '../../../shared/domain/model';
import { elapsedOfTimer } from '../../../shared/domain/time';
import { Button } from '../../components/Button';
import { Field } from '../../components/Field';
import { useDb, useLanguage } from '../../app/services';
import { useNow } from '../../app/useNow';
import { formatDuration } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { formatClock, timerLabel } from './timer-label';
import { timerActions } from './timer-actions';
import { useBox, useTimer } from './useTimer';

/** The focus timer: what runs, for how long, what is left of the box, and one-click interruptions. */
export function TimerPanel() {
  const { t } = useTranslation();
  const timer = useTimer();
  const box = useBox(timer?.boxId);
  const db = useDb();
  const actions = useMemo(() => timerActions(db), [db]);
  const language = useLanguage();
  const now = useNow(1000);
  const [interrupting, setInterrupting] = useState(false);
  const [interruptNote, setInterruptNote] = useState('');
  const [interruptCategory, setInterruptCategory] = useState<SalesCategory>('call');
  const show = useToasts((s) => s.show);

  if (timer === undefined) return <section className="card timer" aria-busy="true" />;
  if (timer === null) return <AdHocTimer onStart={(start) => void actions.start(start)} />;

  const label = timerLabel(t, timer, box);
  const running = timer.runningSince !== null;
  const remaining = box ? box.end - now : null;
  const stop = async () => {
    const elapsed = elapsedOfTimer(timer, Date.now());
    const result = await actions.stop();
    if (result?.ok) show({ message: t('timer.stopped', { time: formatDuration(elapsed, language) }), tone: 'success' });
  };

  return (
    <section className={`card timer timer--${timer.kind}`} aria-labelledby="timer-title">
      <div className="timer__head">
        <h2 id="timer-title">{t('timer.title')}</h2>
        <span className={`kind-badge kind-badge--${timer.kind}`}>{t(`kind.${timer.kind}`)}</span>
      </div>
      {timer.interrupted ? (
        <p className="timer__interrupted">{t('timer.interruptedBox', { title: box?.title ?? t(`category.${timer.interrupted.category}`) })}</p>
      ) : null}
      <p className="timer__label">{label}</p>
      <p className="timer__clock" aria-label={`${t('timer.elapsed')}: ${formatDuration(elapsedOfTimer(timer, now), language)}`}>
        <span aria-hidden="true">{running ? formatClock(elapsedOfTimer(timer, now)) : t('timer.paused')}</span>
      </p>
      {remaining !== null && !timer.interrupted ? (
        <p className={remaining < 0 ? 'timer__remaining timer__remaining--over' : 'timer__remaining'}>
          {remaining >= 0
            ? `${t('timer.remaining')}: ${formatDuration(remaining, language)}`
            : t('timer.overtime', { time: formatDuration(-remaining, language) })}
        </p>
      ) : null}
      <div className="button-row">
        {running ? (
          <Button onClick={() => void actions.pause()}>{t('timer.pause')}</Button>
        ) : (
          <Button variant="primary" onClick={() => void actions.resume()}>
            {t('timer.resume')}
          </Button>
        )}
        <Button onClick={() => void stop()}>{t('timer.stop')}</Button>
        {timer.kind === 'marketing' && running && !interrupting ? (
          <Button variant="sales" onClick={() => setInterrupting(true)}>
            {t('timer.interrupt')}
          </Button>
        ) : null}
        {timer.interrupted ? (
          <Button variant="marketing" onClick={() => void actions.backToBox()}>
            {t('timer.backToBox')}
          </Button>
        ) : null}
      </div>
      {interrupting ? (
        <form
          className="timer__interrupt"
          onSubmit={(event) => {
            event.preventDefault();
            void actions.interrupt({ category: interruptCategory, note: interruptNote.trim() || undefined });
            setInterrupting(false);
            setInterruptNote('');
          }}
        >
          <div className="form-row">
            <Field label={t('timer.category')}>
              {({ id }) => (
                <select id={id} className="input" value={interruptCategory} onChange={(e) => setInterruptCategory(e.target.value as SalesCategory)}>
                  {SALES_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`category.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('timer.interruptNote')}>
              {({ id }) => (
                <input
                  id={id}
                  className="input"
                  value={interruptNote}
                  maxLength={200}
                  placeholder={t('timer.interruptNotePlaceholder')}
                  onChange={(e) => setInterruptNote(e.target.value)}
                  // The user is mid-call: typing the note is the obvious next step.
                  // eslint-disable-next-line jsx-a11y/no-autofocus
                  autoFocus
                />
              )}
            </Field>
          </div>
          <div className="button-row">
            <Button type="submit" variant="sales">
              {t('timer.interruptConfirm')}
            </Button>
            <Button onClick={() => setInterrupting(false)}>{t('common.cancel')}</Button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function AdHocTimer({ onStart }: { onStart: (start: { kind: WorkKind; category: Category; note?: string }) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<WorkKind>('marketing');
  const [category, setCategory] = useState<Category>('content');
  const [note, setNote] = useState('');
  return (
    <section className="card timer" aria-labelledby="timer-title">
      <div className="timer__head">
        <h2 id="timer-title">{t('timer.title')}</h2>
      </div>
      <p className="muted">
        {t('timer.idle')} {t('timer.adHocHint')}
      </p>
      <form
        className="form"
        aria-label={t('timer.adHoc')}
        onSubmit={(event) => {
          event.preventDefault();
          onStart({ kind, category, note: note.trim() || undefined });
          setNote('');
        }}
      >
        <div className="form-row">
          <Field label={t('timer.kind')}>
            {({ id }) => (
              <select
                id={id}
                className="input"
                value={kind}
                onChange={(e) => {
                  const next = e.target.value as WorkKind;
                  setKind(next);
                  setCategory(CATEGORIES_BY_KIND[next][0]!);
                }}
              >
                {WORK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('timer.category')}>
            {({ id }) => (
              <select id={id} className="input" value={category} onChange={(e) => setCategory(e.target.value as Category)}>
                {CATEGORIES_BY_KIND[kind].map((c) => (
                  <option key={c} value={c}>
                    {t(`category.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('timer.note')}>
          {({ id }) => <input id={id} className="input" value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="button-row">
          <Button type="submit" variant="primary">
            {t('timer.start')}
          </Button>
        </div>
      </form>
    </section>
  );
}

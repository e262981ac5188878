import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { addDaysIn, startOfDayIn } from '../../../shared/domain/calendar';
import { type Category, type TimeBox, type WorkKind } from '../../../shared/domain/model';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { KindCategoryFields } from '../../components/KindCategoryFields';
import { useDb, useLanguage, useSystem } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { createBox, deleteBox, repeatBoxWeekly, restoreBoxes, updateBox, type BoxDraft } from '../../db/time';
import { fromDateAndTime, toDateInput, toTimeInput } from '../../i18n/datetime-input';
import { formatDate } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { timerActions } from '../timer/timer-actions';

const LENGTHS = Array.from({ length: 96 }, (_, i) => (i + 1) * 15);

/**
 * The keyboard way to plan (and the way to edit anything about a box): day, start and length,
 * kind, activity, title, initiative, and weekly repetition.
 */
export function BoxFormDialog({
  days,
  box,
  initial,
  onClose,
}: {
  days: { key: string; start: number }[];
  box?: TimeBox;
  initial?: { start?: number; end?: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const initiatives = useLiveQuery(() => db.initiatives.where('archived').equals(0).toArray(), [db]);
  const firstStart = box?.start ?? initial?.start ?? addDaysIn(days[0]!.start, 0, timeZone) + 9 * 3_600_000;
  const firstLength = box ? box.end - box.start : initial?.start !== undefined && initial.end !== undefined ? initial.end - initial.start : 90 * 60_000;
  const [kind, setKind] = useState<WorkKind>(box?.kind ?? 'marketing');
  const [category, setCategory] = useState<Category>(box?.category ?? 'content');
  const [title, setTitle] = useState(box?.title ?? '');
  const [day, setDay] = useState(toDateInput(firstStart, timeZone));
  const [time, setTime] = useState(toTimeInput(firstStart, timeZone));
  const [minutes, setMinutes] = useState(Math.min(1440, Math.max(15, Math.round(firstLength / 60_000 / 15) * 15)));
  const [initiativeId, setInitiativeId] = useState(box?.initiativeId ?? '');
  const [repeat, setRepeat] = useState(false);
  const [repeatWeeks, setRepeatWeeks] = useState(4);
  const [error, setError] = useState<string | null>(null);
  const [titleError, setTitleError] = useState<string | null>(null);

  const save = async () => {
    if (!title.trim()) {
      setTitleError(t('timeError.title-required'));
      return;
    }
    const start = fromDateAndTime(day, time, timeZone);
    if (start === null) return setError(t('timeError.invalid-instant'));
    const end = start + minutes * 60_000;
    // Boxes live inside one day of the planner; entries may cross midnight, boxes do not.
    if (end > addDaysIn(startOfDayIn(start, timeZone), 1, timeZone)) return setError(t('timeError.crosses-midnight'));
    const draft: BoxDraft = { kind, category, title: title.trim(), start, end, initiativeId: initiativeId || undefined };
    try {
      const result = box ? await updateBox(db, box.id, draft, Date.now()) : await createBox(db, draft, Date.now());
      if (!result.ok) return setError(t(`timeError.${result.error}`));
      if (repeat) await repeatBoxWeekly(db, result.value.id, repeatWeeks, timeZone, Date.now());
      show({ message: repeat ? t('boxForm.repeated', { count: repeatWeeks }) : t(box ? 'boxForm.saved' : 'boxForm.created'), tone: 'success' });
      onClose();
    } catch (e) {
      reportWriteError(e);
    }
  };

  const remove = async () => {
    if (!box) return;
    const deleted = await deleteBox(db, box.id);
    onClose();
    if (deleted) show({ message: t('boxForm.deleted'), tone: 'info', action: { label: t('common.undo'), run: () => restoreBoxes(db, [deleted]) } });
  };

  return (
    <Dialog open title={t(box ? 'boxForm.editTitle' : 'boxForm.newTitle')} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('boxForm.title')} error={titleError}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input"
              value={title}
              maxLength={200}
              placeholder={t('boxForm.titlePlaceholder')}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setTitle(e.target.value);
                setTitleError(null);
              }}
              // The title is what the user came to type.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
            />
          )}
        </Field>
        <KindCategoryFields
          kind={kind}
          category={category}
          kindLabel={t('boxForm.kind')}
          categoryLabel={t('boxForm.category')}
          onChange={(value) => {
            setKind(value.kind);
            setCategory(value.category);
          }}
        />
        <div className="form-row">
          <Field label={t('boxForm.day')}>
            {({ id }) => (
              <select id={id} className="input" value={day} onChange={(e) => setDay(e.target.value)}>
                {!days.some((d) => d.key === day) ? <option value={day}>{day}</option> : null}
                {days.map((d) => (
                  <option key={d.key} value={d.key}>
                    {formatDate(d.start, language, timeZone)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('boxForm.start')}>
            {({ id }) => <input id={id} className="input" type="time" step={900} value={time} onChange={(e) => setTime(e.target.value)} />}
          </Field>
          <Field label={t('boxForm.length')}>
            {({ id }) => (
              <select id={id} className="input" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
                {LENGTHS.map((m) => (
                  <option key={m} value={m}>
                    {m % 60 === 0 ? `${m / 60} h` : m > 60 ? `${Math.floor(m / 60)} h ${m % 60}` : m} {m % 60 === 0 ? '' : t('boxForm.minutes')}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label={t('boxForm.initiative')} hint={initiatives && initiatives.length === 0 ? t('boxForm.initiativeLater') : undefined}>
          {({ id, describedBy }) => (
            <select id={id} className="input" value={initiativeId} aria-describedby={describedBy} onChange={(e) => setInitiativeId(e.target.value)}>
              <option value="">{t('boxForm.noInitiative')}</option>
              {(initiatives ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form-row form-row--inline">
          <label className="checkbox">
            <input type="checkbox" checked={repeat} onChange={(e) => setRepeat(e.target.checked)} /> {t('boxForm.repeat')}
          </label>
          {repeat ? (
            <label className="checkbox">
              <select className="input" value={repeatWeeks} onChange={(e) => setRepeatWeeks(Number(e.target.value))} aria-label={t('boxForm.repeat')}>
                {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {t('boxForm.repeatWeeks', { count: n })}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
        {error ? (
          <p className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        <DialogActions>
          {box ? (
            <>
              <Button variant="ghost" onClick={() => void remove()}>
                {t('boxForm.delete')}
              </Button>
              <Button
                onClick={() => {
                  void timerActions(db).start({ kind: box.kind, category: box.category, boxId: box.id, initiativeId: box.initiativeId });
                  onClose();
                }}
              >
                ▶ {t('boxForm.startTimer')}
              </Button>
            </>
          ) : null}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t(box ? 'boxForm.save' : 'boxForm.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

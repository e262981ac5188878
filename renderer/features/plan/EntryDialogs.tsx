import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Category, type TimeEntry, type WorkKind } from '../../../shared/domain/model';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { KindCategoryFields } from '../../components/KindCategoryFields';
import { useDb, useSystem } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { addEntry, overlappingEntries, restoreEntries, splitEntryAt, trimOverlaps, updateEntry, type EntryDraft } from '../../db/time';
import { fromDateAndTime, toDateInput, toTimeInput } from '../../i18n/datetime-input';
import { useToasts } from '../../stores/toasts';

/**
 * Logging time by hand, or correcting an entry. An entry may cross midnight (its end has its own
 * date). When it overlaps other entries, the user chooses: trim the others, or keep both.
 */
export function EntryFormDialog({ entry, initialStart, onClose }: { entry?: TimeEntry; initialStart?: number; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  // A new entry defaults to the last full hour before now, on the quarter hour.
  const [start0] = useState(() => entry?.start ?? initialStart ?? Math.floor(Date.now() / 900_000) * 900_000 - 3_600_000);
  const end0 = entry?.end ?? start0 + 3_600_000;
  const [kind, setKind] = useState<WorkKind>(entry?.kind ?? 'sales');
  const [category, setCategory] = useState<Category>(entry?.category ?? 'call');
  const [date, setDate] = useState(toDateInput(start0, timeZone));
  const [startTime, setStartTime] = useState(toTimeInput(start0, timeZone));
  const [endDate, setEndDate] = useState(toDateInput(end0, timeZone));
  const [endTime, setEndTime] = useState(toTimeInput(end0, timeZone));
  const [note, setNote] = useState(entry?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [overlaps, setOverlaps] = useState<{ draft: EntryDraft; count: number } | null>(null);

  const draftFromForm = (): EntryDraft | null => {
    const start = fromDateAndTime(date, startTime, timeZone);
    const end = fromDateAndTime(endDate, endTime, timeZone);
    if (start === null || end === null) {
      setError(t('timeError.invalid-instant'));
      return null;
    }
    return { kind, category, start, end, note: note.trim() || undefined };
  };

  const write = async (draft: EntryDraft, trim: boolean) => {
    try {
      const now = Date.now();
      let trimmed: TimeEntry[] = [];
      if (trim) trimmed = await trimOverlaps(db, draft, entry?.id, now);
      const result = entry ? await updateEntry(db, entry.id, draft, now) : await addEntry(db, draft, now);
      if (!result.ok) {
        if (trimmed.length) await restoreEntries(db, trimmed);
        setOverlaps(null);
        return setError(t(`timeError.${result.error}`));
      }
      if (trimmed.length) show({ message: t('timeLog.trimmed'), tone: 'info' });
      onClose();
    } catch (e) {
      reportWriteError(e);
    }
  };

  const save = async () => {
    const draft = draftFromForm();
    if (!draft) return;
    if (draft.end <= draft.start) return setError(t(draft.end === draft.start ? 'timeError.zero-length' : 'timeError.end-before-start'));
    const others = await overlappingEntries(db, draft, entry?.id);
    if (others.length > 0) return setOverlaps({ draft, count: others.length });
    await write(draft, false);
  };

  return (
    <Dialog open title={t(entry ? 'entryForm.editTitle' : 'entryForm.newTitle')} onClose={onClose} wide>
      {overlaps ? (
        <div className="form">
          <p role="alert">
            <strong>{t('entryForm.overlapTitle')}</strong> {t('entryForm.overlapBody', { count: overlaps.count })}
          </p>
          <DialogActions>
            <Button onClick={() => setOverlaps(null)}>{t('common.cancel')}</Button>
            <Button onClick={() => void write(overlaps.draft, false)}>{t('entryForm.keepBoth')}</Button>
            <Button variant="primary" onClick={() => void write(overlaps.draft, true)}>
              {t('entryForm.trim')}
            </Button>
          </DialogActions>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
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
            <Field label={t('entryForm.date')}>
              {({ id }) => (
                <input
                  id={id}
                  className="input"
                  type="date"
                  value={date}
                  onChange={(e) => {
                    // Moving the start date moves the end date with it, keeping the length.
                    if (endDate === date) setEndDate(e.target.value);
                    setDate(e.target.value);
                  }}
                />
              )}
            </Field>
            <Field label={t('entryForm.start')}>
              {({ id }) => <input id={id} className="input" type="time" step={60} value={startTime} onChange={(e) => setStartTime(e.target.value)} />}
            </Field>
            <Field label={t('entryForm.endDate')}>
              {({ id }) => <input id={id} className="input" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />}
            </Field>
            <Field label={t('entryForm.end')}>
              {({ id }) => <input id={id} className="input" type="time" step={60} value={endTime} onChange={(e) => setEndTime(e.target.value)} />}
            </Field>
          </div>
          <Field label={t('entryForm.note')}>
            {({ id }) => <input id={id} className="input" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <DialogActions>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" variant="primary">
              {t('entryForm.save')}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}

/** Splits an entry in two at a chosen time (e.g. the first half was a call, the second a proposal). */
export function SplitEntryDialog({ entry, onClose }: { entry: TimeEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const middle = Math.round((entry.start + entry.end) / 2 / 60_000) * 60_000;
  const [date, setDate] = useState(toDateInput(middle, timeZone));
  const [time, setTime] = useState(toTimeInput(middle, timeZone));
  const [error, setError] = useState<string | null>(null);
  const at = fromDateAndTime(date, time, timeZone);
  return (
    <Dialog open title={t('timeLog.split')} onClose={onClose}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (at === null || at <= entry.start || at >= entry.end) return setError(t('timeError.invalid-instant'));
          if (await splitEntryAt(db, entry.id, at, Date.now())) {
            show({ message: t('timeLog.splitDone'), tone: 'success' });
            onClose();
          }
        }}
      >
        <div className="form-row">
          <Field label={t('entryForm.date')}>
            {({ id }) => <input id={id} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field label={t('timeLog.splitAt')} error={error}>
            {({ id, describedBy }) => (
              <input id={id} className="input" type="time" step={60} value={time} aria-describedby={describedBy} onChange={(e) => setTime(e.target.value)} />
            )}
          </Field>
        </div>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('timeLog.split')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/**
 * The win form: the quick capture (a new win, maybe prefilled by a suggestion) and the edit of a
 * win from the timeline. Only the title is required; everything else has a default. Keys: Enter
 * saves, Ctrl/Cmd+Enter saves from anywhere (the note too), Ctrl/Cmd+D toggles the star, Esc
 * closes — and closing with unsaved typing puts it aside, with "Reopen" in a toast.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { DAY_MS } from '../../../shared/domain/calendar';
import { WIN_TYPES, type Initiative, type Win, type WinType } from '../../../shared/domain/model';
import { searchKey, type WinDraft, type WinDraftErrors } from '../../../shared/domain/wins';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useDb, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { reportWriteError } from '../../app/write-errors';
import { createWin, deleteWin, recentWins, restoreWin, updateWin } from '../../db/wins';
import { toDateTimeLocal } from '../../i18n/datetime-input';
import { useCapture, type WinPrefill } from '../../stores/capture';
import { useToasts } from '../../stores/toasts';
import { moneyCurrency } from './amount';
import { CAPTURE_TITLE_ATTRIBUTE, isSaveShortcut, isStarShortcut, starKeysLabel } from './shortcut';
import { winErrorMessage } from './win-errors';
import { draftFromForm, formChanged, formFromPrefill, formFromWin, type WinForm } from './win-form';
import { LeadField, TagsField } from './WinFields';
import { useWinsUi } from './wins-store';
import './wins.css';

export type WinFormMode = { kind: 'new'; prefill: WinPrefill | null } | { kind: 'edit'; win: Win };

/** How many recent wins feed the tag and unit suggestions: enough to know the user's words, never the whole table. */
const SUGGESTION_SOURCE = 200;

export function WinFormDialog({ mode, onClose }: { mode: WinFormMode; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const { timeZone } = useSystem();
  const { currency } = useSettings();
  const now = useNow(60_000);
  const show = useToasts((s) => s.show);
  const winId = mode.kind === 'edit' ? mode.win.id : null;

  // The form as opened, and the form to start from: a form put aside and reopened comes back as it was.
  const [pristine] = useState<WinForm>(() =>
    mode.kind === 'edit' ? formFromWin(mode.win, timeZone) : formFromPrefill(mode.prefill, Date.now(), timeZone),
  );
  const [form, setForm] = useState<WinForm>(() => {
    const aside = useWinsUi.getState().putAside;
    return aside?.winId === winId && aside.reopen ? aside.form : pristine;
  });
  const [errors, setErrors] = useState<WinDraftErrors>({});
  const saving = useRef(false);
  const formElement = useRef<HTMLFormElement>(null);
  const starHintId = useId();
  // Focus goes back where it was when the form closes (the dialog unmounts rather than closes).
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    const aside = useWinsUi.getState().putAside;
    if (aside?.winId === winId && aside.reopen) useWinsUi.getState().setPutAside(null);
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [winId, opener]);

  const initiatives = useLiveQuery(() => db.initiatives.where('archived').equals(0).toArray(), [db]);
  const chosenInitiative = useLiveQuery(
    async () => (form.initiativeId ? ((await db.initiatives.get(form.initiativeId)) ?? null) : null),
    [db, form.initiativeId],
  );
  const recent = useLiveQuery(() => recentWins(db, SUGGESTION_SOURCE), [db]);

  const initiativeOptions = useMemo(() => {
    const list: Initiative[] = [...(initiatives ?? [])].sort((a, b) => b.start - a.start || a.name.localeCompare(b.name));
    if (chosenInitiative && !list.some((i) => i.id === chosenInitiative.id)) list.push(chosenInitiative);
    return list;
  }, [initiatives, chosenInitiative]);

  const tagSuggestions = useMemo(() => {
    const taken = new Set(form.tags.map(searchKey));
    const seen = new Set<string>();
    const out: string[] = [];
    for (const win of recent ?? []) {
      for (const tag of win.tags) {
        const key = searchKey(tag);
        if (taken.has(key) || seen.has(key)) continue;
        seen.add(key);
        out.push(tag);
      }
    }
    return out.slice(0, 30);
  }, [recent, form.tags]);

  const unitSuggestions = useMemo(() => {
    const seen = new Set<string>([currency]);
    const out: string[] = [currency];
    for (const win of recent ?? []) {
      if (win.unit && !seen.has(win.unit)) {
        seen.add(win.unit);
        out.push(win.unit);
      }
    }
    for (const unit of t('wins.capture.unitSuggestions').split(',')) {
      if (!seen.has(unit)) {
        seen.add(unit);
        out.push(unit);
      }
    }
    return out.slice(0, 20);
  }, [recent, currency, t]);

  const change = (patch: Partial<WinForm>, fields: (keyof WinDraft)[]) => {
    setForm((current) => ({ ...current, ...patch }));
    if (fields.some((field) => errors[field])) {
      setErrors((current) => {
        const next = { ...current };
        for (const field of fields) delete next[field];
        return next;
      });
    }
  };

  const error = (field: keyof WinDraft): string | null => {
    const key = errors[field];
    return key ? winErrorMessage(t, field, key) : null;
  };

  const focusFirstError = () =>
    requestAnimationFrame(() => formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const close = (saved: boolean) => {
    if (!saved && formChanged(pristine, form)) {
      const aside = { winId, form, reopen: false };
      useWinsUi.getState().setPutAside(aside);
      show({
        message: t('wins.capture.discarded'),
        tone: 'info',
        action: {
          label: t('wins.capture.reopen'),
          run: () => {
            useWinsUi.getState().setPutAside({ ...aside, reopen: true });
            reopen(winId);
          },
        },
      });
    }
    onClose();
  };

  const save = async () => {
    if (saving.current) return;
    const result = draftFromForm(form, timeZone, Date.now());
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstError();
      return;
    }
    saving.current = true;
    try {
      if (mode.kind === 'edit') {
        const written = await updateWin(db, mode.win.id, result.draft, Date.now());
        if (!written.ok) {
          setErrors(written.errors);
          focusFirstError();
          return;
        }
        close(true);
        show({ message: t('wins.capture.updated'), tone: 'success', action: { label: t('common.undo'), run: () => restoreWin(db, written.previous).catch(reportWriteError) } });
      } else {
        const written = await createWin(db, result.draft, Date.now());
        if (!written.ok) {
          setErrors(written.errors);
          focusFirstError();
          return;
        }
        const { win } = written;
        close(true);
        show({
          message: t(win.starred ? 'wins.capture.loggedStarred' : 'wins.capture.logged', { title: win.title }),
          tone: 'success',
          action: {
            label: t('common.undo'),
            run: () =>
              deleteWin(db, win.id).then(
                () => undefined,
                (e: unknown) => reportWriteError(e),
              ),
          },
        });
      }
    } catch (e) {
      reportWriteError(e);
    } finally {
      saving.current = false;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (isSaveShortcut(event)) {
      event.preventDefault();
      void save();
    } else if (isStarShortcut(event)) {
      event.preventDefault();
      change({ starred: !form.starred }, []);
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'checkbox') {
      // Enter on the star saves, like Enter in the fields around it.
      event.preventDefault();
      void save();
    }
  };

  const currencyOfUnit = moneyCurrency(form.unit);

  return (
    <Dialog open title={t(mode.kind === 'edit' ? 'wins.capture.editTitle' : 'wins.capture.newTitle')} onClose={() => close(false)} wide>
      {/* The form listens for its shortcuts (save, star) on behalf of the controls inside it. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        ref={formElement}
        className="win-form"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('wins.capture.title')} error={error('title')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input win-form__title"
              value={form.title}
              placeholder={t('wins.capture.titlePlaceholder')}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              aria-required="true"
              {...(mode.kind === 'new' ? { [CAPTURE_TITLE_ATTRIBUTE]: '' } : {})}
              onChange={(e) => change({ title: e.target.value }, ['title'])}
              // The title is what the user came to type.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
            />
          )}
        </Field>
        <div className="win-form__star">
          <label className="checkbox">
            <input type="checkbox" checked={form.starred} aria-describedby={starHintId} onChange={(e) => change({ starred: e.target.checked }, [])} />
            <span aria-hidden="true" className={form.starred ? 'star star--on' : 'star'}>
              {form.starred ? '★' : '☆'}
            </span>
            {t('wins.capture.star')}
          </label>
          <span className="field__hint" id={starHintId}>
            {t('wins.capture.starHint')} <kbd>{starKeysLabel}</kbd>
          </span>
        </div>
        <div className="win-form__row win-form__row--four">
          <Field label={t('wins.capture.type')}>
            {({ id }) => (
              <select id={id} className="input" value={form.type} onChange={(e) => change({ type: e.target.value as WinType }, ['type'])}>
                {WIN_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`wins.type.${type}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('wins.capture.when')} error={error('at')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                type="datetime-local"
                value={form.when}
                max={toDateTimeLocal(now + DAY_MS, timeZone)}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => change({ when: e.target.value, whenTouched: true }, ['at'])}
              />
            )}
          </Field>
          <Field label={t('wins.capture.amount')} error={error('amount')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                inputMode="decimal"
                autoComplete="off"
                value={form.amount}
                placeholder={t('wins.capture.amountPlaceholder')}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => change({ amount: e.target.value }, ['amount'])}
              />
            )}
          </Field>
          <Field label={t('wins.capture.unit')} error={error('unit')} hint={currencyOfUnit ? t('wins.capture.moneyHint', { currency: currencyOfUnit }) : undefined}>
            {({ id, describedBy, invalid }) => (
              <>
                <input
                  id={id}
                  className="input"
                  autoComplete="off"
                  value={form.unit}
                  list={`${id}-units`}
                  placeholder={t('wins.capture.unitPlaceholder')}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => change({ unit: e.target.value }, ['unit', 'amount'])}
                />
                <datalist id={`${id}-units`}>
                  {unitSuggestions.map((unit) => (
                    <option key={unit} value={unit} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <TagsField
          tags={form.tags}
          text={form.tagText}
          suggestions={tagSuggestions}
          error={error('tags')}
          onChange={(tags, tagText) => change({ tags, tagText }, ['tags'])}
        />
        <div className="win-form__row">
          <Field label={t('wins.capture.initiative')}>
            {({ id }) => (
              <select id={id} className="input" value={form.initiativeId} onChange={(e) => change({ initiativeId: e.target.value }, ['initiativeId'])}>
                <option value="">{t('wins.capture.noInitiative')}</option>
                {initiativeOptions.map((initiative) => (
                  <option key={initiative.id} value={initiative.id}>
                    {initiative.archived ? t('wins.capture.archived', { name: initiative.name }) : initiative.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <LeadField
            leadId={form.leadId}
            onChange={(lead) =>
              // A lead that came through an initiative brings it along, unless one is chosen already.
              change({ leadId: lead?.id ?? '', ...(lead?.initiativeId && !form.initiativeId ? { initiativeId: lead.initiativeId } : {}) }, ['leadId'])
            }
          />
        </div>
        <Field label={t('wins.capture.note')} error={error('note')}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              className="input win-form__note"
              rows={2}
              value={form.note}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => change({ note: e.target.value }, ['note'])}
            />
          )}
        </Field>
        <DialogActions>
          <span className="win-form__keys muted">{t('wins.capture.keys', { star: starKeysLabel })}</span>
          <Button onClick={() => close(false)}>{t('wins.capture.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t(mode.kind === 'edit' ? 'wins.capture.saveChanges' : 'wins.capture.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** Brings a put-aside form back: a new win through the capture store, an edit through the Wins screen. */
function reopen(winId: string | null): void {
  if (winId === null) useCapture.getState().openCapture();
  else useWinsUi.getState().edit(winId);
}

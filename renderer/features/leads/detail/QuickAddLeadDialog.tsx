import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useLocation } from 'wouter';
import { SOURCE_IDS, type InitiativeChannel, type SourceId } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { useDb, useLanguage, useSettings } from '../../../app/services';
import { reportWriteError } from '../../../app/write-errors';
import { activeInitiatives } from '../../../db/lead-detail';
import { createLead } from '../../../db/leads';
import { useToasts } from '../../../stores/toasts';
import { submitOnEnter } from './form-keys';
import { leadName, useErrorText } from './lead-text';
import { openWinCapture, winOfferFor } from './suggest-win';
import './lead-detail.css';

/** The source a lead linked to an initiative most likely came through, so choosing the initiative fills it in. */
const SOURCE_OF_CHANNEL: Record<InitiativeChannel, SourceId> = {
  newsletter: 'newsletter',
  seo: 'seo',
  'trade-show': 'trade-show',
  webinar: 'webinar',
  social: 'social',
  'web-ad': 'web-ad',
  content: 'seo',
  other: 'other',
};

type Errors = Partial<Record<'name' | 'company' | 'person' | 'source' | 'sourceDetail' | 'note', string>>;

/**
 * Adding a lead in seconds, by keyboard alone: focus starts in the company, Enter (or Ctrl/Cmd+Enter)
 * in any field adds the lead, Escape cancels. "Add another" keeps the dialog open with the source
 * and initiative kept, for a pile of leads from one channel. Everything is IndexedDB, so it works
 * offline.
 */
export function QuickAddLeadDialog({ initial, onClose }: { initial?: { source?: SourceId; initiativeId?: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const db = useDb();
  const settings = useSettings();
  const language = useLanguage();
  const show = useToasts((s) => s.show);
  const [, navigate] = useLocation();
  const initiatives = useLiveQuery(async () => {
    const active = await activeInitiatives(db);
    // An initiative passed in (from its own page) is offered even when it is archived.
    if (initial?.initiativeId && !active.some((i) => i.id === initial.initiativeId)) {
      const own = await db.initiatives.get(initial.initiativeId);
      if (own) active.unshift(own);
    }
    return active;
  }, [db, initial?.initiativeId]);

  const [company, setCompany] = useState('');
  const [person, setPerson] = useState('');
  const [source, setSource] = useState<SourceId | ''>(initial?.source ?? '');
  const [sourceDetail, setSourceDetail] = useState('');
  const [initiativeId, setInitiativeId] = useState(initial?.initiativeId ?? '');
  const [note, setNote] = useState('');
  const [another, setAnother] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const companyInput = useRef<HTMLInputElement>(null);

  const clearError = (...keys: (keyof Errors)[]) =>
    setErrors((current) => {
      const next = { ...current };
      for (const key of keys) delete next[key];
      return next;
    });

  const save = async () => {
    if (saving) return;
    if (!source) {
      setErrors({ source: 'leadForm.error.sourceRequired', ...(company.trim() || person.trim() ? {} : { name: 'leads.error.nameRequired' }) });
      return;
    }
    setSaving(true);
    try {
      const result = await createLead(db, { company, person, source, sourceDetail, initiativeId: initiativeId || undefined, note }, Date.now());
      if (!result.ok) {
        setErrors(result.errors as Errors);
        return;
      }
      const { lead } = result;
      show({
        message: t('leadForm.quickAdd.added', { name: leadName(lead) }),
        tone: 'success',
        action: { label: t('leadForm.quickAdd.open'), run: () => navigate(`~/leads/lead/${lead.id}`) },
      });
      const offer = await winOfferFor(db, { kind: 'lead-added', lead }, settings, language, t);
      if (offer) show({ message: offer.message, tone: 'info', action: { label: offer.action, run: () => openWinCapture(offer.prefill) } });
      if (another) {
        setCompany('');
        setPerson('');
        setSourceDetail('');
        setNote('');
        setErrors({});
        companyInput.current?.focus();
      } else {
        onClose();
      }
    } catch (error) {
      reportWriteError(error);
    } finally {
      setSaving(false);
    }
  };

  const optional = (label: string) => t('leadForm.field.optional', { label });

  return (
    <Dialog open title={t('leadForm.quickAdd.title')} onClose={onClose} wide>
      {/* Enter in the fields inside saves (delegated); the form itself is never the target. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        noValidate
        className="lead-form"
        onKeyDown={(event) => submitOnEnter(event)}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-row">
          <Field label={t('leadForm.field.company')} error={errorText(errors.name ?? errors.company, 'company')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                ref={companyInput}
                className="input"
                value={company}
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => {
                  setCompany(e.target.value);
                  clearError('name', 'company');
                }}
                // The company is what the user came to type.
                // eslint-disable-next-line jsx-a11y/no-autofocus
                autoFocus
              />
            )}
          </Field>
          <Field label={t('leadForm.field.person')} error={errorText(errors.person, 'person')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                value={person}
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid || Boolean(errors.name)}
                onChange={(e) => {
                  setPerson(e.target.value);
                  clearError('name', 'person');
                }}
              />
            )}
          </Field>
        </div>
        <div className="form-row">
          <Field label={t('leadForm.field.source')} error={errorText(errors.source)}>
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                className="input"
                value={source}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                required
                onChange={(e) => {
                  setSource(e.target.value as SourceId);
                  clearError('source');
                }}
              >
                <option value="" disabled>
                  {t('leadForm.field.chooseSource')}
                </option>
                {SOURCE_IDS.map((s) => (
                  <option key={s} value={s}>
                    {t(`leads.source.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={optional(t('leadForm.field.sourceDetail'))} error={errorText(errors.sourceDetail, 'sourceDetail')}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                value={sourceDetail}
                placeholder={t('leadForm.field.sourceDetailPlaceholder')}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                onChange={(e) => {
                  setSourceDetail(e.target.value);
                  clearError('sourceDetail');
                }}
              />
            )}
          </Field>
        </div>
        <Field label={optional(t('leadForm.field.initiative'))}>
          {({ id }) => (
            <select
              id={id}
              className="input"
              value={initiativeId}
              onChange={(e) => {
                const chosen = initiatives?.find((i) => i.id === e.target.value);
                setInitiativeId(e.target.value);
                if (chosen && !source) {
                  setSource(SOURCE_OF_CHANNEL[chosen.channel]);
                  clearError('source');
                }
              }}
            >
              <option value="">{t('leadForm.field.noInitiative')}</option>
              {(initiatives ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={optional(t('leadForm.field.note'))} error={errorText(errors.note, 'note')}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input"
              value={note}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => {
                setNote(e.target.value);
                clearError('note');
              }}
            />
          )}
        </Field>
        <label className="checkbox">
          <input type="checkbox" checked={another} onChange={(e) => setAnother(e.target.checked)} /> {t('leadForm.quickAdd.addAnother')}
        </label>
        <DialogActions>
          <p className="lead-form__keys muted">{t('leadForm.quickAdd.keys')}</p>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={saving} aria-keyshortcuts="Enter Control+Enter">
            {t('leadForm.quickAdd.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

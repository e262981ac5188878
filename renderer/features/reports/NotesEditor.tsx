/**
 * The user's own words for the report: a comment for the manager and next period's plan, for
 * approval. Kept per period while the user works (UI state), saved with the report on export.
 */
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { useLanguage } from '../../app/services';
import { formatNumber } from '../../i18n/format';
import { useReportsUi, type NotesDraft } from './store';

const EMPTY: NotesDraft = { comment: '', plan: '' };

export function useNotes(key: string | null): NotesDraft {
  return useReportsUi((s) => (key ? s.drafts[key] : undefined)) ?? EMPTY;
}

export function NotesEditor({ periodKey }: { periodKey: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const notes = useNotes(periodKey);
  const setDraft = useReportsUi((s) => s.setDraft);
  const update = (change: Partial<NotesDraft>) => setDraft(periodKey, { ...notes, ...change });
  return (
    <section className="card report-notes" aria-labelledby="report-notes-title">
      <h2 id="report-notes-title">{t('report.notes.title')}</h2>
      <p className="muted">{t('report.notes.hint')}</p>
      <div className="report-notes__fields">
        <Field label={t('report.notes.comment')} hint={t('report.notes.chars', { chars: formatNumber(notes.comment.length, language) })}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              className="input report-notes__text"
              rows={4}
              value={notes.comment}
              placeholder={t('report.notes.commentPlaceholder')}
              onChange={(e) => update({ comment: e.target.value })}
            />
          )}
        </Field>
        <Field label={t('report.notes.plan')} hint={t('report.notes.chars', { chars: formatNumber(notes.plan.length, language) })}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              className="input report-notes__text"
              rows={4}
              value={notes.plan}
              placeholder={t('report.notes.planPlaceholder')}
              onChange={(e) => update({ plan: e.target.value })}
            />
          )}
        </Field>
      </div>
    </section>
  );
}

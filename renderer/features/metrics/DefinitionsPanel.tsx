/**
 * The metrics the user counts: add, rename (a built-in keeps its name in the user's language
 * until renamed), change the unit, archive (hidden from the grid, history kept) and reorder.
 */
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { MetricDefinition, MetricPeriod } from '../../../shared/domain/model';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { useDb } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { addMetric, metricHasEntries, METRIC_NAME_MAX, METRIC_UNIT_MAX, moveMetric, setMetricArchived, updateMetric, type MetricDraftErrors } from '../../db/metrics';
import { useToasts } from '../../stores/toasts';
import { useMetricDefinitions, useMetricText, writeInstant } from './use-metrics';

type FormTarget = { type: 'new' } | { type: 'edit'; id: string } | null;

export function DefinitionsPanel() {
  const { t } = useTranslation();
  const db = useDb();
  const text = useMetricText();
  const show = useToasts((s) => s.show);
  const definitions = useMetricDefinitions();
  const [form, setForm] = useState<FormTarget>(null);

  const archive = async (definition: MetricDefinition, archived: boolean) => {
    try {
      await setMetricArchived(db, definition.id, archived, writeInstant());
      show({
        message: t(archived ? 'metrics.definitions.archived' : 'metrics.definitions.unarchived', { metric: text.name(definition) }),
        tone: 'info',
        action: archived
          ? { label: t('common.undo'), run: () => setMetricArchived(db, definition.id, false, writeInstant()).then(() => undefined, reportWriteError) }
          : undefined,
      });
    } catch (error) {
      reportWriteError(error);
    }
  };

  const move = (definition: MetricDefinition, direction: -1 | 1) => {
    moveMetric(db, definition.id, direction, writeInstant()).then(() => {
      // Keep the keyboard on the same button of the moved row, which React just re-ordered.
      requestAnimationFrame(() => document.getElementById(`metric-move-${direction < 0 ? 'up' : 'down'}-${definition.id}`)?.focus());
    }, reportWriteError);
  };

  if (!definitions) return <div className="metric-grid-placeholder" aria-busy="true" />;

  const editing = form?.type === 'edit' ? definitions.find((d) => d.id === form.id) : undefined;

  return (
    <section aria-labelledby="metric-definitions-title" className="metric-definitions">
      <div className="metric-toolbar">
        <h2 id="metric-definitions-title">{t('metrics.definitions.title')}</h2>
        <Button variant="primary" onClick={() => setForm({ type: 'new' })}>
          {t('metrics.definitions.add')}
        </Button>
      </div>
      <p className="muted">{t('metrics.definitions.hint')}</p>
      <table className="metric-table metric-definitions__table">
        <thead>
          <tr>
            <th scope="col">{t('metrics.definitions.name')}</th>
            <th scope="col">{t('metrics.definitions.unit')}</th>
            <th scope="col">{t('metrics.definitions.period')}</th>
            <th scope="col">{t('metrics.definitions.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('metrics.definitions.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {definitions.map((definition, index) => {
            const name = text.name(definition);
            return (
              <tr key={definition.id} className={definition.archived ? 'metric-definitions__archived' : undefined}>
                <th scope="row">
                  {name}
                  {definition.builtin && definition.name ? <span className="muted metric-definitions__was"> ({t(`metrics.builtin.${definition.builtin}`)})</span> : null}
                </th>
                <td>{text.unit(definition) || '—'}</td>
                <td>{t(definition.period === 'week' ? 'metrics.definitions.weekly' : 'metrics.definitions.monthly')}</td>
                <td>{definition.archived ? <span className="badge">{t('metrics.definitions.archivedBadge')}</span> : t('metrics.definitions.active')}</td>
                <td>
                  <div className="button-row metric-definitions__actions" role="group" aria-label={t('metrics.definitions.actionsFor', { metric: name })}>
                    <Button
                      variant="ghost"
                      id={`metric-move-up-${definition.id}`}
                      onClick={() => move(definition, -1)}
                      disabled={index === 0}
                      aria-label={t('metrics.definitions.moveUp', { metric: name })}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="ghost"
                      id={`metric-move-down-${definition.id}`}
                      onClick={() => move(definition, 1)}
                      disabled={index === definitions.length - 1}
                      aria-label={t('metrics.definitions.moveDown', { metric: name })}
                    >
                      ↓
                    </Button>
                    <Button variant="ghost" onClick={() => setForm({ type: 'edit', id: definition.id })} aria-label={t('metrics.definitions.editNamed', { metric: name })}>
                      {t('metrics.definitions.edit')}
                    </Button>
                    <Button
                      variant="ghost"
                      onClick={() => void archive(definition, definition.archived === 0)}
                      aria-label={t(definition.archived ? 'metrics.definitions.unarchiveNamed' : 'metrics.definitions.archiveNamed', { metric: name })}
                    >
                      {t(definition.archived ? 'metrics.definitions.unarchive' : 'metrics.definitions.archive')}
                    </Button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {form?.type === 'new' ? <MetricFormDialog onClose={() => setForm(null)} /> : null}
      {editing ? <MetricFormDialog definition={editing} onClose={() => setForm(null)} /> : null}
    </section>
  );
}

function MetricFormDialog({ definition, onClose }: { definition?: MetricDefinition; onClose: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const text = useMetricText();
  const show = useToasts((s) => s.show);
  const [name, setName] = useState(definition?.name ?? '');
  const [unit, setUnit] = useState(definition?.unit ?? '');
  const [period, setPeriod] = useState<MetricPeriod>(definition?.period ?? 'week');
  const [errors, setErrors] = useState<MetricDraftErrors>({});
  const [saving, setSaving] = useState(false);
  const hasEntries = useLiveQuery(() => (definition ? metricHasEntries(db, definition.id) : false), [db, definition?.id]);
  const builtinName = definition?.builtin ? t(`metrics.builtin.${definition.builtin}`) : null;
  const builtinUnit = definition?.builtin ? t(`metrics.builtinUnit.${definition.builtin}`) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      const draft = { name, unit, period };
      const result = definition ? await updateMetric(db, definition.id, draft, text.name, writeInstant()) : await addMetric(db, draft, text.name, writeInstant());
      if (!result.ok) {
        setErrors(result.errors);
        return;
      }
      show({ message: t(definition ? 'metrics.definitions.saved' : 'metrics.definitions.added', { metric: text.name(result.definition) }), tone: 'success' });
      onClose();
    } catch (error) {
      reportWriteError(error);
    } finally {
      setSaving(false);
    }
  };

  const error = (key: string | undefined) => (key ? t(key as 'metrics.error.nameRequired', { max: key.includes('unit') ? METRIC_UNIT_MAX : METRIC_NAME_MAX }) : null);

  return (
    <Dialog open title={t(definition ? 'metrics.definitions.editTitle' : 'metrics.definitions.addTitle')} onClose={onClose} wide>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('metrics.definitions.name')} hint={builtinName ? t('metrics.definitions.builtinNameHint', { name: builtinName }) : undefined} error={error(errors.name)}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              className="input"
              value={name}
              placeholder={builtinName ?? t('metrics.definitions.namePlaceholder')}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              maxLength={METRIC_NAME_MAX + 20}
              onChange={(event) => {
                setName(event.target.value);
                setErrors((e) => ({ ...e, name: undefined }));
              }}
            />
          )}
        </Field>
        <div className="form-row">
          <Field label={t('metrics.definitions.unit')} hint={builtinUnit ? t('metrics.definitions.builtinUnitHint', { unit: builtinUnit }) : t('metrics.definitions.unitHint')} error={error(errors.unit)}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                className="input"
                value={unit}
                placeholder={builtinUnit ?? ''}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(event) => {
                  setUnit(event.target.value);
                  setErrors((e) => ({ ...e, unit: undefined }));
                }}
              />
            )}
          </Field>
          <Field label={t('metrics.definitions.period')} hint={hasEntries ? t('metrics.definitions.periodLocked') : t('metrics.definitions.periodHint')} error={error(errors.period)}>
            {({ id, describedBy, invalid }) => (
              <select
                id={id}
                className="input"
                value={period}
                disabled={Boolean(hasEntries)}
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                onChange={(event) => setPeriod(event.target.value as MetricPeriod)}
              >
                <option value="week">{t('metrics.definitions.weekly')}</option>
                <option value="month">{t('metrics.definitions.monthly')}</option>
              </select>
            )}
          </Field>
        </div>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" disabled={saving}>
            {t(definition ? 'metrics.definitions.save' : 'metrics.definitions.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

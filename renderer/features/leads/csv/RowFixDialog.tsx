import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { convertRecord, rowText, type ConvertContext, type IssueField, type RowEdit, type RowIssue } from '../../../../shared/csv/convert';
import type { CsvRecord } from '../../../../shared/csv/parse';
import { SOURCE_IDS, type Initiative, type SourceId } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { useCsvImport } from './importStore';
import type { CheckedRow } from './useImportCheck';
import { useIssueText } from './useIssueText';

type TextField = 'company' | 'person' | 'title' | 'email' | 'phone' | 'sourceDetail' | 'value' | 'createdAt';
const TEXT_FIELDS: TextField[] = ['company', 'person', 'title', 'email', 'phone', 'sourceDetail', 'value', 'createdAt'];

/**
 * Fixing one row without leaving the app: the row's values as the file has them (or as already
 * fixed), checked with the same rules before they are applied. The file itself is not changed.
 */
export function RowFixDialog({
  row,
  record,
  ctx,
  edit,
  initiatives,
  lineLabel,
  onClose,
}: {
  row: CheckedRow;
  record: CsvRecord;
  ctx: ConvertContext;
  edit: RowEdit | undefined;
  initiatives: Initiative[];
  lineLabel: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const setEdit = useCsvImport((s) => s.setEdit);
  const issueText = useIssueText();
  // What the file says for this row (through the current mapping), and the form's values: the
  // file's, with the user's earlier fixes on top. Only what differs from the file is kept as a fix,
  // so a later change of the mapping still reaches every field the user did not touch.
  const [fileValues] = useState<Required<RowEdit>>(() => {
    const text = rowText(record, ctx);
    const fromFile = convertRecord(record, row.index, ctx).draft;
    return {
      company: text.company,
      person: text.person,
      title: text.title,
      email: text.email,
      phone: text.phone,
      source: fromFile.source,
      sourceDetail: fromFile.sourceDetail ?? '',
      initiativeId: fromFile.initiativeId ?? '',
      value: text.value,
      createdAt: text.createdAt,
      note: fromFile.note ?? '',
    };
  });
  const [values, setValues] = useState<Required<RowEdit>>(() => ({ ...fileValues, ...edit }));
  const [issues, setIssues] = useState<RowIssue[]>(row.issues);

  const errorOf = (field: IssueField) => {
    const found = issues.filter((i) => i.field === field || (i.field === 'name' && (field === 'company' || field === 'person')));
    return found.length ? found.map((i) => issueText(i, false)).join(' ') : null;
  };
  const set = <K extends keyof RowEdit>(key: K, value: Required<RowEdit>[K]) => setValues((v) => ({ ...v, [key]: value }));

  const apply = () => {
    const changed = Object.fromEntries(Object.entries(values).filter(([key, value]) => fileValues[key as keyof RowEdit] !== value)) as RowEdit;
    // A row whose initiative name is unknown keeps that error unless the user picks one (or none).
    if (!('initiativeId' in changed) && row.issues.some((i) => i.field === 'initiative')) changed.initiativeId = values.initiativeId;
    const checked = convertRecord(record, row.index, ctx, changed);
    if (checked.issues.length) {
      setIssues(checked.issues);
      return;
    }
    setEdit(row.index, Object.keys(changed).length ? changed : null);
    onClose();
  };

  const rowIssues = issues.filter((i) => i.field === 'row');

  return (
    <Dialog open title={t('leadCsv.edit.title', { line: lineLabel })} description={t('leadCsv.edit.intro')} onClose={onClose} wide>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        {rowIssues.map((issue, i) => (
          <p key={i} className="csv-alert csv-alert--error" role="alert">
            {issueText(issue)}
          </p>
        ))}
        <div className="form-row">
          {TEXT_FIELDS.slice(0, 2).map((field) => (
            <TextInput key={field} label={t(`leadCsv.mapping.field.${field}`)} value={values[field]} error={errorOf(field)} onChange={(v) => set(field, v)} />
          ))}
        </div>
        <div className="form-row">
          {TEXT_FIELDS.slice(2, 5).map((field) => (
            <TextInput key={field} label={t(`leadCsv.mapping.field.${field}`)} value={values[field]} error={errorOf(field)} onChange={(v) => set(field, v)} />
          ))}
        </div>
        <div className="form-row">
          <Field label={t('leadCsv.mapping.field.source')} error={errorOf('source')}>
            {({ id, describedBy }) => (
              <select id={id} className="input" aria-describedby={describedBy} value={values.source} onChange={(e) => set('source', e.target.value as SourceId)}>
                {SOURCE_IDS.map((source) => (
                  <option key={source} value={source}>
                    {t(`leads.source.${source}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextInput label={t('leadCsv.mapping.field.sourceDetail')} value={values.sourceDetail} error={errorOf('sourceDetail')} onChange={(v) => set('sourceDetail', v)} />
          <Field label={t('leadCsv.mapping.field.initiative')} error={errorOf('initiative')}>
            {({ id, describedBy, invalid }) => (
              <select id={id} className="input" aria-describedby={describedBy} aria-invalid={invalid || undefined} value={values.initiativeId} onChange={(e) => set('initiativeId', e.target.value)}>
                <option value="">{t('leadCsv.edit.noInitiative')}</option>
                {initiatives.map((initiative) => (
                  <option key={initiative.id} value={initiative.id}>
                    {initiative.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-row">
          <TextInput label={t('leadCsv.mapping.field.value')} value={values.value} error={errorOf('value')} onChange={(v) => set('value', v)} />
          <TextInput label={t('leadCsv.mapping.field.createdAt')} value={values.createdAt} error={errorOf('createdAt')} onChange={(v) => set('createdAt', v)} hint={t('leadCsv.edit.createdHint')} />
        </div>
        <Field label={t('leadCsv.mapping.field.note')} error={errorOf('note')}>
          {({ id, describedBy, invalid }) => (
            <textarea id={id} className="input csv-textarea" rows={3} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={values.note} onChange={(e) => set('note', e.target.value)} />
          )}
        </Field>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {edit ? (
            <Button
              onClick={() => {
                setEdit(row.index, null);
                onClose();
              }}
            >
              {t('leadCsv.edit.reset')}
            </Button>
          ) : null}
          <Button type="submit" variant="primary">
            {t('leadCsv.edit.apply')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function TextInput({ label, value, error, hint, onChange }: { label: string; value: string; error: string | null; hint?: string; onChange: (value: string) => void }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input id={id} className="input" value={value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

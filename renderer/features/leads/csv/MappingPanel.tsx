import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, lacksNameColumn, type ImportField } from '../../../../shared/csv/mapping';
import { cellText } from '../../../../shared/csv/text';
import { SOURCE_IDS, type SourceId } from '../../../../shared/domain/model';
import type { Currency } from '../../../../shared/domain/model/settings';
import { Field } from '../../../components/Field';
import { useCsvImport, type ImportChoices, type LoadedFile } from './importStore';

const NAME_FIELDS = new Set<ImportField>(['company', 'person']);
const HINTED = new Set<ImportField>(['department', 'personSecond', 'source', 'initiative', 'value', 'createdAt']);

/** One example value per column: the first non-empty cell, so a column named "A" still says what it holds. */
function samples(file: LoadedFile): string[] {
  const out = file.table.headers.map(() => '');
  let missing = out.length;
  for (const record of file.table.records) {
    record.cells.forEach((cell, i) => {
      if (out[i] === '' && i < out.length) {
        const text = cellText(cell).replace(/\s+/g, ' ');
        if (text) {
          out[i] = text.length > 24 ? `${text.slice(0, 23)}…` : text;
          missing--;
        }
      }
    });
    if (missing <= 0) break;
  }
  return out;
}

export function MappingPanel({
  file,
  choices,
  currency,
  columnName,
  hasUnimportedColumns,
}: {
  file: LoadedFile;
  choices: ImportChoices;
  currency: Currency;
  columnName: (index: number) => string;
  hasUnimportedColumns: boolean;
}) {
  const { t } = useTranslation();
  const setMapping = useCsvImport((s) => s.setMapping);
  const choose = useCsvImport((s) => s.choose);
  const examples = samples(file);
  const noName = lacksNameColumn(choices.mapping);

  const optionLabel = (index: number) => {
    const name = file.table.headers[index] || columnName(index);
    return examples[index] ? t('leadCsv.mapping.option', { name, sample: examples[index] }) : name;
  };

  return (
    <section className="csv-section" aria-labelledby="csv-mapping-title">
      <h3 id="csv-mapping-title">{t('leadCsv.mapping.title')}</h3>
      <p className="muted">{t('leadCsv.mapping.intro')}</p>
      {noName ? (
        <p id="csv-no-name" className="csv-alert csv-alert--error" role="alert">
          {t('leadCsv.mapping.noName')}
        </p>
      ) : null}
      <div className="csv-mapping">
        {IMPORT_FIELDS.map((field) => (
          <Field
            key={field}
            label={t(`leadCsv.mapping.field.${field}`)}
            hint={HINTED.has(field) ? t(`leadCsv.mapping.hint.${field as 'department'}`, { currency }) : undefined}
          >
            {({ id, describedBy }) => (
              <select
                id={id}
                className="input"
                aria-describedby={[describedBy, noName && NAME_FIELDS.has(field) ? 'csv-no-name' : null].filter(Boolean).join(' ') || undefined}
                aria-invalid={(noName && NAME_FIELDS.has(field)) || undefined}
                value={choices.mapping[field] ?? ''}
                onChange={(e) => setMapping(field, e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('leadCsv.mapping.notImported')}</option>
                {file.table.headers.map((_, index) => (
                  <option key={index} value={index}>
                    {optionLabel(index)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
      <div className="csv-mapping csv-mapping--options">
        <Field
          label={t('leadCsv.mapping.defaultSource')}
          hint={file.businessCards ? t('leadCsv.mapping.businessCards', { source: t('leads.source.trade-show') }) : t('leadCsv.mapping.defaultSourceHint')}
        >
          {({ id, describedBy }) => (
            <select id={id} className="input" aria-describedby={describedBy} value={choices.defaultSource} onChange={(e) => choose({ defaultSource: e.target.value as SourceId })}>
              {SOURCE_IDS.map((source) => (
                <option key={source} value={source}>
                  {t(`leads.source.${source}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="csv-check">
          <input
            id="csv-other-columns"
            type="checkbox"
            checked={choices.otherColumnsToNote}
            onChange={(e) => choose({ otherColumnsToNote: e.target.checked })}
            aria-describedby="csv-other-columns-hint"
          />
          <div>
            <label htmlFor="csv-other-columns">{t('leadCsv.mapping.otherColumnsToNote')}</label>
            <p id="csv-other-columns-hint" className="field__hint">
              {t('leadCsv.mapping.otherColumnsHint')}
            </p>
          </div>
        </div>
      </div>
      {hasUnimportedColumns ? <p className="csv-alert csv-alert--info">{t('leadCsv.mapping.notImportedColumns')}</p> : null}
    </section>
  );
}

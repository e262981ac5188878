import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssueField, RowIssue } from '../../../../shared/csv/convert';
import type { Initiative } from '../../../../shared/domain/model';
import type { Currency, Language } from '../../../../shared/domain/model/settings';
import { Button } from '../../../components/Button';
import { formatDate, formatMoney, formatNumber, formatTime } from '../../../i18n/format';
import { useCsvImport, type ImportChoices, type PreviewFilter } from './importStore';
import { PREVIEW_ROWS, rowFate, type ImportCounts } from './rows';
import type { CheckedRow } from './useImportCheck';
import { useIssueText } from './useIssueText';

const FILTERS: PreviewFilter[] = ['all', 'errors', 'duplicates'];

/** The rows as they will be saved, with each row's errors and duplicate flag in the user's language. */
export function PreviewTable({
  fileName,
  rows,
  counts,
  choices,
  initiatives,
  language,
  currency,
  timeZone,
  onFix,
}: {
  fileName: string;
  rows: CheckedRow[];
  counts: ImportCounts;
  choices: ImportChoices;
  initiatives: Initiative[];
  language: Language;
  currency: Currency;
  timeZone: string;
  onFix: (row: CheckedRow) => void;
}) {
  const { t } = useTranslation();
  const filter = useCsvImport((s) => s.filter);
  const setFilter = useCsvImport((s) => s.setFilter);
  const issueText = useIssueText();
  const names = useMemo(() => new Map(initiatives.map((i) => [i.id, i.name])), [initiatives]);
  const n = (value: number) => formatNumber(value, language, 0);

  const matching = useMemo(() => {
    const wanted = (row: CheckedRow) => (filter === 'errors' ? row.issues.length > 0 : filter === 'duplicates' ? row.duplicate !== null : true);
    const out: CheckedRow[] = [];
    let total = 0;
    for (const row of rows) {
      if (!wanted(row)) continue;
      total++;
      if (out.length < PREVIEW_ROWS) out.push(row);
    }
    return { shown: out, total };
  }, [rows, filter]);

  const filterLabel = (f: PreviewFilter) =>
    f === 'all' ? t('leadCsv.preview.all') : f === 'errors' ? t('leadCsv.preview.withErrors', { n: n(counts.errors) }) : t('leadCsv.preview.duplicates', { n: n(counts.duplicates) });

  const status = (row: CheckedRow) => {
    const fate = rowFate(row, choices);
    const by = row.duplicate ? t(`leadCsv.preview.by.${row.duplicate.by}`) : '';
    const duplicate = row.duplicate
      ? row.duplicate.of === 'existing'
        ? t('leadCsv.preview.duplicateExisting', { by })
        : t('leadCsv.preview.duplicateFile', { by, line: n(row.duplicate.line) })
      : null;
    return { fate, duplicate };
  };

  /** A cell with its main text and, below it, a second field (title under person, phone under email). */
  const cell = (row: CheckedRow, fields: IssueField[], text: string | undefined, second?: string, numeric = false) => {
    const invalid = row.issues.some((i) => fields.includes(i.field) || (i.field === 'name' && (fields.includes('company') || fields.includes('person'))));
    const classes = ['csv-cell', numeric ? 'num' : '', invalid ? 'csv-cell--invalid' : ''].filter(Boolean).join(' ');
    const full = [text, second].filter(Boolean).join('\n');
    return (
      <td className={classes} title={full.length > 24 ? full : undefined}>
        {text || (second ? null : <span className="muted">—</span>)}
        {second ? <span className="csv-note">{second}</span> : null}
      </td>
    );
  };

  const created = (instant: number | undefined) => (instant === undefined ? undefined : `${formatDate(instant, language, timeZone)} ${formatTime(instant, language, timeZone)}`);

  return (
    <section className="csv-section" aria-labelledby="csv-preview-title">
      <div className="csv-preview__head">
        <h3 id="csv-preview-title">{t('leadCsv.preview.title')}</h3>
        <fieldset className="csv-segmented">
          <legend className="visually-hidden">{t('leadCsv.preview.show')}</legend>
          {FILTERS.map((f) => (
            <label key={f} className={filter === f ? 'csv-segmented__option csv-segmented__option--active' : 'csv-segmented__option'}>
              <input type="radio" name="csv-preview-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
              {filterLabel(f)}
            </label>
          ))}
        </fieldset>
        <p className="muted csv-preview__first">{t('leadCsv.preview.first', { shown: n(matching.shown.length), total: n(matching.total) })}</p>
      </div>
      {matching.shown.length === 0 ? (
        <p className="csv-empty">{t('leadCsv.preview.none')}</p>
      ) : (
        // No tabIndex needed: keyboard users scroll it with the arrow keys from the Fix buttons inside.
        <div className="csv-scroll" role="region" aria-labelledby="csv-preview-title">
          <table className="csv-table">
            <caption className="visually-hidden">{t('leadCsv.preview.caption', { name: fileName })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('leadCsv.preview.line')}
                </th>
                <th scope="col" className="csv-table__status">
                  {t('leadCsv.preview.status')}
                </th>
                <th scope="col">{t('leadCsv.mapping.field.company')}</th>
                <th scope="col">{t('leadCsv.preview.personTitle')}</th>
                <th scope="col">{t('leadCsv.preview.contact')}</th>
                <th scope="col">{t('leadCsv.mapping.field.source')}</th>
                <th scope="col">{t('leadCsv.mapping.field.initiative')}</th>
                <th scope="col" className="num">
                  {t('leadCsv.mapping.field.value')}
                </th>
                <th scope="col">{t('leadCsv.mapping.field.createdAt')}</th>
                <th scope="col">{t('leadCsv.mapping.field.note')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('leadCsv.preview.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {matching.shown.map((row) => {
                const { fate, duplicate } = status(row);
                const d = row.draft;
                return (
                  <tr key={row.index} className={`csv-row csv-row--${fate}`}>
                    <th scope="row" className="num">
                      {n(row.line)}
                    </th>
                    <td className="csv-table__status">
                      <span className={`csv-tag csv-tag--${fate}`}>
                        {fate === 'import' ? t('leadCsv.preview.ok') : fate === 'skipped' ? t('leadCsv.preview.skipped') : fate === 'excluded' ? t('leadCsv.preview.excluded') : t('leadCsv.preview.errorTag')}
                      </span>
                      {row.edited ? <span className="csv-tag csv-tag--edited">{t('leadCsv.preview.edited')}</span> : null}
                      {duplicate ? <span className="csv-note">{duplicate}</span> : null}
                      {row.issues.length ? (
                        <ul className="csv-issues">
                          {row.issues.map((issue: RowIssue, i) => (
                            <li key={i}>{issueText(issue)}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                    {cell(row, ['company'], d.company)}
                    {cell(row, ['person', 'title'], d.person, d.title)}
                    {cell(row, ['email', 'phone'], d.email, d.phone)}
                    <td className="csv-cell">
                      {t(`leads.source.${d.source}`)}
                      {row.sourceGuessed ? <span className="muted"> ({t('leadCsv.preview.guessed')})</span> : null}
                      {d.sourceDetail ? <span className="csv-note">{d.sourceDetail}</span> : null}
                    </td>
                    {cell(row, ['initiative'], d.initiativeId ? names.get(d.initiativeId) : undefined)}
                    {cell(row, ['value'], d.value !== undefined ? formatMoney(d.value, currency, language) : undefined, undefined, true)}
                    {cell(row, ['createdAt'], created(d.createdAt))}
                    {cell(row, ['note'], d.note)}
                    <td>
                      <Button variant="ghost" onClick={() => onFix(row)} aria-label={t('leadCsv.preview.fixRow', { line: n(row.line) })}>
                        {t('leadCsv.preview.fix')}
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

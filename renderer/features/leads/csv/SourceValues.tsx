import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { distinctValues } from '../../../../shared/csv/convert';
import { SOURCE_IDS, type SourceId } from '../../../../shared/domain/model';
import { formatNumber } from '../../../i18n/format';
import type { Language } from '../../../../shared/domain/model/settings';
import { useCsvImport, type ImportChoices, type LoadedFile } from './importStore';
import { SOURCE_MATCHER } from './matcher';

/** A source column is usually a short list; free text beyond this many texts takes its guess. */
const SHOWN = 30;

/** Each distinct source text of the file, what it is read as, and a select to change that. */
export function SourceValues({ file, choices, language }: { file: LoadedFile; choices: ImportChoices; language: Language }) {
  const { t } = useTranslation();
  const choose = useCsvImport((s) => s.choose);
  const column = choices.mapping.source;
  const values = useMemo(() => (column === null ? [] : distinctValues(file.table.records, column)), [file, column]);
  if (column === null || values.length === 0) return null;

  const setChoice = (text: string, source: SourceId) => choose({ sourceChoices: { ...choices.sourceChoices, [text]: source } });

  return (
    <section className="csv-section" aria-labelledby="csv-sources-title">
      <h3 id="csv-sources-title">{t('leadCsv.sourceValues.title')}</h3>
      <p className="muted">{t('leadCsv.sourceValues.intro')}</p>
      <div className="csv-sources">
        <table className="csv-table csv-table--compact">
          <thead>
            <tr>
              <th scope="col">{t('leadCsv.sourceValues.text')}</th>
              <th scope="col" className="num">
                {t('leadCsv.sourceValues.rows')}
              </th>
              <th scope="col">{t('leadCsv.sourceValues.source')}</th>
            </tr>
          </thead>
          <tbody>
            {values.slice(0, SHOWN).map(({ text, count }) => {
              const guess = SOURCE_MATCHER.guess(text);
              const chosen = choices.sourceChoices[text] ?? guess?.source ?? choices.defaultSource;
              const state = choices.sourceChoices[text] ? null : guess ? (guess.exact ? 'exact' : 'guess') : 'unknown';
              return (
                <tr key={text}>
                  <th scope="row" className="csv-sources__text">
                    {text}
                  </th>
                  <td className="num">{formatNumber(count, language, 0)}</td>
                  <td>
                    <div className="csv-sources__choice">
                      <select className="input" aria-label={t('leadCsv.sourceValues.select', { text })} value={chosen} onChange={(e) => setChoice(text, e.target.value as SourceId)}>
                        {SOURCE_IDS.map((source) => (
                          <option key={source} value={source}>
                            {t(`leads.source.${source}`)}
                          </option>
                        ))}
                      </select>
                      {state ? <span className={`csv-tag csv-tag--${state}`}>{t(`leadCsv.sourceValues.${state}`)}</span> : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {values.length > SHOWN ? <p className="muted">{t('leadCsv.sourceValues.more', { n: formatNumber(values.length - SHOWN, language, 0) })}</p> : null}
    </section>
  );
}

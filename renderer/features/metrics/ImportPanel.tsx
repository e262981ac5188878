/**
 * CSV import of metric values: pick, drop or paste a file; every line is checked and shown with
 * what is wrong with it; unknown metric names are mapped to a metric or created; values that
 * meet a stored value or each other (same metric, same week or month) are replaced or added as
 * the user chooses. Nothing is written until every line is valid, and then all in one
 * transaction, with Undo.
 */
import { useDeferredValue, useMemo, useRef, useState, type DragEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { mergeMetricRows, type MetricDuplicate } from '../../../shared/domain/metrics';
import type { MetricDefinition, MetricPeriod } from '../../../shared/domain/model';
import { normalizeMetricName, parseMetricCsv, resolveMetricCsv, unknownMetricNames, type MetricCsvRow } from '../../../shared/metric-csv';
import { Button } from '../../components/Button';
import { useDb, useLanguage, useSettings } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { entriesForKeys, importMetricRows, METRIC_NAME_MAX, undoMetricWrite, validateMetricDraft } from '../../db/metrics';
import { formatNumber } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { readCsvFile } from './csv-file';
import { useMetricsUi, type NameMapping } from './metrics-ui';
import { formatKeyLong } from './periods';
import { metricFinder, useMetricDefinitions, useMetricText, writeInstant } from './use-metrics';

const SHOWN_ERROR_ROWS = 200;
const SHOWN_OK_ROWS = 50;

export function ImportPanel() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const settings = useSettings();
  const show = useToasts((s) => s.show);
  const text = useMetricText();
  const { importText, importFileName, importMappings, importMode, setImport, resetImport, setTab } = useMetricsUi();
  const definitions = useMetricDefinitions();
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ created: number; updated: number } | null>(null);
  // The preview follows the text a moment behind, so typing in a long file stays smooth.
  const source = useDeferredValue(importText);

  const parsed = useMemo(() => (source.trim() ? parseMetricCsv(source) : null), [source]);
  const lines = useMemo(() => (parsed?.ok ? parsed.lines : []), [parsed]);
  const known = useMemo(() => (definitions ? metricFinder(definitions, text.name) : () => undefined), [definitions, text.name]);
  const unknown = useMemo(() => unknownMetricNames(lines, known), [lines, known]);

  // The metrics the user asked to create, as they will be stored.
  const created = useMemo(() => {
    const result = new Map<string, MetricDefinition>();
    for (const { name } of unknown) {
      const mapping = importMappings[normalizeMetricName(name)];
      if (mapping?.type === 'new') result.set(normalizeMetricName(name), { id: mapping.id, name, unit: mapping.unit.trim(), period: mapping.period, archived: 0, order: 0, createdAt: 0 });
    }
    return result;
  }, [unknown, importMappings]);

  const find = useMemo(() => {
    return (name: string): MetricDefinition | undefined => {
      const found = known(name);
      if (found) return found;
      const mapping = importMappings[normalizeMetricName(name)];
      if (mapping?.type === 'existing') return definitions?.find((d) => d.id === mapping.metricId);
      if (mapping?.type === 'new') return created.get(normalizeMetricName(name));
      return undefined;
    };
  }, [known, importMappings, definitions, created]);

  const rows = useMemo(() => resolveMetricCsv(lines, { findMetric: find, weekStartsOn: settings.weekStartsOn }), [lines, find, settings.weekStartsOn]);
  const valid = useMemo(() => rows.filter((row) => row.errors.length === 0), [rows]);
  const invalid = rows.length - valid.length;
  const keys = useMemo(() => valid.map((row) => [row.definition!.id, row.period!] as const), [valid]);
  const existing = useLiveQuery(() => entriesForKeys(db, keys), [db, keys]);
  const duplicates = useMemo(() => {
    if (!existing) return [];
    const incoming = valid.map((row) => ({ metricId: row.definition!.id, period: row.period!, value: row.parsed! }));
    return mergeMetricRows<{ metricId: string; period: string; value: number }>(existing, incoming, 'add').duplicates;
  }, [existing, valid]);

  const newNameErrors = useMemo(() => {
    const errors = new Map<string, string>();
    if (!definitions) return errors;
    for (const [key, definition] of created) {
      const others = [...definitions, ...[...created.values()].filter((d) => d !== definition)];
      const error = validateMetricDraft({ name: definition.name ?? '', unit: definition.unit, period: definition.period }, others, text.name).name;
      if (error) errors.set(key, error);
    }
    return errors;
  }, [created, definitions, text.name]);

  if (!definitions) return <div className="metric-grid-placeholder" aria-busy="true" />;

  const unmapped = unknown.filter(({ name }) => !importMappings[normalizeMetricName(name)]).length;
  const needsMode = duplicates.length > 0 && importMode === null;
  const blocked = !parsed?.ok || valid.length === 0 || invalid > 0 || unmapped > 0 || needsMode || newNameErrors.size > 0 || existing === undefined;
  const reason = !parsed?.ok
    ? null
    : unmapped > 0
      ? t('metrics.import.blockedUnknown', { count: unmapped })
      : invalid > 0
        ? t('metrics.import.blockedErrors', { count: invalid })
        : newNameErrors.size > 0
          ? t('metrics.import.blockedNewName')
          : needsMode
            ? t('metrics.import.blockedMode')
            : valid.length === 0
              ? t('metrics.import.blockedEmpty')
              : null;

  const loadFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await readCsvFile(file);
    if (!result.ok) return show({ message: t(result.error, { name: file.name }), tone: 'error' });
    setDone(null);
    setImport({ importText: result.text, importFileName: result.name, importMappings: {}, importMode: null });
  };

  const setMapping = (name: string, mapping: NameMapping | null) => {
    const next = { ...importMappings };
    if (mapping) next[normalizeMetricName(name)] = mapping;
    else delete next[normalizeMetricName(name)];
    setImport({ importMappings: next });
  };

  const runImport = async () => {
    if (blocked || busy) return;
    setBusy(true);
    try {
      const result = await importMetricRows(
        db,
        {
          rows: valid.map((row) => ({ metricId: row.definition!.id, period: row.period!, value: row.parsed! })),
          newDefinitions: [...created.values()].filter((d) => valid.some((row) => row.definition?.id === d.id)).map((d) => ({ id: d.id, name: d.name ?? '', unit: d.unit, period: d.period })),
          mode: importMode ?? 'replace',
        },
        writeInstant(),
      );
      resetImport();
      setDone({ created: result.created, updated: result.updated });
      show({
        message: t('metrics.import.done', { count: result.created + result.updated, created: result.created, updated: result.updated }),
        tone: 'success',
        action: {
          label: t('common.undo'),
          run: () =>
            undoMetricWrite(db, result.undo).then(({ skipped }) => {
              setDone(null);
              show({ message: skipped ? t('metrics.grid.undoSkipped', { count: skipped }) : t('metrics.import.undone'), tone: 'info' });
            }, reportWriteError),
        },
      });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    void loadFile(event.dataTransfer.files[0]);
  };

  const errorRows = rows.filter((row) => row.errors.length > 0);
  const shownRows = [...errorRows.slice(0, SHOWN_ERROR_ROWS), ...valid.slice(0, SHOWN_OK_ROWS)];
  const nameOf = (row: MetricCsvRow) => (row.definition ? text.name(row.definition) : row.metric);
  const periodLabel = (row: MetricCsvRow) =>
    row.period && row.definition ? t(row.definition.period === 'week' ? 'metrics.import.weekOf' : 'metrics.import.monthOf', { period: formatKeyLong(row.period, row.definition.period, language) }) : '—';
  const duplicateName = (d: MetricDuplicate) => {
    const definition = definitions.find((x) => x.id === d.metricId) ?? [...created.values()].find((x) => x.id === d.metricId);
    return definition ? text.name(definition) : d.metricId;
  };
  const periodOfDuplicate = (d: MetricDuplicate): MetricPeriod =>
    (definitions.find((x) => x.id === d.metricId) ?? [...created.values()].find((x) => x.id === d.metricId))?.period ?? 'week';

  return (
    <div className="metric-import" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
      <section className="card metric-import__source" aria-labelledby="metric-import-source">
        <h2 id="metric-import-source">{t('metrics.import.sourceTitle')}</h2>
        <p className="muted">{t('metrics.import.formatHint')}</p>
        <div className="button-row">
          <Button onClick={() => fileInput.current?.click()}>{t('metrics.import.chooseFile')}</Button>
          {importText ? (
            <Button variant="ghost" onClick={() => resetImport()}>
              {t('metrics.import.clear')}
            </Button>
          ) : null}
          {importFileName ? <span className="muted metric-import__file">{importFileName}</span> : null}
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            void loadFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <label className="field__label" htmlFor="metric-import-text">
          {t('metrics.import.pasteLabel')}
        </label>
        <textarea
          id="metric-import-text"
          className="input metric-import__text"
          value={importText}
          rows={7}
          spellCheck={false}
          wrap="off"
          placeholder={t('metrics.import.placeholder')}
          onChange={(event) => {
            setDone(null);
            setImport({ importText: event.target.value, importFileName: null });
          }}
        />
        {parsed && !parsed.ok ? (
          <p className="field__error" role="alert">
            {t(parsed.error, { columns: parsed.columns?.join(', ') ?? '', max: formatNumber(100_000, language) })}
          </p>
        ) : null}
      </section>

      {done ? (
        <section className="card metric-import__done" aria-labelledby="metric-import-done">
          <h2 id="metric-import-done">{t('metrics.import.doneTitle')}</h2>
          <p>{t('metrics.import.done', { count: done.created + done.updated, created: done.created, updated: done.updated })}</p>
          <Button variant="primary" onClick={() => setTab('overview')}>
            {t('metrics.import.seeOverview')}
          </Button>
        </section>
      ) : null}

      {unknown.length > 0 ? (
        <section className="card" aria-labelledby="metric-import-unknown">
          <h2 id="metric-import-unknown">{t('metrics.import.unknownTitle')}</h2>
          <p className="muted">{t('metrics.import.unknownHint')}</p>
          <ul className="metric-import__mappings">
            {unknown.map(({ name, rows: count }) => {
              const key = normalizeMetricName(name);
              const mapping = importMappings[key];
              const selectId = `metric-map-${key.replace(/[^a-z0-9]/g, '_')}-${count}`;
              const value = !mapping ? '' : mapping.type === 'new' ? '__new' : mapping.metricId;
              return (
                <li key={key} className="metric-import__mapping">
                  <label htmlFor={selectId} className="field__label">
                    {t('metrics.import.mapLabel', { name })}
                  </label>
                  <span className="muted">{t('metrics.import.rowCount', { count })}</span>
                  <select
                    id={selectId}
                    className="input"
                    value={value}
                    onChange={(event) => {
                      const choice = event.target.value;
                      if (choice === '') setMapping(name, null);
                      else if (choice === '__new') setMapping(name, { type: 'new', id: crypto.randomUUID(), period: 'week', unit: '' });
                      else setMapping(name, { type: 'existing', metricId: choice });
                    }}
                  >
                    <option value="">{t('metrics.import.mapChoose')}</option>
                    <optgroup label={t('metrics.import.mapExisting')}>
                      {definitions.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.archived ? t('metrics.import.archivedOption', { metric: text.name(d) }) : text.name(d)}
                        </option>
                      ))}
                    </optgroup>
                    <option value="__new">{t('metrics.import.mapNew', { name: name.slice(0, METRIC_NAME_MAX) })}</option>
                  </select>
                  {mapping?.type === 'new' ? (
                    <div className="metric-import__new">
                      <label>
                        <span className="field__label">{t('metrics.definitions.period')}</span>
                        <select
                          className="input"
                          value={mapping.period}
                          onChange={(event) => setMapping(name, { ...mapping, period: event.target.value as MetricPeriod })}
                          aria-label={t('metrics.import.newPeriod', { name })}
                        >
                          <option value="week">{t('metrics.definitions.weekly')}</option>
                          <option value="month">{t('metrics.definitions.monthly')}</option>
                        </select>
                      </label>
                      <label>
                        <span className="field__label">{t('metrics.definitions.unit')}</span>
                        <input className="input" value={mapping.unit} onChange={(event) => setMapping(name, { ...mapping, unit: event.target.value })} aria-label={t('metrics.import.newUnit', { name })} />
                      </label>
                      {newNameErrors.get(key) ? (
                        <p className="field__error" role="alert">
                          {t(newNameErrors.get(key) as 'metrics.error.nameTaken', { max: METRIC_NAME_MAX })}
                        </p>
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {parsed?.ok ? (
        <section className="card" aria-labelledby="metric-import-preview">
          <h2 id="metric-import-preview">{t('metrics.import.previewTitle')}</h2>
          <p role="status" className={invalid ? 'metric-import__summary metric-import__summary--errors' : 'metric-import__summary'}>
            {t('metrics.import.summary', { count: rows.length, ready: valid.length, errors: invalid })}
          </p>
          {rows.length > shownRows.length ? <p className="muted">{t('metrics.import.shownRows', { shown: shownRows.length, count: rows.length })}</p> : null}
          <div className="metric-import__preview">
            <table className="metric-table">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('metrics.import.line')}
                  </th>
                  <th scope="col">{t('metrics.import.date')}</th>
                  <th scope="col">{t('metrics.import.metric')}</th>
                  <th scope="col" className="num">
                    {t('metrics.import.value')}
                  </th>
                  <th scope="col">{t('metrics.import.countsFor')}</th>
                  <th scope="col">{t('metrics.import.status')}</th>
                </tr>
              </thead>
              <tbody>
                {shownRows.map((row, index) => (
                  <tr key={`${row.line}-${row.metric}-${index}`} className={row.errors.length ? 'metric-import__row--error' : undefined}>
                    <td className="num">{row.line}</td>
                    <td>{row.date}</td>
                    <td>{nameOf(row)}</td>
                    <td className="num">{row.parsed === null ? row.value : formatNumber(row.parsed, language, 6)}</td>
                    <td>{periodLabel(row)}</td>
                    <td>
                      {row.errors.length ? (
                        <ul className="metric-import__errors">
                          {row.errors.map((error) => (
                            <li key={error.field}>
                              {t(`metrics.import.field.${error.field}`)}
                              {t('metrics.grid.errorSeparator')}
                              {text.error(error.key)}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span className="metric-import__ok">{t('metrics.import.ok')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {duplicates.length > 0 ? (
        <section className="card" aria-labelledby="metric-import-duplicates">
          <h2 id="metric-import-duplicates">{t('metrics.import.duplicatesTitle', { count: duplicates.length })}</h2>
          <p className="muted">{t('metrics.import.duplicatesHint')}</p>
          <fieldset className="metric-import__mode">
            <legend className="field__label">{t('metrics.import.modeLegend')}</legend>
            <label>
              <input type="radio" name="metric-import-mode" value="replace" checked={importMode === 'replace'} onChange={() => setImport({ importMode: 'replace' })} />{' '}
              {t('metrics.import.modeReplace')}
            </label>
            <label>
              <input type="radio" name="metric-import-mode" value="add" checked={importMode === 'add'} onChange={() => setImport({ importMode: 'add' })} /> {t('metrics.import.modeAdd')}
            </label>
          </fieldset>
          <div className="metric-import__preview">
            <table className="metric-table">
              <thead>
                <tr>
                  <th scope="col">{t('metrics.import.metric')}</th>
                  <th scope="col">{t('metrics.import.countsFor')}</th>
                  <th scope="col" className="num">
                    {t('metrics.import.stored')}
                  </th>
                  <th scope="col" className="num">
                    {t('metrics.import.inFile')}
                  </th>
                  <th scope="col" className="num">
                    {t('metrics.import.afterReplace')}
                  </th>
                  <th scope="col" className="num">
                    {t('metrics.import.afterAdd')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {duplicates.slice(0, SHOWN_ERROR_ROWS).map((d) => (
                  <tr key={`${d.metricId}|${d.period}`}>
                    <td>{duplicateName(d)}</td>
                    <td>{formatKeyLong(d.period, periodOfDuplicate(d), language)}</td>
                    <td className="num">{d.existing === undefined ? '—' : formatNumber(d.existing, language, 6)}</td>
                    <td className="num">{d.incoming.map((v) => formatNumber(v, language, 6)).join(' + ')}</td>
                    <td className={importMode === 'replace' ? 'num metric-import__chosen' : 'num'}>{formatNumber(d.incoming[d.incoming.length - 1]!, language, 6)}</td>
                    <td className={importMode === 'add' ? 'num metric-import__chosen' : 'num'}>{formatNumber(d.result, language, 6)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {parsed?.ok ? (
        <div className="metric-import__actions">
          <Button variant="primary" onClick={() => void runImport()} disabled={blocked || busy} aria-describedby={reason ? 'metric-import-reason' : undefined}>
            {t('metrics.import.run', { count: valid.length })}
          </Button>
          {reason ? (
            <p id="metric-import-reason" className="muted">
              {reason}
            </p>
          ) : (
            <p className="muted">{t('metrics.import.allOrNothing')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}


import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { useShallow } from 'zustand/react/shallow';
import type { CsvEncoding } from '../../../../shared/csv/decode';
import { lacksNameColumn, type ImportField } from '../../../../shared/csv/mapping';
import { MAX_IMPORT_ROWS } from '../../../../shared/csv/parse';
import { headerKey } from '../../../../shared/csv/text';
import { Button } from '../../../components/Button';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { existingLeadKeys } from '../../../db/lead-import';
import { currencyFractionDigits, formatNumber } from '../../../i18n/format';
import { leadCsvEn } from '../../../i18n/lead-csv.en';
import { leadCsvJa } from '../../../i18n/lead-csv.ja';
import { FilePicker } from './FilePicker';
import { redoImport, saveImport, undoImport } from './import-actions';
import { MAX_FILE_MB, useCsvImport, type FileProblem } from './importStore';
import { MappingPanel } from './MappingPanel';
import { PreviewTable } from './PreviewTable';
import { RowFixDialog } from './RowFixDialog';
import { countRows, rowFate } from './rows';
import { SourceValues } from './SourceValues';
import { useConvertContext, useImportCheck, type CheckedRow } from './useImportCheck';

const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  shift_jis: 'Shift_JIS',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
};

// The app's own export headers, in both languages, come first in the guess: a file exported here
// imports back without touching the mapping. The source id column beats the label column.
const headers = [leadCsvEn.export.column, leadCsvJa.export.column];
const EXPORT_ALIASES: Partial<Record<ImportField, string[]>> = {
  company: headers.map((h) => h.company),
  person: headers.map((h) => h.person),
  title: headers.map((h) => h.title),
  email: headers.map((h) => h.email),
  phone: headers.map((h) => h.phone),
  source: headers.map((h) => h.sourceId),
  sourceDetail: headers.map((h) => h.sourceDetail),
  initiative: headers.map((h) => h.initiative),
  createdAt: headers.map((h) => h.createdAt),
  note: headers.map((h) => h.note),
};
// Columns of the export that an import cannot bring back (leads start as New).
const UNIMPORTED = new Set(headers.flatMap((h) => [h.stage, h.stageId, h.decisionMoment, h.lossReason, h.expectedCloseAt].map(headerKey)));

const PROBLEM_KEYS: Record<FileProblem, `leadCsv.problem.${'empty' | 'noRows' | 'spreadsheet' | 'binary' | 'unknownEncoding' | 'tooManyRows' | 'tooLarge' | 'readFailed' | 'oneFile'}`> = {
  empty: 'leadCsv.problem.empty',
  'no-rows': 'leadCsv.problem.noRows',
  spreadsheet: 'leadCsv.problem.spreadsheet',
  binary: 'leadCsv.problem.binary',
  'unknown-encoding': 'leadCsv.problem.unknownEncoding',
  'too-many-rows': 'leadCsv.problem.tooManyRows',
  'too-large': 'leadCsv.problem.tooLarge',
  'read-failed': 'leadCsv.problem.readFailed',
  'one-file': 'leadCsv.problem.oneFile',
};

/**
 * Leads in from a CSV file: pick or drop it, check the column mapping and the sources, see every
 * row's errors and duplicates, then import all of them in one transaction (or none).
 */
export function ImportSection() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { currency } = useSettings();
  const { timeZone } = useSystem();
  const { phase, file, choices } = useCsvImport(useShallow((s) => ({ phase: s.phase, file: s.file, choices: s.choices })));
  const { readFile, refuse, cancelReading, discard, choose } = useCsvImport(
    useShallow((s) => ({ readFile: s.readFile, refuse: s.refuse, cancelReading: s.cancelReading, discard: s.discard, choose: s.choose })),
  );
  const inputRef = useRef<HTMLInputElement>(null);
  const [fixing, setFixing] = useState<CheckedRow | null>(null);
  const n = useCallback((value: number) => formatNumber(value, language, 0), [language]);

  const initiatives = useLiveQuery(() => db.initiatives.toArray(), [db]);
  // Only while a file is open: the keys of every saved lead, for the duplicate check.
  const existing = useLiveQuery(() => (file ? existingLeadKeys(db) : undefined), [db, file]);
  const columnName = useCallback((index: number) => t('leadCsv.mapping.unnamedColumn', { n: index + 1 }), [t]);
  const ctx = useConvertContext(file, choices, initiatives, { timeZone, fractionDigits: currencyFractionDigits(currency), columnName });
  const check = useImportCheck(file, ctx, choices?.edits, existing);
  const rows = check.rows;
  const counts = useMemo(() => (rows && choices ? countRows(rows, choices) : null), [rows, choices]);

  const noName = choices ? lacksNameColumn(choices.mapping) : false;
  const checking = check.progress !== null || rows === null;
  const importing = phase.step === 'importing';
  const blockedReason = !counts
    ? t('leadCsv.action.checking')
    : noName
      ? t('leadCsv.action.blockedNoName')
      : checking
        ? t('leadCsv.action.checking')
        : counts.blocked > 0
          ? t('leadCsv.action.blockedErrors', { count: counts.blocked, n: n(counts.blocked) })
          : counts.toImport === 0
            ? t('leadCsv.action.nothing')
            : null;
  const canImport = phase.step === 'ready' && blockedReason === null;

  const onFile = useCallback((picked: File) => void readFile(picked, EXPORT_ALIASES), [readFile]);

  const runImport = useCallback(() => {
    if (!canImport || !rows || !choices || !file) return;
    const drafts = rows.filter((row) => rowFate(row, choices) === 'import').map((row) => row.draft);
    void saveImport(db, drafts, file.name, language);
  }, [canImport, rows, choices, file, db, language]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key.toLowerCase() === 'o') {
        event.preventDefault();
        inputRef.current?.click();
      } else if (event.key === 'Enter' && canImport) {
        event.preventDefault();
        runImport();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canImport, runImport]);

  // A file dropped just beside the drop zone must not make the window open it (and leave the app).
  useEffect(() => {
    const guard = (event: DragEvent) => {
      if (!event.dataTransfer?.types.includes('Files') || event.defaultPrevented) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
    };
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);

  const hasUnimportedColumns = useMemo(() => (file ? file.table.headers.some((h) => UNIMPORTED.has(headerKey(h))) : false), [file]);

  const picker = (compact: boolean) => (
    <FilePicker inputRef={inputRef} onFile={onFile} onManyFiles={() => refuse('', 'one-file')} compact={compact} busy={importing} />
  );

  return (
    <section className="card csv-import" aria-labelledby="csv-import-title">
      <h2 id="csv-import-title">{t('leadCsv.import.title')}</h2>
      <p className="muted csv-intro">{t('leadCsv.import.intro')}</p>

      {phase.step === 'done' ? (
        <div className="csv-alert csv-alert--success csv-done">
          <p>
            {phase.last.removed
              ? t('leadCsv.done.undone', { count: phase.last.removed.leads.length, n: n(phase.last.removed.leads.length) })
              : t('leadCsv.done.imported', { count: phase.last.batch.count, n: n(phase.last.batch.count), name: phase.last.fileName })}
          </p>
          <div className="button-row">
            {phase.last.removed ? (
              <Button onClick={() => void redoImport(db)} disabled={phase.working} aria-busy={phase.working || undefined}>
                {t('leadCsv.done.redo')}
              </Button>
            ) : (
              <>
                <Link href="/list" className="btn btn--secondary">
                  {t('leadCsv.done.view')}
                </Link>
                <Button onClick={() => void undoImport(db, language)} disabled={phase.working} aria-busy={phase.working || undefined}>
                  {t('leadCsv.done.undo')}
                </Button>
              </>
            )}
          </div>
        </div>
      ) : null}

      {phase.step === 'failed' ? (
        <div className="csv-alert csv-alert--error" role="alert">
          <p>
            <strong>{phase.fileName ? `${phase.fileName}: ` : ''}</strong>
            {t(PROBLEM_KEYS[phase.problem], { max: phase.problem === 'too-large' ? n(MAX_FILE_MB) : n(MAX_IMPORT_ROWS), message: phase.message ?? '' })}
          </p>
        </div>
      ) : null}

      {phase.step === 'reading' ? (
        <div className="csv-progress">
          <label htmlFor="csv-read-progress">{t('leadCsv.import.reading', { name: phase.fileName })}</label>
          <progress id="csv-read-progress" max={100} value={Math.round(phase.progress * 100)} />
          <Button onClick={cancelReading}>{t('leadCsv.import.cancel')}</Button>
        </div>
      ) : null}

      {(phase.step === 'idle' || phase.step === 'failed' || phase.step === 'done') && !file ? picker(false) : null}

      {file && choices ? (
        <>
          <div className="csv-file">
            <dl className="csv-file__facts">
              <div>
                <dt>{t('leadCsv.import.file')}</dt>
                <dd>{file.name}</dd>
              </div>
              <div>
                <dt className="visually-hidden">{t('leadCsv.import.encodingLabel')}</dt>
                <dd>{t('leadCsv.import.encoding', { encoding: ENCODING_NAMES[file.encoding] })}</dd>
              </div>
              <div>
                <dt className="visually-hidden">{t('leadCsv.import.rowsLabel')}</dt>
                <dd>{t('leadCsv.import.rows', { count: file.table.records.length, n: n(file.table.records.length) })}</dd>
              </div>
            </dl>
            <div className="button-row">
              {picker(true)}
              <Button variant="ghost" onClick={discard} disabled={importing}>
                {t('leadCsv.import.discard')}
              </Button>
            </div>
          </div>

          <MappingPanel file={file} choices={choices} currency={currency} columnName={columnName} hasUnimportedColumns={hasUnimportedColumns} />
          <SourceValues file={file} choices={choices} language={language} />

          {rows && counts ? (
            <PreviewTable
              fileName={file.name}
              rows={rows}
              counts={counts}
              choices={choices}
              initiatives={initiatives ?? []}
              language={language}
              currency={currency}
              timeZone={timeZone}
              onFix={setFixing}
            />
          ) : null}

          <div className="csv-actions" role="group" aria-label={t('leadCsv.action.group')}>
            {check.progress !== null || rows === null ? (
              <div className="csv-progress csv-progress--inline">
                <label htmlFor="csv-check-progress">{t('leadCsv.import.checking')}</label>
                <progress id="csv-check-progress" max={100} value={Math.round((check.progress ?? 0) * 100)} />
              </div>
            ) : null}
            {counts ? (
              <p className="csv-actions__counts" role="status">
                {t('leadCsv.preview.counts', {
                  rows: t('leadCsv.import.rows', { count: counts.rows, n: n(counts.rows) }),
                  errors: t('leadCsv.preview.errors', { count: counts.errors, n: n(counts.errors) }),
                  duplicates: t('leadCsv.preview.duplicates', { count: counts.duplicates, n: n(counts.duplicates) }),
                })}
              </p>
            ) : null}
            <div className="csv-actions__options">
              {counts && counts.errors > 0 ? (
                <label className="csv-inline-check">
                  <input type="checkbox" checked={choices.excludeErrors} disabled={importing} onChange={(e) => choose({ excludeErrors: e.target.checked })} />
                  {t('leadCsv.options.excludeErrors', { count: counts.errors, n: n(counts.errors) })}
                </label>
              ) : null}
              {counts && counts.duplicates > 0 ? (
                <fieldset className="csv-inline-radios" aria-describedby="csv-duplicates-hint">
                  <legend>{t('leadCsv.options.duplicates')}</legend>
                  {(['skip', 'import'] as const).map((value) => (
                    <label key={value}>
                      <input type="radio" name="csv-duplicates" value={value} checked={choices.duplicates === value} disabled={importing} onChange={() => choose({ duplicates: value })} />
                      {t(value === 'skip' ? 'leadCsv.options.skip' : 'leadCsv.options.importAnyway')}
                    </label>
                  ))}
                  <span id="csv-duplicates-hint" className="visually-hidden">
                    {t('leadCsv.options.duplicatesHint')}
                  </span>
                </fieldset>
              ) : null}
            </div>
            <div className="csv-actions__go">
              {importing ? (
                <div className="csv-progress csv-progress--inline">
                  <label htmlFor="csv-save-progress">{t('leadCsv.action.importing', { count: phase.count, n: n(phase.count) })}</label>
                  <progress id="csv-save-progress" max={phase.count} value={phase.done} />
                </div>
              ) : blockedReason ? (
                <p id="csv-blocked" className={counts && counts.blocked > 0 ? 'csv-actions__reason csv-actions__reason--error' : 'csv-actions__reason'}>
                  {blockedReason}
                </p>
              ) : (
                <p className="csv-actions__reason muted">{t('leadCsv.action.shortcut')}</p>
              )}
              <Button variant="primary" onClick={runImport} disabled={!canImport} aria-describedby={blockedReason ? 'csv-blocked' : undefined} aria-keyshortcuts="Control+Enter">
                {t('leadCsv.action.import', { count: counts?.toImport ?? 0, n: n(counts?.toImport ?? 0) })}
              </Button>
            </div>
          </div>
        </>
      ) : null}

      {fixing && ctx && file && choices ? (
        <RowFixDialog
          row={fixing}
          record={file.table.records[fixing.index]!}
          ctx={ctx}
          edit={choices.edits[fixing.index]}
          initiatives={initiatives ?? []}
          lineLabel={n(fixing.line)}
          onClose={() => setFixing(null)}
        />
      ) : null}
    </section>
  );
}

/**
 * The entry grid: metrics × weeks (or months), typed like a spreadsheet.
 *
 * Keys: Tab / Shift+Tab move across (the browser's own order, row by row); Enter saves and moves
 * down, Shift+Enter up (from the last row to the top of the next column, so a whole week can be
 * typed in one go); the arrow keys move when the caret is at the edge of the text or the whole
 * text is selected (as it is on arrival), Ctrl+arrow always; Escape takes back the typing. A
 * cell saves when it is left. An invalid value is not saved: the cell keeps the typing, marked,
 * with its message below the grid, and the stored value stays as it was. Clearing a cell
 * deletes its value, with Undo. A block pasted from a spreadsheet fills the cells from the one
 * pasted into (blank cells in the block are left alone), with Undo.
 */
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { DERIVED_RATIOS, derivedRatio, entriesByBuiltin, metricPeriodKeyAt, validateMetricValue, type DerivedRatioDefinition } from '../../../shared/domain/metrics';
import type { Language, MetricDefinition, MetricEntry, MetricPeriod } from '../../../shared/domain/model';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { useDb, useLanguage, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { reportWriteError } from '../../app/write-errors';
import { clearMetricValues, entriesForPeriods, saveMetricValues, undoMetricWrite, type MetricCell, type MetricUndo } from '../../db/metrics';
import { formatNumber } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { useMetricsUi, type CellDraft } from './metrics-ui';
import { rateParts } from './rate';
import { alignKey, formatKeyLong, formatKeyShort, keysEndingAt, periodOfKey, shiftKey } from './periods';
import { useMetricDefinitions, useMetricText, writeInstant } from './use-metrics';

const COLUMNS: Record<MetricPeriod, number> = { week: 8, month: 6 };

const cellId = (metricId: string, key: string) => `${metricId}|${key}`;

/** Plain digits for editing: "3200", not "3,200" (the grid shows the grouped form when not editing). */
const editText = (value: number | undefined) => (value === undefined ? '' : String(value));

export function EntryGrid() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = useNow();
  const show = useToasts((s) => s.show);
  const text = useMetricText();
  const { gridPeriod: period, gridEnd, gridDrafts, setGrid, setDrafts, setTab } = useMetricsUi();
  const definitions = useMetricDefinitions();
  const [focused, setFocused] = useState<string | null>(null);
  const table = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // Cells being written: a blur right after Enter must not write (or delete) the same cell twice.
  const typedSinceFocus = useRef(new Set<string>());
  const inFlight = useRef(new Set<string>());

  const thisKey = metricPeriodKeyAt(now, period, timeZone, settings.weekStartsOn);
  const lastKey = gridEnd ? alignKey(gridEnd, period, timeZone, settings.weekStartsOn) : thisKey;
  const keys = useMemo(() => keysEndingAt(lastKey, period, COLUMNS[period]), [lastKey, period]);

  const rows = useMemo(() => definitions?.filter((d) => d.archived === 0 && d.period === period) ?? [], [definitions, period]);
  const ratios = useMemo(() => ratiosFor(definitions ?? [], period), [definitions, period]);
  const readIds = useMemo(() => [...new Set([...rows.map((d) => d.id), ...ratios.flatMap((r) => [r.numerator.id, r.denominator.id])])], [rows, ratios]);
  const entries = useLiveQuery(() => entriesForPeriods(db, keys, readIds), [db, keys.join(), readIds.join()]);

  const valueOf = useMemo(() => {
    const map = new Map<string, MetricEntry>();
    for (const entry of entries ?? []) {
      const id = cellId(entry.metricId, entry.period);
      const seen = map.get(id);
      if (!seen || entry.updatedAt >= seen.updatedAt) map.set(id, entry);
    }
    return map;
  }, [entries]);

  // A saved cell's draft ends once the stored value shows what was saved; it must not linger,
  // or an Undo (which brings back another value) would find the old typing still in force.
  useEffect(() => {
    if (!entries) return;
    const drafts = useMetricsUi.getState().gridDrafts;
    const done = Object.entries(drafts).filter(([id, draft]) => draft.saving && editText(valueOf.get(id)?.value) === draft.text);
    if (done.length) setDrafts(Object.fromEntries(done.map(([id]) => [id, null])));
  }, [entries, valueOf, gridDrafts, setDrafts]);

  // On a narrow window the latest weeks are the ones to see: start scrolled to the right.
  const loaded = Boolean(definitions && entries);
  useEffect(() => {
    const element = scroller.current;
    if (loaded && element) element.scrollLeft = element.scrollWidth;
  }, [loaded, lastKey, period]);

  if (!definitions || !entries) return <div className="metric-grid-placeholder" aria-busy="true" />;

  /** A draft still in force: a saved one ends once the stored value shows what was saved. */
  const liveDraft = (id: string, drafts: Record<string, CellDraft> = gridDrafts): CellDraft | undefined => {
    const draft = drafts[id];
    if (!draft?.saving) return draft;
    return editText(valueOf.get(id)?.value) === draft.text ? undefined : draft;
  };

  const cellLabel = (definition: MetricDefinition, key: string) =>
    t(period === 'week' ? 'metrics.grid.cellWeek' : 'metrics.grid.cellMonth', { metric: text.name(definition), date: formatKeyLong(key, period, language) });

  const undoToast = (message: string, undo: MetricUndo) =>
    show({
      message,
      tone: 'info',
      action: {
        label: t('common.undo'),
        run: () =>
          undoMetricWrite(db, undo).then(({ skipped }) => {
            if (skipped) show({ message: t('metrics.grid.undoSkipped', { count: skipped }), tone: 'info' });
          }, reportWriteError),
      },
    });

  /** Saves (or deletes) a cell's typing. Resolves false when the typing is invalid and stays. */
  const commit = async (definition: MetricDefinition, key: string): Promise<boolean> => {
    const id = cellId(definition.id, key);
    // Read from the store, not from this render: a blur may follow a keystroke in the same tick.
    const draft = liveDraft(id, useMetricsUi.getState().gridDrafts);
    if (!draft || draft.saving || inFlight.current.has(id)) return true;
    const stored = valueOf.get(id);
    if (draft.text.trim() === '') {
      if (!stored) {
        setDrafts({ [id]: null });
        return true;
      }
      inFlight.current.add(id);
      try {
        const undo = await clearMetricValues(db, [{ metricId: definition.id, period: key }], writeInstant());
        setDrafts({ [id]: { text: '', error: null, saving: true } });
        undoToast(t('metrics.grid.cleared', { cell: cellLabel(definition, key) }), undo);
      } catch (error) {
        reportWriteError(error);
      } finally {
        inFlight.current.delete(id);
      }
      return true;
    }
    const checked = validateMetricValue(draft.text, definition);
    if (!checked.ok) {
      setDrafts({ [id]: { text: draft.text, error: checked.error } });
      return false;
    }
    if (stored && stored.value === checked.value) {
      setDrafts({ [id]: null });
      return true;
    }
    inFlight.current.add(id);
    try {
      const result = await saveMetricValues(db, [{ metricId: definition.id, period: key, value: checked.value }], writeInstant());
      if (!result.ok) {
        setDrafts({ [id]: { text: draft.text, error: result.errors[0]?.error ?? 'validation.invalid' } });
        return false;
      }
      setDrafts({ [id]: { text: editText(checked.value), error: null, saving: true } });
    } catch (error) {
      reportWriteError(error);
    } finally {
      inFlight.current.delete(id);
    }
    return true;
  };

  const focusCell = (row: number, column: number) => {
    table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${column}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, definition: MetricDefinition, key: string, row: number, column: number) => {
    const input = event.currentTarget;
    const { selectionStart: from, selectionEnd: to, value } = input;
    const collapsed = from === to;
    const allSelected = from === 0 && to === value.length;
    const move = (r: number, c: number) => {
      event.preventDefault();
      focusCell(r, c);
    };
    const id = cellId(definition.id, key);
    switch (event.key) {
      case 'Enter': {
        event.preventDefault();
        const { shiftKey } = event;
        void commit(definition, key).then((ok) => {
          if (!ok) return;
          const last = rows.length - 1;
          if (shiftKey) {
            if (row > 0) focusCell(row - 1, column);
            else if (column > 0) focusCell(last, column - 1);
          } else if (row < last) focusCell(row + 1, column);
          else if (column < keys.length - 1) focusCell(0, column + 1);
        });
        return;
      }
      case 'Escape':
        if (gridDrafts[id] && !gridDrafts[id]!.saving) {
          event.preventDefault();
          // Keep the Escape from closing anything around the grid.
          event.stopPropagation();
          setDrafts({ [id]: null });
          requestAnimationFrame(() => input.select());
        }
        return;
      case 'ArrowUp':
        if (!event.altKey && !event.shiftKey) move(row - 1, column);
        return;
      case 'ArrowDown':
        if (!event.altKey && !event.shiftKey) move(row + 1, column);
        return;
      case 'ArrowLeft':
        if (!event.shiftKey && (event.ctrlKey || event.metaKey || allSelected || (collapsed && from === 0))) move(row, column - 1);
        return;
      case 'ArrowRight':
        if (!event.shiftKey && (event.ctrlKey || event.metaKey || allSelected || (collapsed && to === value.length))) move(row, column + 1);
        return;
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, column: number) => {
    const pasted = event.clipboardData.getData('text/plain').replace(/\r/g, '').replace(/\n+$/, '');
    if (!/[\t\n]/.test(pasted)) return;
    event.preventDefault();
    const block = pasted.split('\n').map((line) => line.split('\t'));
    const cells: MetricCell[] = [];
    const changes: Record<string, CellDraft | null> = {};
    block.forEach((line, i) =>
      line.forEach((value, j) => {
        const definition = rows[row + i];
        const key = keys[column + j];
        if (!definition || !key || value.trim() === '') return;
        const checked = validateMetricValue(value, definition);
        const id = cellId(definition.id, key);
        if (checked.ok) {
          cells.push({ metricId: definition.id, period: key, value: checked.value });
          changes[id] = { text: editText(checked.value), error: null, saving: true };
        } else {
          changes[id] = { text: value, error: checked.error };
        }
      }),
    );
    if (!cells.length) return setDrafts(changes);
    saveMetricValues(db, cells, writeInstant()).then((result) => {
      if (!result.ok) return;
      setDrafts(changes);
      undoToast(t('metrics.grid.pasted', { count: cells.length }), result.undo);
    }, reportWriteError);
  };

  const errors = Object.keys(gridDrafts).flatMap((id) => {
    const draft = liveDraft(id);
    if (!draft?.error) return [];
    const [metricId, key] = id.split('|') as [string, string];
    const definition = definitions.find((d) => d.id === metricId);
    if (!definition || definition.period !== period || !keys.includes(key)) return [];
    return [{ id, definition, key, message: text.error(draft.error) }];
  });
  const errorId = (id: string) => `metric-cell-error-${id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const otherPeriod: MetricPeriod = period === 'week' ? 'month' : 'week';

  return (
    <section className="metric-grid-section" aria-labelledby="metric-grid-title">
      <div className="metric-toolbar">
        <h2 id="metric-grid-title">{t(period === 'week' ? 'metrics.grid.titleWeek' : 'metrics.grid.titleMonth')}</h2>
        <div className="metric-segmented" role="radiogroup" aria-label={t('metrics.grid.periodLabel')}>
          {(['week', 'month'] as const).map((p) => (
            <label key={p} className={p === period ? 'metric-segmented__option metric-segmented__option--active' : 'metric-segmented__option'}>
              <input type="radio" name="metric-grid-period" value={p} checked={p === period} onChange={() => setGrid({ gridPeriod: p, gridEnd: null })} />
              {t(p === 'week' ? 'metrics.grid.weekly' : 'metrics.grid.monthly')}
            </label>
          ))}
        </div>
        <div className="button-row metric-toolbar__nav">
          <Button onClick={() => setGrid({ gridEnd: shiftKey(lastKey, period, -COLUMNS[period]) })}>{t('metrics.grid.earlier')}</Button>
          <Button onClick={() => setGrid({ gridEnd: null })} disabled={lastKey === thisKey}>
            {t(period === 'week' ? 'metrics.grid.thisWeek' : 'metrics.grid.thisMonth')}
          </Button>
          <Button
            onClick={() => {
              const next = shiftKey(lastKey, period, COLUMNS[period]);
              setGrid({ gridEnd: next >= thisKey ? null : next });
            }}
            disabled={lastKey >= thisKey}
          >
            {t('metrics.grid.later')}
          </Button>
        </div>
      </div>

      {rows.length === 0 ? (
        <EmptyState
          title={t(period === 'week' ? 'metrics.grid.noWeekly' : 'metrics.grid.noMonthly')}
          body={t('metrics.grid.noMetricsBody', { other: t(otherPeriod === 'week' ? 'metrics.grid.weekly' : 'metrics.grid.monthly') })}
        >
          <Button onClick={() => setTab('definitions')}>{t('metrics.grid.toDefinitions')}</Button>
        </EmptyState>
      ) : (
        <div className="metric-grid-scroll" ref={scroller}>
          <table ref={table} className="metric-grid">
            <caption className="visually-hidden">
              {t('metrics.grid.caption', { from: formatKeyLong(keys[0]!, period, language), to: formatKeyLong(keys[keys.length - 1]!, period, language) })}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="metric-grid__corner">
                  {t('metrics.grid.metricColumn')}
                </th>
                {keys.map((key, i) => {
                  const showYear = period === 'week' && (i === 0 || keys[i - 1]!.slice(0, 4) !== key.slice(0, 4));
                  const current = key === thisKey;
                  return (
                    <th key={key} scope="col" className={current ? 'metric-grid__head metric-grid__head--current' : 'metric-grid__head'}>
                      <span className="visually-hidden">{formatKeyLong(key, period, language)}</span>
                      <span aria-hidden="true">
                        <span className="metric-grid__year">{showYear ? key.slice(0, 4) : '\u00a0'}</span>
                        <span className="metric-grid__date">{formatKeyShort(key, period, language)}</span>
                      </span>
                      {current ? <span className="metric-grid__now">{t(period === 'week' ? 'metrics.grid.thisWeek' : 'metrics.grid.thisMonth')}</span> : null}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((definition, row) => (
                <tr key={definition.id}>
                  <th scope="row" className="metric-grid__metric">
                    <span className="metric-grid__name">{text.name(definition)}</span>
                    {text.unit(definition) ? <span className="metric-grid__unit">{text.unit(definition)}</span> : null}
                  </th>
                  {keys.map((key, column) => {
                    const id = cellId(definition.id, key);
                    const stored = valueOf.get(id)?.value;
                    const draft = liveDraft(id);
                    const shown = draft ? draft.text : focused === id ? editText(stored) : stored === undefined ? '' : formatNumber(stored, language, 6);
                    const classes = [key === thisKey ? 'metric-grid__cell--current' : '', draft?.error ? 'metric-grid__cell--invalid' : ''].filter(Boolean).join(' ');
                    return (
                      <td key={key} className={classes || undefined}>
                        <input
                          className="metric-grid__input"
                          inputMode="numeric"
                          autoComplete="off"
                          spellCheck={false}
                          data-row={row}
                          data-col={column}
                          aria-label={cellLabel(definition, key)}
                          aria-invalid={draft?.error ? true : undefined}
                          aria-describedby={draft?.error ? errorId(id) : undefined}
                          title={draft?.error ? text.error(draft.error) : undefined}
                          value={shown}
                          onFocus={(event) => {
                            setFocused(id);
                            const input = event.currentTarget;
                            typedSinceFocus.current.delete(id);
                            input.select();
                            // Again after React has put the plain digits in; but never over what
                            // the user has typed since (a fast typist's first digit was lost).
                            requestAnimationFrame(() => {
                              if (document.activeElement === input && !typedSinceFocus.current.has(id)) input.select();
                            });
                          }}
                          onBlur={() => {
                            setFocused((current) => (current === id ? null : current));
                            void commit(definition, key);
                          }}
                          onChange={(event) => {
                            typedSinceFocus.current.add(id);
                            setDrafts({ [id]: { text: event.target.value, error: null } });
                          }}
                          onKeyDown={(event) => onKeyDown(event, definition, key, row, column)}
                          onPaste={(event) => onPaste(event, row, column)}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
              {ratios.map((ratio) => (
                <RatioRow key={ratio.definition.id} ratio={ratio} keys={keys} period={period} entries={entries} definitions={definitions} thisKey={thisKey} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="metric-grid__errors" aria-live="polite">
        {errors.length ? (
          <ul>
            {errors.map((e) => (
              <li key={e.id} id={errorId(e.id)}>
                <button type="button" className="metric-link-button" onClick={() => focusCell(rows.findIndex((d) => d.id === e.definition.id), keys.indexOf(e.key))}>
                  {cellLabel(e.definition, e.key)}
                </button>
                {t('metrics.grid.errorSeparator')}
                {e.message} {t('metrics.grid.notSaved')}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="metric-grid__help muted">{t('metrics.grid.help')}</p>
    </section>
  );
}

interface GridRatio {
  definition: DerivedRatioDefinition;
  numerator: MetricDefinition;
  denominator: MetricDefinition;
}

/** The derived ratios whose two metrics are both counted by `period`. */
function ratiosFor(definitions: readonly MetricDefinition[], period: MetricPeriod): GridRatio[] {
  const byBuiltin = entriesByBuiltin(definitions, []);
  return DERIVED_RATIOS.flatMap((definition) => {
    const numerator = byBuiltin[definition.numerator]?.definition;
    const denominator = byBuiltin[definition.denominator]?.definition;
    if (!numerator || !denominator || numerator.period !== period || denominator.period !== period) return [];
    return [{ definition, numerator, denominator }];
  });
}

function RatioRow({
  ratio,
  keys,
  period,
  entries,
  definitions,
  thisKey,
}: {
  ratio: GridRatio;
  keys: readonly string[];
  period: MetricPeriod;
  entries: readonly MetricEntry[];
  definitions: readonly MetricDefinition[];
  thisKey: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const text = useMetricText();
  const grouped = useMemo(() => entriesByBuiltin(definitions, entries), [definitions, entries]);
  return (
    <tr className="metric-grid__ratio">
      <th scope="row" className="metric-grid__metric">
        <span className="metric-grid__name">{t(ratio.definition.labelKey as 'metrics.ratio.openRate')}</span>
        <span className="metric-grid__unit">{t('metrics.ratio.formula', { numerator: text.name(ratio.numerator), denominator: text.name(ratio.denominator) })}</span>
      </th>
      {keys.map((key) => {
        const value = derivedRatio(grouped, ratio.definition, periodOfKey(key, period, timeZone), timeZone);
        const empty = value.numeratorCoverage === 0 && value.denominatorCoverage === 0;
        return (
          <td key={key} className={key === thisKey ? 'metric-grid__computed metric-grid__cell--current' : 'metric-grid__computed'}>
            {empty ? (
              <span className="muted" role="img" aria-label={t('metrics.noData')}>
                —
              </span>
            ) : (
              <RateText ratio={value} language={language} />
            )}
          </td>
        );
      })}
    </tr>
  );
}

/** "705 / 2,733" over "= 26%": two short lines keep eight weeks on a 1280-pixel screen. */
function RateText({ ratio, language }: { ratio: { numerator: number; denominator: number }; language: Language }) {
  const { sides, value } = rateParts(ratio, language);
  return (
    <span className="metric-rate">
      <span className="metric-rate__sides">{sides}</span> <span className="metric-rate__value">= {value}</span>
    </span>
  );
}

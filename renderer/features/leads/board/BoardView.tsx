/**
 * The pipeline board: one column per stage, cards moved by drag or by keyboard. Open stages
 * change at once with an Undo toast; closing stages (won, lost, dropped) go through the stage
 * dialog, which asks for the value and decision moment, the loss reason, or why it was dropped.
 *
 * Keyboard (also told to screen readers): one card per column is in the tab order; arrows move
 * between cards and columns, Home/End and Page Up/Down within a column, Alt+Left/Right moves the
 * card to the previous/next stage, M (or the context-menu key) opens "Move to…", Enter, Space or
 * a double-click opens the lead. Focus follows a card the keyboard moved.
 */
import { useCallback, useDeferredValue, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Virtualizer } from '@tanstack/react-virtual';
import { boardColumns, filterLeadRows, leadName, needsStageDialog, neighbourStage, type LeadListRow } from '../../../../shared/domain/lead-list';
import { leadFacts } from '../../../../shared/domain/leads';
import { DEFAULT_STAGE_PROBABILITIES, OPPORTUNITY_STAGES, type Lead, type LeadStage } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { useNow } from '../../../app/useNow';
import { reportWriteError } from '../../../app/write-errors';
import { changeStage } from '../../../db/leads';
import { undoStageChange } from '../../../db/lead-queries';
import { useLeadsUi } from '../../../stores/leads';
import { useToasts } from '../../../stores/toasts';
import { StageChangeDialog } from '../detail/StageChangeDialog';
import { openWinCapture, winOfferFor } from '../detail/suggest-win';
import { FilterBar } from '../list/FilterBar';
import { LoadState } from '../list/LoadState';
import { minuteOf, useFlagLabels, useInitiatives, useLeadFlags, useLeadRows, useListFilter } from '../list/lead-rows';
import { useFillHeight } from '../list/useFillHeight';
import { BoardColumn, type ColumnContext } from './BoardColumn';
import { MoveMenu } from './MoveMenu';
import { useCardDrag } from './useCardDrag';
import '../list/list.css';
import './board.css';

const PAGE_CARDS = 5;

type Anchor = { top: number; bottom: number; left: number; right: number };

/** Focuses a card once its column has drawn it (a virtual column draws it after scrolling to it). */
function focusCardElement(root: () => HTMLElement | null, id: string, tries = 30): void {
  const element = root()?.querySelector<HTMLElement>(`[role="button"][data-lead-id="${CSS.escape(id)}"]`);
  if (element) element.focus({ preventScroll: true });
  else if (tries > 0) requestAnimationFrame(() => focusCardElement(root, id, tries - 1));
}

export default function BoardView() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = minuteOf(useNow(60_000));
  const [, navigate] = useLocation();
  const show = useToasts((s) => s.show);
  const openDialog = useLeadsUi((s) => s.open);
  const { data, error, retry } = useLeadRows();
  const initiatives = useInitiatives();
  const { filter } = useListFilter(false);
  const deferredFilter = useDeferredValue(filter);
  const flags = useLeadFlags(data, now);
  const flagLabels = useFlagLabels();
  const [showAll, setShowAll] = useState<ReadonlySet<LeadStage>>(() => new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ leadId: string; anchor: Anchor } | null>(null);
  const [dialog, setDialog] = useState<{ lead: Lead; to: LeadStage } | null>(null);
  const helpId = useId();
  const keysId = useId();
  const wrapRef = useRef<HTMLDivElement>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const ghostRef = useRef<HTMLDivElement>(null);
  const handles = useRef(new Map<LeadStage, Virtualizer<HTMLDivElement, Element>>());
  /** A card the keyboard moved (or the dialog closed), to focus once it shows in its new column. */
  const pendingFocus = useRef<{ id: string; stage: LeadStage } | null>(null);
  const height = useFillHeight(wrapRef, 360);

  const filtered = useMemo(() => (data ? filterLeadRows(data.rows, deferredFilter) : []), [data, deferredFilter]);
  const probabilities = settings.stageProbabilities;
  const columns = useMemo(() => boardColumns(filtered, { now, showAll, stageProbabilities: probabilities }), [filtered, now, showAll, probabilities]);

  // Handlers given to the memoised columns read the latest values through this ref, so they
  // never change and a new render of the board redraws only the columns whose data changed.
  const latest = useRef({ columns, data });
  useLayoutEffect(() => {
    latest.current = { columns, data };
  });

  // ------------------------------------------------------------------------------- focus

  const focusWhenDrawn = useCallback((id: string) => focusCardElement(() => boardRef.current, id), []);

  /** Makes a card the active one, scrolls its column to it and focuses it. */
  const focusCard = useCallback(
    (stage: LeadStage, index: number) => {
      const column = latest.current.columns.find((c) => c.stage === stage);
      const row = column?.rows[Math.max(0, Math.min(column.rows.length - 1, index))];
      if (!column || !row) return;
      setActiveId(row.lead.id);
      handles.current.get(stage)?.scrollToIndex(column.rows.indexOf(row), { align: 'auto' });
      focusWhenDrawn(row.lead.id);
    },
    [focusWhenDrawn],
  );

  useLayoutEffect(() => {
    const pending = pendingFocus.current;
    if (!pending) return;
    const column = columns.find((c) => c.stage === pending.stage);
    const index = column?.rows.findIndex((r) => r.lead.id === pending.id) ?? -1;
    if (index < 0) return;
    pendingFocus.current = null;
    focusCard(pending.stage, index);
  }, [columns, focusCard]);

  // ------------------------------------------------------------------------------- moves

  const announceMove = useCallback(
    (before: Lead, after: Lead) => {
      const name = leadName(after);
      show({
        message: t('leadBoard.board.moved', { name, stage: t(`leads.stage.${after.stage}`) }),
        tone: 'success',
        action: {
          label: t('common.undo'),
          run: async () => {
            try {
              const undone = await undoStageChange(db, before, after);
              show(
                undone
                  ? { message: t('leadBoard.board.undone', { name, stage: t(`leads.stage.${before.stage}`) }), tone: 'info' }
                  : { message: t('leadBoard.board.undoRefused', { name }), tone: 'error' },
              );
            } catch (e) {
              reportWriteError(e);
            }
          },
        },
      });
    },
    [db, show, t],
  );

  /** Moves a lead: open stages at once (with undo), closing stages through the dialog. */
  const requestMove = useCallback(
    (row: LeadListRow, to: LeadStage, follow: boolean) => {
      const before = row.lead;
      if (before.stage === to) return;
      if (needsStageDialog(to)) {
        setDialog({ lead: before, to });
        return;
      }
      if (follow) pendingFocus.current = { id: before.id, stage: to };
      const index = latest.current.data?.events;
      const firstOpportunity = OPPORTUNITY_STAGES.includes(to) && index !== undefined && leadFacts(before, index).opportunityAt === null;
      const at = Date.now();
      changeStage(db, before.id, to, {}, at, at)
        .then(async (result) => {
          if (!result.ok) {
            show({ message: t(Object.values(result.errors)[0] as 'validation.invalid'), tone: 'error' });
            return;
          }
          announceMove(before, result.lead);
          // A lead from marketing becoming an opportunity is evidence worth keeping: offer the
          // win as the lead page does, in a toast of its own so the move keeps its Undo.
          if (!firstOpportunity) return;
          const offer = await winOfferFor(db, { kind: 'lead-opportunity', lead: result.lead, at }, settings, language, t);
          if (offer) show({ message: offer.message, tone: 'info', action: { label: offer.action, run: () => openWinCapture(offer.prefill) } });
        })
        .catch(reportWriteError);
    },
    [db, announceMove, show, t, settings, language],
  );

  const rowOf = (id: string) => latest.current.data?.byId.get(id);

  const drag = useCardDrag({
    boardRef,
    ghostRef,
    nameOf: (id) => {
      const row = rowOf(id);
      return row ? leadName(row.lead) : '';
    },
    onDrop: (id, to) => {
      const row = rowOf(id);
      if (row) requestMove(row, to, false);
    },
  });

  // ------------------------------------------------------------------------------- keyboard

  const openMenu = useCallback((leadId: string, anchor: HTMLElement) => {
    const rect = anchor.getBoundingClientRect();
    setMenu({ leadId, anchor: { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right } });
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, leadId: string) => {
      const stage = event.currentTarget.dataset.stage as LeadStage;
      const columnsNow = latest.current.columns;
      const c = columnsNow.findIndex((col) => col.stage === stage);
      const column = columnsNow[c];
      const index = column?.rows.findIndex((r) => r.lead.id === leadId) ?? -1;
      const row = column?.rows[index];
      if (!column || !row) return;
      const key = event.key;
      if (event.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
        const to = neighbourStage(stage, key === 'ArrowLeft' ? -1 : 1);
        if (to) requestMove(row, to, true);
      } else if (event.altKey || event.ctrlKey || event.metaKey) {
        return;
      } else if (key === 'ArrowDown' || key === 'ArrowUp') {
        focusCard(stage, index + (key === 'ArrowDown' ? 1 : -1));
      } else if (key === 'PageDown' || key === 'PageUp') {
        focusCard(stage, index + (key === 'PageDown' ? PAGE_CARDS : -PAGE_CARDS));
      } else if (key === 'Home' || key === 'End') {
        focusCard(stage, key === 'Home' ? 0 : column.rows.length - 1);
      } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
        const step = key === 'ArrowLeft' ? -1 : 1;
        for (let i = c + step; i >= 0 && i < columnsNow.length; i += step) {
          const next = columnsNow[i];
          if (next && next.rows.length > 0) {
            focusCard(next.stage, Math.min(index, next.rows.length - 1));
            break;
          }
        }
      } else if (key === 'Enter' || key === ' ') {
        navigate(`/lead/${leadId}`);
      } else if (key === 'm' || key === 'M' || key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) {
        openMenu(leadId, event.currentTarget);
      } else {
        return;
      }
      event.preventDefault();
    },
    [focusCard, requestMove, navigate, openMenu],
  );

  const register = useCallback((stage: LeadStage, virtualizer: Virtualizer<HTMLDivElement, Element> | null) => {
    if (virtualizer) handles.current.set(stage, virtualizer);
    else handles.current.delete(stage);
  }, []);
  const onOpen = useCallback((id: string) => navigate(`/lead/${id}`), [navigate]);
  const onToggleAll = useCallback((stage: LeadStage) => {
    setShowAll((current) => {
      const next = new Set(current);
      if (next.has(stage)) next.delete(stage);
      else next.add(stage);
      return next;
    });
  }, []);

  const context: ColumnContext = useMemo(
    () => ({
      language,
      currency: settings.currency,
      timeZone,
      flagLabels,
      keysId,
      sourceOrigins: settings.sourceOrigins,
      onKeyDown,
      onOpen,
      onFocusCard: setActiveId,
      onMenu: openMenu,
      register,
      onToggleAll,
    }),
    [language, settings.currency, settings.sourceOrigins, timeZone, flagLabels, keysId, onKeyDown, onOpen, openMenu, register, onToggleAll],
  );

  // ------------------------------------------------------------------------------- render

  const total = data?.rows.length ?? 0;
  const menuRow = menu ? data?.byId.get(menu.leadId) : undefined;
  const dragOver = drag.view?.over ?? null;

  return (
    <>
      <FilterBar withStages={false} shown={filtered.length} total={total} initiatives={initiatives} />
      <div ref={wrapRef} className="lead-board-wrap" style={{ height }} aria-busy={data === null}>
        {data === null ? (
          <LoadState error={error} retry={retry} />
        ) : total === 0 ? (
          <EmptyState title={t('leadBoard.noneTitle')} body={t('leadBoard.noneBody')}>
            <Button variant="primary" onClick={() => openDialog({ type: 'quick-add' })}>
              {t('leads.quickAdd')}
            </Button>
          </EmptyState>
        ) : (
          <div
            ref={boardRef}
            className={`lead-board${drag.view ? ' lead-board--dragging' : ''}`}
            role="region"
            aria-label={t('leadBoard.board.label')}
            aria-describedby={helpId}
            onPointerDown={drag.onPointerDown}
            onLostPointerCapture={drag.onLostPointerCapture}
          >
            <p id={helpId} className="visually-hidden">
              {t('leadBoard.board.help')}
            </p>
            <p id={keysId} hidden>
              {t('leadBoard.board.cardKeys')}
            </p>
            {columns.map((column) => (
              <BoardColumn
                key={column.stage}
                column={column}
                context={context}
                flags={flags}
                probability={probabilities[column.stage] ?? DEFAULT_STAGE_PROBABILITIES[column.stage]}
                now={now}
                activeId={activeId}
                showAll={showAll.has(column.stage)}
                dropTarget={dragOver === column.stage}
                draggingId={drag.view?.leadId ?? null}
              />
            ))}
          </div>
        )}
        {data !== null && error ? <LoadState error={error} retry={retry} /> : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {drag.view ? t('leadBoard.board.dropHint') : ''}
      </p>
      {drag.view ? (
        <div ref={ghostRef} className="lead-ghost" aria-hidden="true">
          <span className="lead-ghost__name">{drag.view.name}</span>
          {dragOver ? <span className="lead-ghost__to">→ {t(`leads.stage.${dragOver}`)}</span> : null}
        </div>
      ) : null}
      {menu && menuRow ? (
        <MoveMenu
          name={leadName(menuRow.lead)}
          current={menuRow.lead.stage}
          anchor={menu.anchor}
          onPick={(stage) => {
            setMenu(null);
            requestMove(menuRow, stage, true);
          }}
          onClose={(refocus) => {
            setMenu(null);
            if (refocus) focusWhenDrawn(menuRow.lead.id);
          }}
        />
      ) : null}
      {dialog ? (
        <StageChangeDialog
          lead={dialog.lead}
          to={dialog.to}
          onClose={() => setDialog(null)}
          // The dialog confirms with its own toast (with Undo, or the offer to log a win).
          onDone={(lead) => {
            setDialog(null);
            pendingFocus.current = { id: lead.id, stage: lead.stage };
          }}
        />
      ) : null}
    </>
  );
}

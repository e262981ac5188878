/**
 * Dragging a card to another column, with pointer events (mouse, pen, touch alike), as the week
 * planner does: the press becomes a drag only past a few pixels (so a click or a double-click
 * stays one), the ghost follows the pointer through a ref (no React render per move), the column
 * under the pointer is highlighted (one render when it changes), Escape cancels, and the board
 * scrolls sideways when the pointer rests near its edge.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { LeadStage } from '../../../../shared/domain/model';

const THRESHOLD_PX = 5;
const EDGE_PX = 48;
const MAX_SCROLL_PX = 20;

export interface DragView {
  leadId: string;
  name: string;
  from: LeadStage;
  /** The column under the pointer, if another than the card's own. */
  over: LeadStage | null;
}

interface Session {
  pointerId: number;
  leadId: string;
  name: string;
  from: LeadStage;
  startX: number;
  startY: number;
  x: number;
  y: number;
  /** Where in the card it was grabbed, so the ghost does not jump. */
  offsetX: number;
  offsetY: number;
  active: boolean;
  over: LeadStage | null;
  frame: number;
  detach: () => void;
}

function stageAt(x: number, y: number): LeadStage | null {
  const element = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-drop-stage]');
  return (element?.dataset.dropStage as LeadStage | undefined) ?? null;
}

export function useCardDrag({
  boardRef,
  ghostRef,
  nameOf,
  onDrop,
}: {
  boardRef: RefObject<HTMLElement | null>;
  ghostRef: RefObject<HTMLElement | null>;
  nameOf: (leadId: string) => string;
  onDrop: (leadId: string, to: LeadStage) => void;
}) {
  const [view, setView] = useState<DragView | null>(null);
  const session = useRef<Session | null>(null);
  const latest = useRef({ nameOf, onDrop });
  useEffect(() => {
    latest.current = { nameOf, onDrop };
  });

  const placeGhost = useCallback(
    (s: Session) => {
      const ghost = ghostRef.current;
      if (ghost) ghost.style.transform = `translate(${s.x - s.offsetX}px, ${s.y - s.offsetY}px)`;
    },
    [ghostRef],
  );

  const finish = useCallback((commit: boolean) => {
    const s = session.current;
    if (!s) return;
    session.current = null;
    s.detach();
    cancelAnimationFrame(s.frame);
    const board = boardRef.current;
    if (board?.hasPointerCapture(s.pointerId)) board.releasePointerCapture(s.pointerId);
    setView(null);
    if (commit && s.active && s.over && s.over !== s.from) latest.current.onDrop(s.leadId, s.over);
  }, [boardRef]);

  const track = useCallback(
    (s: Session) => {
      placeGhost(s);
      const stage = stageAt(s.x, s.y);
      const over = stage === s.from ? null : stage;
      if (over !== s.over) {
        s.over = over;
        setView({ leadId: s.leadId, name: s.name, from: s.from, over });
      }
    },
    [placeGhost],
  );

  const autoScroll = useCallback(
    (s: Session) => {
      const board = boardRef.current;
      if (!board || s.frame || board.scrollWidth <= board.clientWidth) return;
      const step = () => {
        const rect = board.getBoundingClientRect();
        const speed = s.x < rect.left + EDGE_PX ? s.x - (rect.left + EDGE_PX) : s.x > rect.right - EDGE_PX ? s.x - (rect.right - EDGE_PX) : 0;
        if (speed === 0) return;
        s.frame = requestAnimationFrame(() => {
          s.frame = 0;
          if (session.current !== s) return;
          board.scrollLeft += Math.max(-MAX_SCROLL_PX, Math.min(MAX_SCROLL_PX, speed / 2));
          track(s);
          step();
        });
      };
      step();
    },
    [boardRef, track],
  );

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLElement>) => {
      if (event.button !== 0 || !event.isPrimary) return;
      finish(false); // a press whose release never reached us
      const target = event.target as Element;
      if (target.closest('button, a, input, select')) return;
      const card = target.closest<HTMLElement>('[data-lead-id][data-stage]');
      if (!card?.dataset.leadId) return;
      const rect = card.getBoundingClientRect();
      const { clientX: x, clientY: y, pointerId } = event;
      const board = event.currentTarget;
      const onMove = (e: PointerEvent) => {
        const s = session.current;
        if (!s || e.pointerId !== s.pointerId) return;
        s.x = e.clientX;
        s.y = e.clientY;
        if (!s.active) {
          if (Math.hypot(s.x - s.startX, s.y - s.startY) < THRESHOLD_PX) return;
          s.active = true;
          // Captured only once it is a drag, so a click or double-click stays a native one.
          if (board.isConnected) board.setPointerCapture(s.pointerId);
          setView({ leadId: s.leadId, name: s.name, from: s.from, over: null });
        }
        track(s);
        autoScroll(s);
      };
      const onUp = (e: PointerEvent) => e.pointerId === pointerId && finish(true);
      const onCancel = (e: PointerEvent) => e.pointerId === pointerId && finish(false);
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape' || !session.current?.active) return;
        e.preventDefault();
        e.stopPropagation();
        finish(false);
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', onUp);
      window.addEventListener('pointercancel', onCancel);
      window.addEventListener('keydown', onKey, true);
      const detach = () => {
        window.removeEventListener('pointermove', onMove);
        window.removeEventListener('pointerup', onUp);
        window.removeEventListener('pointercancel', onCancel);
        window.removeEventListener('keydown', onKey, true);
      };
      session.current = {
        pointerId,
        leadId: card.dataset.leadId,
        name: latest.current.nameOf(card.dataset.leadId),
        from: card.dataset.stage as LeadStage,
        startX: x,
        startY: y,
        x,
        y,
        offsetX: Math.min(x - rect.left, 24),
        offsetY: Math.min(y - rect.top, 16),
        active: false,
        over: null,
        frame: 0,
        detach,
      };
    },
    [finish, track, autoScroll],
  );

  // The ghost is drawn on the render that starts the drag: place it at once, before paint.
  useLayoutEffect(() => {
    if (view && session.current) placeGhost(session.current);
  }, [view, placeGhost]);

  // Leaving the screen mid-drag must not leave a window listener behind.
  useEffect(() => () => session.current?.detach(), []);

  return { view, onPointerDown, onLostPointerCapture: () => finish(false) };
}

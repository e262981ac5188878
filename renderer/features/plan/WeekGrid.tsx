/**
 * The week planner grid: days side by side, 24 h of wall-clock rows, boxes drawn by kind, logged
 * time beside them. Presentational: the parent passes the data and commits the changes.
 *
 * Interactions: drag on empty space to create, drag a box to move it (across days too), drag
 * its bottom edge to resize; everything snaps to 15 minutes, Escape cancels a drag. The drag
 * lives in refs and a tiny ghost store (see GridBox.tsx), so a pointer move re-renders only the
 * ghost; the grid itself renders again only when its props change. Keyboard: see `planGrid.help`.
 */
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '../../../shared/domain/calendar';
import type { Language, TimeBox, TimeEntry } from '../../../shared/domain/model';
import { boxOutcome, type BoxOutcome } from '../../../shared/domain/time';
import { createGhostStore, DayColumn, formatDayDate, formatMinute, formatWeekday, Ghost, whenText, type BoxContext } from './GridBox';
import {
  clamp,
  createSpan,
  DRAG_THRESHOLD_PX,
  KEYBOARD_CREATE,
  layoutBoxes,
  layoutEntries,
  MINUTES_PER_DAY,
  minuteInDay,
  movedRange,
  moveLength,
  moveSpan,
  nudgeRange,
  pointToSlot,
  resizeSpan,
  spanToRange,
  VIEW_FROM_MINUTE,
  type GridDay,
  type Nudge,
} from './grid-geometry';
import './week-grid.css';

export interface WeekGridProps {
  /** The week's 7 local days in display order (the week start comes from Settings), as instants. */
  days: GridDay[];
  timeZone: string;
  language: Language;
  /** Boxes overlapping the week. */
  boxes: TimeBox[];
  /** Logged entries overlapping the week, drawn thin beside the plan as "actual". */
  entries: TimeEntry[];
  /** For the "now" line on today's column. */
  now: number;
  /** The box whose timer runs, highlighted. */
  runningBoxId?: string;
  /** Dragged on empty space, or Enter/N on a day heading (1 h at 09:00). */
  onCreate(range: Period): void;
  /** A move or resize committed (snapped); not called when nothing changed. */
  onChange(boxId: string, range: Period): void;
  /** Double-click or Enter on a box: the parent opens the edit form. */
  onOpen(boxId: string): void;
  /** The ▶ button or Space on a box. */
  onStart(boxId: string): void;
}

interface DragSession {
  pointerId: number;
  mode: 'create' | 'move' | 'resize';
  box?: TimeBox;
  /** Create and resize stay on this day; a move follows the pointer. */
  dayIndex: number;
  /** Create: the pressed minute. Move: where the box was grabbed, below its top. Resize: the top. */
  anchor: number;
  startX: number;
  startY: number;
  x: number;
  y: number;
  /** Became a drag (moved past the threshold); otherwise the press was a click. */
  active: boolean;
  /** Removes the window listeners of this drag. */
  detach: () => void;
  frame: number;
}

/** Auto-scroll zone at the top and bottom of the scroller while dragging, and its top speed. */
const EDGE_PX = 40;
const MAX_SCROLL_PX = 18;
/** Room above 07:00 on opening, so its hour label is not cut by the sticky headings. */
const SCROLL_MARGIN_PX = 8;

const NUDGES: Record<string, [Nudge, Nudge]> = {
  ArrowUp: ['earlier', 'shorter'],
  ArrowDown: ['later', 'longer'],
  ArrowLeft: ['previous-day', 'previous-day'],
  ArrowRight: ['next-day', 'next-day'],
};

function outcomesOf(boxes: readonly TimeBox[], entries: readonly TimeEntry[]): Map<string, BoxOutcome> {
  const outcomes = new Map<string, BoxOutcome>();
  for (const box of boxes) {
    const inside = entries.filter((e) => e.end > box.start && e.start < box.end);
    if (inside.length > 0) outcomes.set(box.id, boxOutcome(box, inside));
  }
  return outcomes;
}

export function WeekGrid(props: WeekGridProps) {
  const { days, timeZone, language, boxes, entries, now, runningBoxId } = props;
  const { t } = useTranslation();
  const helpId = useId();
  const keysId = useId();
  const addHintId = useId();
  const [store] = useState(createGhostStore);
  const [changed, setChanged] = useState<Period | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLDivElement>(null);
  const columnsRef = useRef<HTMLDivElement>(null);
  const drag = useRef<DragSession | null>(null);
  /** A box moved by keyboard, to focus again once the parent has saved it (it may change column). */
  const pendingFocus = useRef<{ id: string } & Period>(null);

  const layout = useMemo(() => layoutBoxes(days, boxes, timeZone), [days, boxes, timeZone]);
  const rails = useMemo(() => layoutEntries(days, entries, timeZone), [days, entries, timeZone]);
  const outcomes = useMemo(() => outcomesOf(boxes, entries), [boxes, entries]);
  const hours = useMemo(() => Array.from({ length: 24 }, (_, h) => formatMinute(h * 60, language)), [language]);
  const todayIndex = days.findIndex((d) => now >= d.start && now < d.end);
  const today = days[todayIndex];
  const nowMinute = today ? minuteInDay(now, today, timeZone) : null;

  // Event handlers read the latest props through this ref, so the callbacks given to the
  // memoised boxes never change and a parent's inline arrow functions cost no re-render.
  const latest = useRef({ props, layout });
  useLayoutEffect(() => {
    latest.current = { props, layout };
  });

  // Open on the working day (07:00–21:00 in view, the 07:00 label just clear of the headings);
  // the night is a scroll away.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const columns = columnsRef.current;
    if (scroller && columns) scroller.scrollTop = (columns.offsetHeight * VIEW_FROM_MINUTE) / MINUTES_PER_DAY - SCROLL_MARGIN_PX;
  }, []);

  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !boxes.some((b) => b.id === pending.id && b.start === pending.start && b.end === pending.end)) return;
    pendingFocus.current = null;
    const element = rootRef.current?.querySelector<HTMLElement>(`[role="button"][data-box-id="${CSS.escape(pending.id)}"]`);
    if (element && document.activeElement !== element) element.focus();
    element?.scrollIntoView({ block: 'nearest' });
  }, [boxes, layout]);

  // ------------------------------------------------------------------------------- dragging

  const slotAt = (x: number, y: number) => {
    const rect = columnsRef.current?.getBoundingClientRect() ?? { left: 0, top: 0, width: 0, height: 0 };
    return pointToSlot(x, y, rect, latest.current.props.days.length);
  };

  const update = (s: DragSession) => {
    const slot = slotAt(s.x, s.y);
    if (s.mode === 'create') {
      store.set({ mode: s.mode, dayIndex: s.dayIndex, ...createSpan(s.anchor, slot.minute), clamped: false });
    } else if (s.box) {
      const span = s.mode === 'move' ? moveSpan(slot.minute, s.anchor, moveLength(s.box)) : resizeSpan(s.anchor, slot.minute);
      const dayIndex = s.mode === 'move' ? slot.dayIndex : s.dayIndex;
      store.set({ mode: s.mode, dayIndex, ...span, boxId: s.box.id, kind: s.box.kind, title: s.box.title });
    }
  };

  const finish = (commit: boolean) => {
    const s = drag.current;
    if (!s) return;
    drag.current = null;
    s.detach();
    cancelAnimationFrame(s.frame);
    const columns = columnsRef.current;
    if (columns?.hasPointerCapture(s.pointerId)) columns.releasePointerCapture(s.pointerId);
    const ghost = store.get();
    store.set(null);
    const { days: currentDays, timeZone: zone, onCreate, onChange } = latest.current.props;
    const day = ghost ? currentDays[ghost.dayIndex] : undefined;
    if (!commit || !s.active || !ghost || !day) return;
    if (s.mode === 'create') {
      onCreate(spanToRange(day, ghost, zone));
      return;
    }
    const box = s.box as TimeBox;
    const range =
      s.mode === 'move' ? movedRange(day, ghost, box.end - box.start, zone) : { start: box.start, end: spanToRange(day, ghost, zone).end };
    if (range.end > range.start && (range.start !== box.start || range.end !== box.end)) onChange(box.id, range);
  };

  /** Scrolls while the pointer rests near the top or bottom edge, so any hour can be reached. */
  const autoScroll = (s: DragSession) => {
    const scroller = scrollerRef.current;
    if (!scroller || s.frame) return;
    const rect = scroller.getBoundingClientRect();
    const top = rect.top + (headRef.current?.offsetHeight ?? 0);
    const speed = s.y < top + EDGE_PX ? s.y - (top + EDGE_PX) : s.y > rect.bottom - EDGE_PX ? s.y - (rect.bottom - EDGE_PX) : 0;
    if (speed === 0) return;
    s.frame = requestAnimationFrame(() => {
      s.frame = 0;
      if (drag.current !== s) return;
      scroller.scrollTop += clamp(speed / 2, -MAX_SCROLL_PX, MAX_SCROLL_PX);
      update(s);
      autoScroll(s);
    });
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || !event.isPrimary) return;
    finish(false); // a press whose release never reached us (e.g. let go outside the window)
    const target = event.target as Element;
    if (target.closest('button')) return; // the ▶ button
    const slot = slotAt(event.clientX, event.clientY);
    const boxElement = target.closest<HTMLElement>('[data-box-id]');
    let session: Pick<DragSession, 'mode' | 'box' | 'dayIndex' | 'anchor'>;
    if (boxElement) {
      const dayIndex = Number(boxElement.dataset.dayIndex);
      const segment = latest.current.layout[dayIndex]?.find((s) => s.box.id === boxElement.dataset.boxId);
      if (!segment) return;
      const resize = target.closest('[data-handle="resize"]') !== null;
      session = { mode: resize ? 'resize' : 'move', box: segment.box, dayIndex, anchor: resize ? segment.top : slot.minute - segment.top };
    } else if (target.closest('[data-day-index]')) {
      session = { mode: 'create', dayIndex: slot.dayIndex, anchor: slot.minute };
    } else {
      return;
    }
    const columns = event.currentTarget;
    const { clientX: x, clientY: y, pointerId } = event;
    // Window listeners: they hear the pointer wherever it goes, captured or not.
    const onMove = (e: globalThis.PointerEvent) => {
      const s = drag.current;
      if (!s || e.pointerId !== s.pointerId) return;
      s.x = e.clientX;
      s.y = e.clientY;
      if (!s.active) {
        if (Math.hypot(s.x - s.startX, s.y - s.startY) < DRAG_THRESHOLD_PX) return;
        s.active = true;
        // Captured only once it is a drag, so a click or double-click stays a native one.
        if (columns.isConnected) columns.setPointerCapture(s.pointerId);
      }
      update(s);
      autoScroll(s);
    };
    const onUp = (e: globalThis.PointerEvent) => e.pointerId === pointerId && finish(true);
    const onCancel = (e: globalThis.PointerEvent) => e.pointerId === pointerId && finish(false);
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== 'Escape') return;
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
    drag.current = { ...session, pointerId, startX: x, startY: y, x, y, active: false, detach, frame: 0 };
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    const id = target.closest('button') ? undefined : target.closest<HTMLElement>('[data-box-id]')?.dataset.boxId;
    if (id) latest.current.props.onOpen(id);
  };

  // Leaving the screen mid-drag must not leave a window listener behind.
  useEffect(() => {
    return () => drag.current?.detach();
  }, []);

  // ------------------------------------------------------------------------------- keyboard

  const onBoxKeyDown = useCallback((event: KeyboardEvent<HTMLElement>, boxId: string) => {
    if (drag.current?.active || event.altKey || event.ctrlKey || event.metaKey) return;
    const { boxes: currentBoxes, days: currentDays, timeZone: zone, onOpen, onStart, onChange } = latest.current.props;
    const box = currentBoxes.find((b) => b.id === boxId);
    const nudges = NUDGES[event.key];
    if (!box) return;
    if (event.key === 'Enter') onOpen(boxId);
    else if (event.key === ' ') onStart(boxId);
    else if (nudges) {
      const range = nudgeRange(box, nudges[event.shiftKey ? 1 : 0], currentDays, zone);
      if (range) {
        pendingFocus.current = { id: boxId, ...range };
        onChange(boxId, range);
        setChanged(range);
      }
    } else return;
    event.preventDefault();
  }, []);

  const onStart = useCallback((boxId: string) => latest.current.props.onStart(boxId), []);
  const onOpen = useCallback((boxId: string) => latest.current.props.onOpen(boxId), []);
  const createAt = (day: GridDay) => latest.current.props.onCreate(spanToRange(day, KEYBOARD_CREATE, latest.current.props.timeZone));

  const context: BoxContext = useMemo(
    () => ({ language, timeZone, keysId, store, onKeyDown: onBoxKeyDown, onStart, onOpen }),
    [language, timeZone, keysId, store, onBoxKeyDown, onStart, onOpen],
  );
  const createTime = formatMinute(KEYBOARD_CREATE.top, language);

  return (
    <section
      ref={rootRef}
      className="week-grid"
      aria-label={t('planGrid.label')}
      aria-describedby={helpId}
      style={{ '--wg-days': days.length } as CSSProperties}
    >
      <p id={helpId} className="visually-hidden">
        {t('planGrid.help', { time: createTime })}
      </p>
      <p id={keysId} hidden>
        {t('planGrid.boxKeys')}
      </p>
      <p id={addHintId} hidden>
        {t('planGrid.addHint', { time: createTime })}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {changed ? t('planGrid.changed', { when: whenText(t, changed, language, timeZone) }) : ''}
      </p>
      <div ref={scrollerRef} className="week-grid__scroller">
        <div ref={headRef} className="week-grid__head">
          <div className="week-grid__corner" />
          {days.map((day, i) => (
            <button
              key={day.key}
              type="button"
              className={`week-grid__day${i === todayIndex ? ' week-grid__day--today' : ''}`}
              aria-current={i === todayIndex ? 'date' : undefined}
              aria-describedby={addHintId}
              onClick={() => createAt(day)}
              onKeyDown={(event) => {
                if (event.key !== 'n' && event.key !== 'N') return;
                event.preventDefault();
                createAt(day);
              }}
            >
              <span className="week-grid__weekday">{formatWeekday(day.start, language, timeZone)}</span>
              <span className="week-grid__date">{formatDayDate(day.start, language, timeZone)}</span>
              <span className="week-grid__add" aria-hidden="true">
                + {createTime}
              </span>
            </button>
          ))}
        </div>
        <div className="week-grid__body">
          <div className="week-grid__gutter" aria-hidden="true">
            {hours.map((label, h) => (
              <span key={h} className="week-grid__hour" style={{ '--hour': h } as CSSProperties}>
                {label}
              </span>
            ))}
          </div>
          <div
            ref={columnsRef}
            className="week-grid__columns"
            onPointerDown={onPointerDown}
            onLostPointerCapture={() => finish(false)}
            onDoubleClick={onDoubleClick}
          >
            {days.map((day, i) => (
              <DayColumn
                key={day.key}
                dayIndex={i}
                isToday={i === todayIndex}
                nowMinute={i === todayIndex ? nowMinute : null}
                segments={layout[i] ?? []}
                rail={rails[i] ?? []}
                outcomes={outcomes}
                runningBoxId={runningBoxId}
                {...context}
              />
            ))}
            <div className="week-grid__overlay">
              <Ghost store={store} language={language} />
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}

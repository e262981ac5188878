/**
 * The parts of the week grid that repeat: one box, one day column, and the drag ghost.
 * All are memoised and take only stable props, so a pointer move re-renders the ghost and
 * nothing else, and the minute tick of the "now" line re-renders today's column only.
 */
import { memo, useId, useSyncExternalStore, type CSSProperties, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language, TimeBox, TimeEntry, WorkKind } from '../../../shared/domain/model';
import type { Period } from '../../../shared/domain/calendar';
import type { BoxOutcome } from '../../../shared/domain/time';
import { formatDuration } from '../../i18n/format';
import { MINUTES_PER_DAY, wallRange, type BoxSegment, type Span } from './grid-geometry';

// ---------------------------------------------------------------------------------------------
// Formatting (Intl, cached: a week formats hundreds of times)

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    formats.set(key, format);
  }
  return format;
}

/** Wall-clock minutes as a 24-hour time, "9:00" / "09:00"; the exclusive end of a day is "24:00". */
export function formatMinute(minute: number, language: Language): string {
  const rounded = Math.round(minute);
  const hourCycle = rounded >= MINUTES_PER_DAY ? 'h24' : 'h23';
  return dateFormat(language, { hour: 'numeric', minute: '2-digit', hourCycle, timeZone: 'UTC' }).format(
    Date.UTC(2000, 0, 1, 0, rounded % MINUTES_PER_DAY),
  );
}

export function formatWeekday(instant: number, language: Language, timeZone: string): string {
  return dateFormat(language, { weekday: 'short', timeZone }).format(instant);
}

export function formatDayDate(instant: number, language: Language, timeZone: string): string {
  return dateFormat(language, { month: 'numeric', day: 'numeric', timeZone }).format(instant);
}

type T = TFunction;

/** "10:00–11:30" of a range, with 24:00 for an end at midnight. */
export function rangeText(t: T, range: Period, language: Language, timeZone: string): string {
  const w = wallRange(range, timeZone);
  return t('planGrid.range', { start: formatMinute(w.startMinute, language), end: formatMinute(w.endMinute, language) });
}

/** "Tue 10:00–11:30", or "Tue 23:00 – Wed 01:00" for a range that crosses midnight. */
export function whenText(t: T, range: Period, language: Language, timeZone: string): string {
  const w = wallRange(range, timeZone);
  const day = formatWeekday(range.start, language, timeZone);
  if (w.endDay === w.startDay) return t('planGrid.when', { day, range: rangeText(t, range, language, timeZone) });
  return t('planGrid.whenAcross', {
    day,
    start: formatMinute(w.startMinute, language),
    endDay: formatWeekday(w.endMinute === MINUTES_PER_DAY ? range.end - 1 : range.end, language, timeZone),
    end: formatMinute(w.endMinute, language),
  });
}

/** Minutes as a CSS custom property value for the stylesheet's `calc(var(--top) / 1440 * 100%)`. */
function spanStyle(span: Span, extra?: Record<string, number>): CSSProperties {
  return { '--top': span.top, '--bottom': span.bottom, ...extra } as CSSProperties;
}

// ---------------------------------------------------------------------------------------------
// Drag ghost state: a tiny external store, so only the ghost and the dragged box subscribe.

export interface GhostState extends Span {
  mode: 'create' | 'move' | 'resize';
  dayIndex: number;
  /** The box was stopped at the day's end (24:00). */
  clamped: boolean;
  boxId?: string;
  kind?: WorkKind;
  title?: string;
}

export interface GhostStore {
  get(): GhostState | null;
  set(next: GhostState | null): void;
  subscribe(listener: () => void): () => void;
}

export function createGhostStore(): GhostStore {
  let value: GhostState | null = null;
  const listeners = new Set<() => void>();
  const same = (a: GhostState | null, b: GhostState | null) =>
    a === b ||
    (a !== null && b !== null && a.dayIndex === b.dayIndex && a.top === b.top && a.bottom === b.bottom && a.clamped === b.clamped && a.mode === b.mode && a.boxId === b.boxId);
  return {
    get: () => value,
    set(next) {
      if (same(value, next)) return; // a move inside the same snap cell changes nothing
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function Ghost({ store, language }: { store: GhostStore; language: Language }) {
  const { t } = useTranslation();
  const ghost = useSyncExternalStore(store.subscribe, store.get);
  if (!ghost) return null;
  const classes = ['week-grid__ghost', `week-grid__ghost--${ghost.kind ?? 'new'}`, ghost.clamped ? 'week-grid__ghost--clamped' : ''];
  return (
    <div className={classes.join(' ')} style={spanStyle(ghost, { '--day': ghost.dayIndex })} aria-hidden="true">
      {ghost.title ? <span className="week-grid__ghost-title">{ghost.title}</span> : null}
      <span className="week-grid__ghost-time">
        {t('planGrid.range', { start: formatMinute(ghost.top, language), end: formatMinute(ghost.bottom, language) })}
      </span>
      {ghost.clamped ? <span className="week-grid__ghost-note">{t('planGrid.dayEnd')}</span> : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// One box

/** Props every box of the grid shares; all stable between renders. */
export interface BoxContext {
  language: Language;
  timeZone: string;
  /** Id of the visually hidden explanation of the box keys. */
  keysId: string;
  store: GhostStore;
  onKeyDown(event: KeyboardEvent<HTMLElement>, boxId: string): void;
  onStart(boxId: string): void;
  onOpen(boxId: string): void;
}

interface GridBoxProps extends BoxContext {
  segment: BoxSegment<TimeBox>;
  outcome: BoxOutcome | undefined;
  running: boolean;
}

const percent = (part: number, whole: number) => `${whole > 0 ? Math.min(100, (part / whole) * 100) : 0}%`;

export const GridBox = memo(function GridBox({ segment, outcome, running, language, timeZone, keysId, store, onKeyDown, onStart, onOpen }: GridBoxProps) {
  const { t } = useTranslation();
  const actualId = useId();
  const { box } = segment;
  const dragging = useSyncExternalStore(store.subscribe, () => store.get()?.boxId === box.id);
  const title = box.title.trim() || t('planGrid.untitled');
  const logged = outcome && outcome.marketingMs + outcome.salesMs > 0 ? outcome : null;
  const label = t('planGrid.boxLabel', { kind: t(`kind.${box.kind}`), title, when: whenText(t, box, language, timeZone) });
  const classes = [
    'grid-box',
    `grid-box--${box.kind}`,
    segment.bottom - segment.top < 60 ? 'grid-box--compact' : '',
    running ? 'grid-box--running' : '',
    dragging ? 'grid-box--dragging' : '',
    segment.continuesBefore ? 'grid-box--continued' : '',
  ].filter(Boolean);
  const content = (
    <>
      <span className="grid-box__title">{title}</span>
      <span className="grid-box__time">{rangeText(t, box, language, timeZone)}</span>
      {logged ? (
        <span className="grid-box__actual" aria-hidden="true">
          <span className="grid-box__actual-part grid-box__actual-part--marketing" style={{ width: percent(logged.marketingMs, logged.plannedMs) }} />
          <span className="grid-box__actual-part grid-box__actual-part--sales" style={{ width: percent(logged.salesMs, logged.plannedMs) }} />
        </span>
      ) : null}
      {segment.continuesAfter ? null : <span className="grid-box__resize" data-handle="resize" aria-hidden="true" />}
    </>
  );
  const slotClass = `grid-box-slot grid-box-slot--${box.kind}`;
  const slotStyle = spanStyle(segment, { '--lane': segment.lane, '--lanes': segment.lanes });

  if (!segment.primary) {
    // The rest of a box that crosses midnight: draggable, but named and focused once only.
    return (
      <div className={slotClass} style={slotStyle}>
        <div className={classes.join(' ')} data-box-id={box.id} data-day-index={segment.dayIndex} title={label} aria-hidden="true">
          {content}
        </div>
      </div>
    );
  }
  return (
    <div className={slotClass} style={slotStyle}>
      <div
        role="button"
        tabIndex={0}
        className={classes.join(' ')}
        data-box-id={box.id}
        data-day-index={segment.dayIndex}
        aria-label={running ? t('planGrid.runningLabel', { label }) : label}
        title={label}
        aria-describedby={logged ? `${keysId} ${actualId}` : keysId}
        onKeyDown={(event) => onKeyDown(event, box.id)}
        // Mouse clicks only focus (a drag moves, a double-click opens); a click with no pointer
        // behind it (detail 0) comes from a screen reader's "activate" and opens the box.
        onClick={(event) => {
          if (event.detail === 0) onOpen(box.id);
        }}
      >
        {content}
      </div>
      {logged ? (
        <span id={actualId} hidden>
          {t('planGrid.actual', {
            marketing: formatDuration(logged.marketingMs, language),
            sales: formatDuration(logged.salesMs, language),
            planned: formatDuration(logged.plannedMs, language),
          })}
        </span>
      ) : null}
      {running ? (
        <span className="grid-box__live" aria-hidden="true" />
      ) : (
        // Out of the tab order (Space on the box does the same), so Tab walks box to box.
        <button type="button" tabIndex={-1} className="grid-box__start" aria-label={t('planGrid.start', { title })} onClick={() => onStart(box.id)}>
          <svg viewBox="0 0 10 10" width="10" height="10" aria-hidden="true">
            <path d="M2.5 1.5 8.5 5l-6 3.5z" fill="currentColor" />
          </svg>
        </button>
      )}
    </div>
  );
});

// ---------------------------------------------------------------------------------------------
// One day column

interface DayColumnProps extends BoxContext {
  dayIndex: number;
  isToday: boolean;
  /** Minute of the "now" line, on today's column only. */
  nowMinute: number | null;
  segments: BoxSegment<TimeBox>[];
  rail: (Span & { entry: TimeEntry })[];
  outcomes: Map<string, BoxOutcome>;
  runningBoxId: string | undefined;
}

export const DayColumn = memo(function DayColumn({ dayIndex, isToday, nowMinute, segments, rail, outcomes, runningBoxId, ...context }: DayColumnProps) {
  return (
    <div className={`week-grid__column${isToday ? ' week-grid__column--today' : ''}`} data-day-index={dayIndex}>
      <div className="week-grid__rail" aria-hidden="true">
        {rail.map(({ entry, top, bottom }) => (
          <span key={entry.id} className={`week-grid__logged week-grid__logged--${entry.kind}`} style={spanStyle({ top, bottom })} />
        ))}
      </div>
      {segments.map((segment) => (
        <GridBox
          key={segment.box.id}
          segment={segment}
          outcome={outcomes.get(segment.box.id)}
          running={segment.box.id === runningBoxId}
          {...context}
        />
      ))}
      {nowMinute === null ? null : <div className="week-grid__now" style={spanStyle({ top: nowMinute, bottom: nowMinute })} aria-hidden="true" />}
    </div>
  );
});

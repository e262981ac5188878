// Builders for the time tests. Instants are ISO strings WITH their offset, so the fixtures mean
// the same thing in every process time zone.
import type { RunningTimer, TimeBox, TimeEntry, WorkKind } from '../../../shared/domain/model';

export const at = (iso: string): number => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad fixture ${iso}`);
  return ms;
};

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

let counter = 0;

export function entry(kind: WorkKind, start: number | string, end: number | string, extra: Partial<TimeEntry> = {}): TimeEntry {
  counter += 1;
  return {
    id: `e${counter}`,
    kind,
    category: kind === 'marketing' ? 'newsletter' : 'call',
    start: typeof start === 'string' ? at(start) : start,
    end: typeof end === 'string' ? at(end) : end,
    source: 'manual',
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

export function box(kind: WorkKind, start: number | string, end: number | string, extra: Partial<TimeBox> = {}): TimeBox {
  counter += 1;
  return {
    id: `b${counter}`,
    kind,
    category: kind === 'marketing' ? 'newsletter' : 'visit',
    title: 'box',
    start: typeof start === 'string' ? at(start) : start,
    end: typeof end === 'string' ? at(end) : end,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

export function timer(extra: Partial<RunningTimer> = {}): RunningTimer {
  return {
    id: 'current',
    kind: 'marketing',
    category: 'newsletter',
    runningSince: null,
    startedAt: 0,
    lastActivityAt: 0,
    ...extra,
  };
}

import { describe, expect, it } from 'vitest';
import { periodBudget } from '../../../shared/domain/budget';
import { weekContaining } from '../../../shared/domain/calendar';
import type { TimeBox, TimeEntry } from '../../../shared/domain/model';

const TZ = 'Asia/Tokyo';
const MON = Date.UTC(2026, 10, 16, 0, 0); // 09:00 JST
const H = 3_600_000;
const week = weekContaining(MON, TZ, 1);

const box = (start: number, hours: number): TimeBox => ({ id: `b${start}`, kind: 'marketing', category: 'seo', title: 'SEO', start, end: start + hours * H, createdAt: 0, updatedAt: 0 });
const entry = (kind: 'sales' | 'marketing', start: number, hours: number): TimeEntry => ({
  id: `e${start}`,
  kind,
  category: kind === 'sales' ? 'call' : 'seo',
  start,
  end: start + hours * H,
  source: 'manual',
  createdAt: 0,
  updatedAt: 0,
});

describe('periodBudget', () => {
  it('an empty week: budget only, share unknown', () => {
    const b = periodBudget({ boxes: [], entries: [], timer: null, period: week, weeklyBudgetHours: 8, timeZone: TZ, now: MON });
    expect(b).toMatchObject({ budgetMs: 8 * H, plannedMs: 0, loggedMs: 0 });
    expect(b.share.value).toBeNull();
  });

  it('counts the running marketing segment up to now', () => {
    const b = periodBudget({
      boxes: [box(MON, 2), box(MON + 24 * H, 1.5)],
      entries: [entry('sales', MON - 2 * H, 1), entry('marketing', MON - H, 1)],
      timer: { id: 'current', kind: 'marketing', category: 'seo', runningSince: MON, startedAt: MON, lastActivityAt: MON },
      period: week,
      weeklyBudgetHours: 8,
      timeZone: TZ,
      now: MON + 0.5 * H,
    });
    expect(b.plannedMs).toBe(3.5 * H);
    expect(b.loggedMs).toBe(1.5 * H);
    expect(b.share).toEqual({ numerator: 1.5 * H, denominator: 2.5 * H, value: 0.6 });
  });

  it('a paused timer adds nothing', () => {
    const b = periodBudget({
      boxes: [],
      entries: [],
      timer: { id: 'current', kind: 'marketing', category: 'seo', runningSince: null, startedAt: MON, lastActivityAt: MON },
      period: week,
      weeklyBudgetHours: 8,
      timeZone: TZ,
      now: MON + H,
    });
    expect(b.loggedMs).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';

// Guards the test set-up itself: the shared/ suite must really run in the zone its project names.
describe('test time zone', () => {
  it('matches the TZ the project sets', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(process.env.TZ);
    const offset = new Date('2026-01-15T00:00:00Z').getTimezoneOffset();
    expect(offset).toBe(process.env.TZ === 'Asia/Tokyo' ? -540 : 480);
  });
});

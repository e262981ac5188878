import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  becameOpportunityAt,
  businessMsBetween,
  closedAt,
  closingEvent,
  dealClose,
  firstContactAt,
  followUpDueAt,
  indexLeadEvents,
  isMarketingSourced,
  isOverdueForFirstContact,
  isStale,
  lastContactAt,
  leadFacts,
  leadStageAt,
  originOf,
  stageAt,
} from '../../../shared/domain/leads';
import { DEFAULT_SOURCE_ORIGINS } from '../../../shared/domain/model';
import type { SourceId } from '../../../shared/domain/model';
import { at, BERLIN, CAIRO, contact, DAY, HOUR, lead, leadWithHistory, MINUTE, NEW_YORK, scramble, stage, TOKYO } from './leads-fixtures';

describe('stageAt', () => {
  const events = [
    stage('a', '2025-11-03T10:00:00+09:00', null, 'new'),
    stage('a', '2025-11-05T10:00:00+09:00', 'new', 'contacted'),
    stage('a', '2025-11-10T10:00:00+09:00', 'contacted', 'proposal'),
  ];

  it('follows the history, a move at exactly the instant having happened', () => {
    expect(stageAt(events, at('2025-11-04T00:00:00+09:00'))).toBe('new');
    expect(stageAt(events, at('2025-11-05T09:59:59.999+09:00'))).toBe('new');
    expect(stageAt(events, at('2025-11-05T10:00:00+09:00'))).toBe('contacted');
    expect(stageAt(events, at('2025-12-01T00:00:00+09:00'))).toBe('proposal');
  });

  it('sorts events given out of order', () => {
    const shuffled = scramble(events);
    expect(stageAt(shuffled, at('2025-11-06T00:00:00+09:00'))).toBe('contacted');
    expect(stageAt(shuffled, at('2025-11-11T00:00:00+09:00'))).toBe('proposal');
  });

  it('before the first event, is the stage that event left, or new', () => {
    expect(stageAt(events, at('2025-11-01T00:00:00+09:00'))).toBe('new');
    const partial = [stage('b', '2025-11-05T10:00:00+09:00', 'opportunity', 'proposal')];
    expect(stageAt(partial, at('2025-11-01T00:00:00+09:00'))).toBe('opportunity');
    expect(stageAt([], at('2025-11-01T00:00:00+09:00'))).toBe('new');
  });

  it('breaks ties at one instant by array order (the order they were written)', () => {
    const t = '2025-11-05T10:00:00+09:00';
    const first = stage('c', t, 'new', 'opportunity');
    const second = stage('c', t, 'opportunity', 'proposal');
    expect(stageAt([first, second], at(t))).toBe('proposal');
    expect(stageAt([second, first], at(t))).toBe('opportunity');
  });

  it('picks one lead out of all events by id', () => {
    const mixed = [...events, stage('other', '2025-11-06T10:00:00+09:00', 'contacted', 'won')];
    expect(stageAt(mixed, 'a', at('2025-11-07T00:00:00+09:00'))).toBe('contacted');
    expect(stageAt(mixed, 'other', at('2025-11-07T00:00:00+09:00'))).toBe('won');
    expect(stageAt(mixed, 'nobody', at('2025-11-07T00:00:00+09:00'))).toBe('new');
  });
});

describe('becameOpportunityAt', () => {
  it('is the first move to opportunity, proposal or won', () => {
    const { events } = leadWithHistory('a', '2025-11-01T10:00:00+09:00', [
      ['2025-11-02T10:00:00+09:00', 'contacted'],
      ['2025-11-03T10:00:00+09:00', 'opportunity'],
      ['2025-11-04T10:00:00+09:00', 'proposal'],
    ]);
    expect(becameOpportunityAt(events)).toBe(at('2025-11-03T10:00:00+09:00'));
    expect(becameOpportunityAt(scramble(events))).toBe(at('2025-11-03T10:00:00+09:00'));
  });

  it('counts skipped stages: new → won and contacted → proposal', () => {
    const won = leadWithHistory('a', '2025-11-01T10:00:00+09:00', [['2025-11-09T10:00:00+09:00', 'won']]);
    expect(becameOpportunityAt(won.events)).toBe(at('2025-11-09T10:00:00+09:00'));
    const proposal = leadWithHistory('b', '2025-11-01T10:00:00+09:00', [
      ['2025-11-02T10:00:00+09:00', 'contacted'],
      ['2025-11-05T10:00:00+09:00', 'proposal'],
    ]);
    expect(becameOpportunityAt(proposal.events)).toBe(at('2025-11-05T10:00:00+09:00'));
  });

  it('is null for a lead lost or dropped without ever being an opportunity', () => {
    const lost = leadWithHistory('a', '2025-11-01T10:00:00+09:00', [
      ['2025-11-02T10:00:00+09:00', 'contacted'],
      ['2025-11-05T10:00:00+09:00', 'lost'],
    ]);
    expect(becameOpportunityAt(lost.events)).toBeNull();
    expect(becameOpportunityAt([])).toBeNull();
  });

  it('keeps the first time even after a step back', () => {
    const { events } = leadWithHistory('a', '2025-11-01T10:00:00+09:00', [
      ['2025-11-03T10:00:00+09:00', 'opportunity'],
      ['2025-11-04T10:00:00+09:00', 'contacted'],
      ['2025-11-08T10:00:00+09:00', 'opportunity'],
    ]);
    expect(becameOpportunityAt(events)).toBe(at('2025-11-03T10:00:00+09:00'));
  });
});

describe('dealClose, closingEvent, closedAt', () => {
  const created = '2025-11-01T10:00:00+09:00';

  it('a won deal closes at its won event, even when it skipped every stage', () => {
    const { events } = leadWithHistory('a', created, [['2025-11-09T10:00:00+09:00', 'won']]);
    expect(dealClose(events)).toMatchObject({ at: at('2025-11-09T10:00:00+09:00'), outcome: 'won' });
    expect(closingEvent(events)).toBe(events[1]);
    expect(closedAt(scramble(events))).toBe(at('2025-11-09T10:00:00+09:00'));
  });

  it('lost after being an opportunity is a lost deal; lost without is a lost lead (no close)', () => {
    const deal = leadWithHistory('a', created, [
      ['2025-11-03T10:00:00+09:00', 'opportunity'],
      ['2025-11-09T10:00:00+09:00', 'lost'],
    ]);
    expect(dealClose(deal.events)).toMatchObject({ at: at('2025-11-09T10:00:00+09:00'), outcome: 'lost' });
    const leadOnly = leadWithHistory('b', created, [
      ['2025-11-03T10:00:00+09:00', 'contacted'],
      ['2025-11-09T10:00:00+09:00', 'lost'],
    ]);
    expect(dealClose(leadOnly.events)).toBeNull();
    expect(closingEvent(leadOnly.events)).toBeNull();
    expect(closedAt(leadOnly.events)).toBeNull();
  });

  it('a dropped opportunity is a lost deal; a dropped lead is not', () => {
    const deal = leadWithHistory('a', created, [
      ['2025-11-03T10:00:00+09:00', 'proposal'],
      ['2025-11-20T10:00:00+09:00', 'dropped'],
    ]);
    expect(dealClose(deal.events)).toMatchObject({ at: at('2025-11-20T10:00:00+09:00'), outcome: 'lost' });
    const leadOnly = leadWithHistory('b', created, [['2025-11-20T10:00:00+09:00', 'dropped']]);
    expect(dealClose(leadOnly.events)).toBeNull();
  });

  it('lost then dropped keeps the date it was lost', () => {
    const { events } = leadWithHistory('a', created, [
      ['2025-11-03T10:00:00+09:00', 'opportunity'],
      ['2025-11-09T10:00:00+09:00', 'lost'],
      ['2025-12-20T10:00:00+09:00', 'dropped'],
    ]);
    expect(dealClose(events)).toMatchObject({ at: at('2025-11-09T10:00:00+09:00'), outcome: 'lost' });
  });

  it('is open again when the deal is reopened, and takes the final outcome when corrected', () => {
    const reopened = leadWithHistory('a', created, [
      ['2025-11-03T10:00:00+09:00', 'opportunity'],
      ['2025-11-09T10:00:00+09:00', 'won'],
      ['2025-11-10T10:00:00+09:00', 'proposal'],
    ]);
    expect(dealClose(reopened.events)).toBeNull();
    const corrected = leadWithHistory('b', created, [
      ['2025-11-03T10:00:00+09:00', 'opportunity'],
      ['2025-11-09T10:00:00+09:00', 'won'],
      ['2025-11-10T10:00:00+09:00', 'lost'],
    ]);
    expect(dealClose(corrected.events)).toMatchObject({ at: at('2025-11-10T10:00:00+09:00'), outcome: 'lost' });
  });

  it('a lost lead revived into a deal and lost again is a lost deal, dated by the second loss', () => {
    const { events } = leadWithHistory('a', created, [
      ['2025-11-03T10:00:00+09:00', 'lost'],
      ['2025-11-20T10:00:00+09:00', 'opportunity'],
      ['2025-12-01T10:00:00+09:00', 'lost'],
    ]);
    expect(dealClose(events)).toMatchObject({ at: at('2025-12-01T10:00:00+09:00'), outcome: 'lost' });
  });

  it('a repeated won keeps the first date', () => {
    const events = [
      ...leadWithHistory('a', created, [['2025-11-09T10:00:00+09:00', 'won']]).events,
      stage('a', '2025-11-12T10:00:00+09:00', 'won', 'won'),
    ];
    expect(closedAt(events)).toBe(at('2025-11-09T10:00:00+09:00'));
  });
});

describe('firstContactAt', () => {
  const created = '2025-11-03T09:00:00+09:00';

  it('is the earliest of the first contact log and the first move out of new', () => {
    const moveFirst = [
      ...leadWithHistory('a', created, [['2025-11-03T10:00:00+09:00', 'contacted']]).events,
      contact('a', '2025-11-04T10:00:00+09:00'),
    ];
    expect(firstContactAt(moveFirst)).toBe(at('2025-11-03T10:00:00+09:00'));
    const logFirst = [
      contact('b', '2025-11-05T10:00:00+09:00'),
      ...leadWithHistory('b', created, [['2025-11-06T10:00:00+09:00', 'contacted']]).events,
      contact('b', '2025-11-03T09:30:00+09:00'),
    ];
    expect(firstContactAt(logFirst)).toBe(at('2025-11-03T09:30:00+09:00'));
  });

  it('is null before anything happened; a creation straight into a later stage is a contact', () => {
    expect(firstContactAt(leadWithHistory('a', created, []).events)).toBeNull();
    expect(firstContactAt([])).toBeNull();
    const createdAsOpportunity = [stage('b', created, null, 'opportunity')];
    expect(firstContactAt(createdAsOpportunity)).toBe(at(created));
  });

  it('counts any move out of new, a skip to won included', () => {
    const { events } = leadWithHistory('a', created, [['2025-11-07T10:00:00+09:00', 'won']]);
    expect(firstContactAt(events)).toBe(at('2025-11-07T10:00:00+09:00'));
  });
});

describe('leadFacts fills gaps in the history', () => {
  it('a lead without stage events has been in its cached stage since creation', () => {
    const old = lead('a', '2025-06-01T10:00:00+09:00', { stage: 'won', value: 100 });
    const facts = leadFacts(old, []);
    expect(facts.opportunityAt).toBe(old.createdAt);
    expect(facts.close).toMatchObject({ at: old.createdAt, outcome: 'won' });
    expect(facts.firstContactAt).toBe(old.createdAt);
    expect(leadStageAt(old, [], at('2025-07-01T00:00:00+09:00'))).toBe('won');
  });

  it('a history starting from a later stage had the lead in that stage since creation', () => {
    const l = lead('a', '2025-06-01T10:00:00+09:00', { stage: 'lost' });
    const events = [stage('a', '2025-08-01T10:00:00+09:00', 'proposal', 'lost')];
    const facts = leadFacts(l, events);
    expect(facts.opportunityAt).toBe(l.createdAt);
    expect(facts.close).toMatchObject({ at: at('2025-08-01T10:00:00+09:00'), outcome: 'lost' });
    expect(leadStageAt(l, events, at('2025-07-01T00:00:00+09:00'))).toBe('proposal');
  });

  it('the stage of a lead is null before it existed, and the events may hold other leads', () => {
    const { lead: l, events } = leadWithHistory('a', '2025-11-05T10:00:00+09:00', [['2025-11-06T10:00:00+09:00', 'contacted']]);
    const all = [...events, ...leadWithHistory('b', '2025-11-01T10:00:00+09:00', [['2025-11-02T10:00:00+09:00', 'won']]).events];
    expect(leadStageAt(l, all, at('2025-11-05T09:59:59.999+09:00'))).toBeNull();
    expect(leadStageAt(l, all, at('2025-11-05T10:00:00+09:00'))).toBe('new');
    expect(leadStageAt(l, indexLeadEvents(all), at('2025-11-07T00:00:00+09:00'))).toBe('contacted');
  });
});

describe('business time', () => {
  const tokyo = (iso: string) => at(`${iso}+09:00`);

  it('DOMAIN.md: a lead created Saturday 10:00 with a 24 h SLA is due Tuesday 00:00', () => {
    expect(addBusinessTime(tokyo('2025-11-01T10:00:00'), 24 * HOUR, TOKYO)).toBe(tokyo('2025-11-04T00:00:00'));
    expect(followUpDueAt(lead('a', tokyo('2025-11-01T10:00:00')), 24, TOKYO)).toBe(tokyo('2025-11-04T00:00:00'));
  });

  it('Friday 15:00 + 24 h is Monday 15:00', () => {
    expect(addBusinessTime(tokyo('2025-11-07T15:00:00'), 24 * HOUR, TOKYO)).toBe(tokyo('2025-11-10T15:00:00'));
    expect(businessMsBetween(tokyo('2025-11-07T15:00:00'), tokyo('2025-11-10T15:00:00'), TOKYO)).toBe(24 * HOUR);
  });

  it('a deadline that falls at Friday 24:00 moves to Monday 00:00: no business time passes at the weekend', () => {
    expect(addBusinessTime(tokyo('2025-11-07T00:00:00'), 24 * HOUR, TOKYO)).toBe(tokyo('2025-11-10T00:00:00'));
    expect(addBusinessTime(tokyo('2025-11-09T12:00:00'), 0, TOKYO)).toBe(tokyo('2025-11-10T00:00:00'));
    expect(businessMsBetween(tokyo('2025-11-07T00:00:00'), tokyo('2025-11-08T00:00:00'), TOKYO)).toBe(24 * HOUR);
    expect(businessMsBetween(tokyo('2025-11-07T00:00:00'), tokyo('2025-11-09T23:00:00'), TOKYO)).toBe(24 * HOUR);
  });

  it('counts weekdays only, inside a day and over weeks', () => {
    expect(addBusinessTime(tokyo('2025-11-03T09:00:00'), 8 * HOUR, TOKYO)).toBe(tokyo('2025-11-03T17:00:00'));
    expect(addBusinessTime(tokyo('2025-11-05T10:00:00'), 72 * HOUR, TOKYO)).toBe(tokyo('2025-11-10T10:00:00'));
    expect(addBusinessTime(tokyo('2025-11-03T09:00:00'), 10 * 24 * HOUR, TOKYO)).toBe(tokyo('2025-11-17T09:00:00'));
    expect(businessMsBetween(tokyo('2025-11-03T09:00:00'), tokyo('2025-11-10T09:00:00'), TOKYO)).toBe(5 * DAY);
    expect(businessMsBetween(tokyo('2025-11-03T09:00:00'), tokyo('2025-11-17T09:00:00'), TOKYO)).toBe(10 * DAY);
    expect(businessMsBetween(tokyo('2025-11-01T10:00:00'), tokyo('2025-11-02T20:00:00'), TOKYO)).toBe(0);
    expect(businessMsBetween(tokyo('2025-11-01T10:00:00'), tokyo('2025-11-03T01:30:00'), TOKYO)).toBe(90 * MINUTE);
  });

  it('is 0 backwards and rejects negative or non-finite amounts', () => {
    expect(businessMsBetween(tokyo('2025-11-05T10:00:00'), tokyo('2025-11-04T10:00:00'), TOKYO)).toBe(0);
    expect(businessMsBetween(tokyo('2025-11-05T10:00:00'), tokyo('2025-11-05T10:00:00'), TOKYO)).toBe(0);
    expect(() => addBusinessTime(tokyo('2025-11-05T10:00:00'), -1, TOKYO)).toThrow(RangeError);
    expect(() => addBusinessTime(Number.NaN, HOUR, TOKYO)).toThrow(RangeError);
    expect(() => addBusinessTime(tokyo('2025-11-05T10:00:00'), HOUR, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('Berlin spring forward (Sun 2026-03-29): Friday 15:00 + 24 h is Monday 15:00, 71 real hours later', () => {
    const start = at('2026-03-27T15:00:00+01:00');
    const due = addBusinessTime(start, 24 * HOUR, BERLIN);
    expect(due).toBe(at('2026-03-30T15:00:00+02:00'));
    expect(due - start).toBe(71 * HOUR);
    expect(businessMsBetween(start, due, BERLIN)).toBe(24 * HOUR);
    expect(addBusinessTime(at('2026-03-28T10:00:00+01:00'), 24 * HOUR, BERLIN)).toBe(at('2026-03-31T00:00:00+02:00'));
  });

  it('Berlin fall back (Sun 2026-10-25): Friday 15:00 + 24 h is Monday 15:00, 73 real hours later', () => {
    const start = at('2026-10-23T15:00:00+02:00');
    const due = addBusinessTime(start, 24 * HOUR, BERLIN);
    expect(due).toBe(at('2026-10-26T15:00:00+01:00'));
    expect(due - start).toBe(73 * HOUR);
  });

  it('New York spring forward (Sun 2026-03-08)', () => {
    expect(addBusinessTime(at('2026-03-06T15:00:00-05:00'), 24 * HOUR, NEW_YORK)).toBe(at('2026-03-09T15:00:00-04:00'));
    expect(addBusinessTime(at('2026-03-07T10:00:00-05:00'), 24 * HOUR, NEW_YORK)).toBe(at('2026-03-10T00:00:00-04:00'));
  });

  it('a weekday DST makes 23 h long still counts 24 business hours (Cairo, Fri 2026-04-24 starts 01:00)', () => {
    // Thursday 12:00 + 24 h: 12 h of Thursday, then half of Friday's 24 business hours, which is
    // half of its 23 real hours: 11 h 30 min after Friday's first instant (01:00).
    const start = at('2026-04-23T12:00:00+02:00');
    expect(addBusinessTime(start, 24 * HOUR, CAIRO)).toBe(at('2026-04-24T12:30:00+03:00'));
    const fridayEnd = at('2026-04-25T00:00:00+03:00');
    expect(businessMsBetween(start, fridayEnd, CAIRO)).toBe(36 * HOUR);
    expect(fridayEnd - start).toBe(35 * HOUR);
  });
});

describe('follow-up', () => {
  const created = '2025-11-07T15:00:00+09:00'; // Friday
  const due = at('2025-11-10T15:00:00+09:00');

  it('is overdue only once past due without a first contact', () => {
    const { lead: l, events } = leadWithHistory('a', created, []);
    expect(followUpDueAt(l, 24, TOKYO)).toBe(due);
    expect(isOverdueForFirstContact(l, events, 24, due, TOKYO)).toBe(false);
    expect(isOverdueForFirstContact(l, events, 24, due + 1, TOKYO)).toBe(true);
    expect(isOverdueForFirstContact(l, events, 8, at('2025-11-10T00:00:00+09:00'), TOKYO)).toBe(true);
  });

  it('a contacted lead is not overdue, even when contacted late; a future contact does not count yet', () => {
    const { lead: l, events } = leadWithHistory('a', created, []);
    const late = [...events, contact('a', '2025-11-10T16:00:00+09:00')];
    expect(isOverdueForFirstContact(l, late, 24, at('2025-11-10T17:00:00+09:00'), TOKYO)).toBe(false);
    expect(isOverdueForFirstContact(l, late, 24, at('2025-11-10T15:30:00+09:00'), TOKYO)).toBe(true);
    const moved = leadWithHistory('b', created, [['2025-11-08T10:00:00+09:00', 'contacted']]);
    expect(isOverdueForFirstContact(moved.lead, moved.events, 24, at('2025-11-20T00:00:00+09:00'), TOKYO)).toBe(false);
  });

  it('a lead dropped without contact is not waiting for one', () => {
    const { lead: l, events } = leadWithHistory('a', created, [['2025-11-07T16:00:00+09:00', 'dropped']]);
    expect(isOverdueForFirstContact(l, events, 24, at('2025-11-20T00:00:00+09:00'), TOKYO)).toBe(false);
  });
});

describe('last contact and stale leads', () => {
  const created = '2025-08-01T10:00:00+09:00';
  const logged = '2025-09-01T10:00:00+09:00';
  const sixtyDaysLater = at(logged) + 60 * DAY;

  it('last contact is the latest contact log, else the first contact, else creation', () => {
    const { lead: l, events } = leadWithHistory('a', created, [['2025-08-02T10:00:00+09:00', 'contacted']]);
    expect(lastContactAt(l, events)).toBe(at('2025-08-02T10:00:00+09:00'));
    const withLog = [...events, contact('a', logged), contact('a', '2025-08-15T10:00:00+09:00')];
    expect(lastContactAt(l, withLog)).toBe(at(logged));
    expect(lastContactAt(l, withLog, at('2025-08-20T00:00:00+09:00'))).toBe(at('2025-08-15T10:00:00+09:00'));
    const untouched = leadWithHistory('b', created, []);
    expect(lastContactAt(untouched.lead, untouched.events)).toBe(at(created));
  });

  it('stale after 60 days without contact, exactly at 60 days', () => {
    const { lead: l, events } = leadWithHistory('a', created, [['2025-08-02T10:00:00+09:00', 'contacted']]);
    const all = [...events, contact('a', logged)];
    expect(isStale(l, all, 60, sixtyDaysLater - 1)).toBe(false);
    expect(isStale(l, all, 60, sixtyDaysLater)).toBe(true);
    expect(isStale(l, [...all, contact('a', sixtyDaysLater + DAY)], 60, sixtyDaysLater)).toBe(true);
  });

  it('a later stage move is not a contact', () => {
    const { lead: l, events } = leadWithHistory('a', created, [
      ['2025-08-02T10:00:00+09:00', 'contacted'],
      ['2025-10-20T10:00:00+09:00', 'opportunity'],
    ]);
    expect(isStale(l, events, 60, at('2025-10-25T10:00:00+09:00'))).toBe(true);
  });

  it('closed leads are never stale; nor is a lead before it exists', () => {
    for (const closed of ['won', 'lost', 'dropped'] as const) {
      const { lead: l, events } = leadWithHistory('a', created, [['2025-08-02T10:00:00+09:00', closed]]);
      expect(isStale(l, events, 60, at('2026-01-01T00:00:00+09:00'))).toBe(false);
    }
    const { lead: l, events } = leadWithHistory('b', created, []);
    expect(isStale(l, events, 60, at('2025-07-01T00:00:00+09:00'))).toBe(false);
    expect(isStale(l, events, 60, at('2025-10-01T00:00:00+09:00'))).toBe(true);
  });

  it('judges the stage at now, not the cached stage', () => {
    const { lead: l, events } = leadWithHistory('a', created, [['2025-12-01T10:00:00+09:00', 'won']]);
    expect(isStale(l, events, 60, at('2025-11-01T00:00:00+09:00'))).toBe(true);
  });
});

describe('isMarketingSourced', () => {
  const of = (source: SourceId, initiativeId?: string) => lead('a', 0, { source, ...(initiativeId === undefined ? {} : { initiativeId }) });

  it('marketing origin, or linked to an initiative', () => {
    expect(isMarketingSourced(of('newsletter'), DEFAULT_SOURCE_ORIGINS)).toBe(true);
    expect(isMarketingSourced(of('other'), DEFAULT_SOURCE_ORIGINS)).toBe(true);
    expect(isMarketingSourced(of('outbound'), DEFAULT_SOURCE_ORIGINS)).toBe(false);
    expect(isMarketingSourced(of('referral'), DEFAULT_SOURCE_ORIGINS)).toBe(false);
    expect(isMarketingSourced(of('outbound', 'show-nov'), DEFAULT_SOURCE_ORIGINS)).toBe(true);
    expect(isMarketingSourced(of('outbound', ''), DEFAULT_SOURCE_ORIGINS)).toBe(false);
  });

  it("follows the user's origins, defaulting missing and unknown sources", () => {
    expect(isMarketingSourced(of('newsletter'), { newsletter: 'sales' })).toBe(false);
    expect(isMarketingSourced(of('referral'), { referral: 'marketing' })).toBe(true);
    expect(isMarketingSourced(of('referral'), {})).toBe(false);
    expect(originOf('from-a-newer-version' as SourceId, {})).toBe('marketing');
  });
});

// The report's reads against fake-indexeddb: the rows read by the plan (by index, in one
// transaction) give the very same report as every row of every table; and saved reports are
// kept, listed newest first, and deleted with undo.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { countReports, deleteReport, getReport, listReports, readReportInput, restoreReport, saveReport } from '../../../renderer/db/reports';
import { writeSampleRows } from '../../../renderer/db/sample';
import { previousPeriod, resolvePeriod, type PeriodSpec } from '../../../shared/domain/calendar';
import { defaultSettings, type Lead, type LeadEvent } from '../../../shared/domain/model';
import { buildReport, type ReportInput } from '../../../shared/domain/report';
import { generateSampleData, SAMPLE_SIZES, type SampleData } from '../../../shared/sample';

const TZ = 'Asia/Tokyo';
const NOW = Date.parse('2026-12-03T10:00:00+09:00');
const settings = defaultSettings(NOW);

let db: TwoHatsDatabase;
let data: SampleData;

beforeAll(async () => {
  data = generateSampleData({ seed: 20261123, now: NOW, timeZone: TZ, weeks: SAMPLE_SIZES.year, language: 'ja' });
  // An old open lead with an event before the read range and a lead linked to an old initiative:
  // the rows that only the `stage` and `[leadId+at]` reads bring in.
  const old = Date.parse('2024-05-10T10:00:00+09:00');
  const extraLeads: Lead[] = [
    { id: 'old-open', createdAt: old, company: 'Old Open', person: '', source: 'newsletter', stage: 'proposal', value: 900_000, updatedAt: old },
    { id: 'old-linked', createdAt: old, company: 'Old Linked', person: '', source: 'seo', initiativeId: data.initiatives[0]!.id, stage: 'lost', updatedAt: old },
  ];
  const extraEvents: LeadEvent[] = [
    { id: 'old-open-1', leadId: 'old-open', at: old, type: 'stage', from: null, to: 'new' },
    { id: 'old-open-2', leadId: 'old-open', at: old + 86_400_000, type: 'stage', from: 'new', to: 'proposal' },
    { id: 'old-linked-1', leadId: 'old-linked', at: old, type: 'stage', from: null, to: 'new' },
    { id: 'old-linked-2', leadId: 'old-linked', at: old + 86_400_000, type: 'stage', from: 'new', to: 'lost' },
  ];
  data = { ...data, leads: [...data.leads, ...extraLeads], leadEvents: [...data.leadEvents, ...extraEvents] };
  db = new TwoHatsDatabase(`reports-${Math.random()}`);
  await db.open();
  await db.transaction('rw', db.tables, () => writeSampleRows(db, data));
});

afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

function everyRow(spec: PeriodSpec, now: number): ReportInput {
  const period = resolvePeriod(spec, TZ, settings);
  const previous = resolvePeriod(previousPeriod(spec, TZ), TZ, settings);
  return {
    spec,
    period,
    previous,
    now,
    cutoff: Math.min(now, period.end),
    timeZone: TZ,
    settings,
    entries: data.timeEntries,
    boxes: data.timeBoxes,
    leads: data.leads,
    leadEvents: data.leadEvents,
    initiatives: data.initiatives,
    wins: data.wins,
    metricDefinitions: data.metricDefinitions,
    metricEntries: data.metricEntries,
    goals: data.goals,
  };
}

describe('readReportInput on the 52-week sample', () => {
  it.each<[string, PeriodSpec]>([
    ['a month', { kind: 'month', anchor: '2026-11-01' }],
    ['a month under way', { kind: 'month', anchor: '2026-12-01' }],
    ['a fiscal quarter', { kind: 'fiscal-quarter', anchor: '2026-07-01' }],
    ['a fiscal half', { kind: 'fiscal-half', anchor: '2026-04-01' }],
    ['a custom range', { kind: 'custom', start: Date.parse('2026-06-15T00:00:00+09:00'), end: Date.parse('2026-08-20T12:00:00+09:00') }],
    ['an empty quarter before the data', { kind: 'fiscal-quarter', anchor: '2024-01-01' }],
  ])('%s: the rows read by the plan give the same report as every row', async (_label, spec) => {
    const input = await readReportInput(db, { spec, settings, timeZone: TZ, now: NOW });
    // A year of sample leads all fall inside the funnel's 12-month history: the leads are all needed.
    expect(buildReport(input)).toEqual(buildReport(everyRow(spec, NOW)));
  });

  it('reads fewer rows than the tables hold, each once', async () => {
    const input = await readReportInput(db, { spec: { kind: 'month', anchor: '2026-11-01' }, settings, timeZone: TZ, now: NOW });
    expect(input.entries.length).toBeLessThan(data.timeEntries.length / 4);
    expect(input.wins.length).toBeLessThan(data.wins.length);
    for (const rows of [input.entries, input.boxes, input.leads, input.leadEvents, input.wins, input.metricEntries]) {
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    }
    // The old open lead came with its whole history, read by [leadId+at].
    expect(input.leadEvents.filter((e) => e.leadId === 'old-open')).toHaveLength(2);
    expect(input.leads.some((l) => l.id === 'old-linked')).toBe(true);
  });
});

describe('saved reports', () => {
  const draft = (title: string) => ({
    periodStart: 1,
    periodEnd: 2,
    language: 'ja' as const,
    title,
    snapshot: { format: 1, nested: { figures: [1, 2, 3] } },
    comment: 'コメント',
    plan: '計画',
  });

  it('saves, lists newest first, reopens exactly, and deletes with undo', async () => {
    const first = await saveReport(db, draft('10月'), 1000);
    const second = await saveReport(db, draft('11月'), 2000);
    expect((await listReports(db)).map((r) => r.title)).toEqual(['11月', '10月']);
    expect((await listReports(db, 1)).map((r) => r.id)).toEqual([second.id]);
    expect(await getReport(db, first.id)).toEqual(first);

    const removed = await deleteReport(db, second.id);
    expect(removed).toEqual(second);
    expect(await countReports(db)).toBe(1);
    expect(await deleteReport(db, 'no-such-report')).toBeUndefined();
    await restoreReport(db, removed!);
    expect(await getReport(db, second.id)).toEqual(second);
    expect(await countReports(db)).toBe(2);
  });
});

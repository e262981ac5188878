// Benchmark-style: builds reports from the ten-year sample (≈57k time entries, 20k leads, 110k
// lead events) and PRINTS the time. Nothing is asserted about time (a loaded CI machine must not
// fail); it must complete, and the rows `reportReadPlan` names must give the very same report.
import { describe, expect, it } from 'vitest';
import { previousPeriod, resolvePeriod } from '../../../shared/domain/calendar';
import type { PeriodSpec } from '../../../shared/domain/calendar';
import { defaultSettings } from '../../../shared/domain/model';
import { buildReport, reportReadPlan } from '../../../shared/domain/report';
import type { Report, ReportInput } from '../../../shared/domain/report';
import { generateSampleData, SAMPLE_SIZES } from '../../../shared/sample';
import type { SampleData } from '../../../shared/sample';
import { jst, readByPlan, TOKYO } from './report-fixtures';

const NOW = jst('2026-12-03 10:00');
const settings = defaultSettings(NOW);

function rowsOf(data: SampleData): Omit<ReportInput, 'period' | 'previous' | 'now' | 'cutoff' | 'timeZone' | 'spec'> {
  return {
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

function timed(label: string, build: () => Report): Report {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const report = build();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  console.log(`[report bench] ${label}: ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU`);
  return report;
}

function compare(data: SampleData, spec: PeriodSpec, label: string): void {
  const rows = rowsOf(data);
  const period = resolvePeriod(spec, TOKYO, settings);
  const previous = resolvePeriod(previousPeriod(spec, TOKYO), TOKYO, settings);
  const base = { spec, period, previous, now: NOW, cutoff: Math.min(NOW, period.end), timeZone: TOKYO };
  const full = timed(`${label}, every row`, () => buildReport({ ...rows, ...base }));
  const plan = reportReadPlan(period, previous, settings, TOKYO, NOW, spec);
  const read = readByPlan(plan, rows);
  console.log(
    `[report bench] ${label}, rows read by the plan: ${read.entries.length}/${rows.entries.length} entries, ` +
      `${read.boxes.length}/${rows.boxes.length} boxes, ${read.leads.length}/${rows.leads.length} leads, ` +
      `${read.leadEvents.length}/${rows.leadEvents.length} events, ${read.metricEntries.length}/${rows.metricEntries.length} metric rows`,
  );
  const planned = timed(`${label}, rows of the plan`, () => buildReport({ ...read, ...base }));
  expect(planned).toEqual(full);
  expect(full.isEmpty).toBe(false);
  expect(JSON.parse(JSON.stringify(full))).toStrictEqual(full);
}

describe('report from the ten-year sample', () => {
  let data: SampleData | undefined;
  const tenYears = () => (data ??= generateSampleData({ seed: 42, now: NOW, timeZone: TOKYO, weeks: SAMPLE_SIZES.tenYears, language: 'ja' }));

  it('November 2026', { timeout: 120_000 }, () => {
    compare(tenYears(), { kind: 'month', anchor: '2026-11-01' }, 'month');
  });

  it('fiscal Q3 2026 and fiscal year 2025', { timeout: 120_000 }, () => {
    compare(tenYears(), { kind: 'fiscal-quarter', anchor: '2026-10-01' }, 'fiscal quarter');
    compare(tenYears(), { kind: 'fiscal-year', anchor: '2025-04-01' }, 'fiscal year');
  });

  it('all ten years as one custom range (the worst case)', { timeout: 120_000 }, () => {
    const rows = rowsOf(tenYears());
    const first = Math.min(...rows.entries.map((e) => e.start));
    const period = { start: first, end: NOW };
    const previous = { start: first - (NOW - first), end: first };
    const report = timed('ten years', () => buildReport({ ...rows, period, previous, now: NOW, cutoff: NOW, timeZone: TOKYO }));
    expect(report.time.weekly.length).toBeGreaterThan(500);
    expect(report.pipeline.leads.value).toBe(rows.leads.length);
  });
});

describe('the read plan on the one-year sample', () => {
  const year = generateSampleData({ seed: 7, now: NOW, timeZone: TOKYO, weeks: SAMPLE_SIZES.year, language: 'en' });

  it.each<[string, PeriodSpec]>([
    ['a week', { kind: 'week', anchor: '2026-11-18' }],
    ['a month under way', { kind: 'month', anchor: '2026-12-01' }],
    ['a fiscal half', { kind: 'fiscal-half', anchor: '2026-04-01' }],
  ])('%s: the rows it names give the same report', (label, spec) => {
    compare(year, spec, label);
  });
});

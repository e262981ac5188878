/**
 * Runs inside Chromium with real IndexedDB, over ten years of sample data: the time to compute a
 * quarterly report as the Reports screen does (renderer/db/reports.ts reads by the read plan, then
 * shared/domain/report builds it), next to the raw IndexedDB read of the very same rows (getAll
 * over the same index ranges, in one transaction, no library and no maths: the floor). Then it
 * draws the report's print view, for test/bench/report.spec.ts to time Chromium's print to PDF.
 * Exposes `window.twohatsReportBench`.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { readReportInput, readReportRows } from '../../../renderer/db/reports';
import { writeSampleRows } from '../../../renderer/db/sample';
import { initI18n, i18next } from '../../../renderer/i18n';
import { reportFormat } from '../../../renderer/features/reports/report-format';
import { ensureReportLanguage } from '../../../renderer/features/reports/report-i18n';
import { ReportDocument } from '../../../renderer/features/reports/ReportDocument';
import { previousPeriod, resolvePeriod, type PeriodSpec } from '../../../shared/domain/calendar';
import { defaultSettings, type Lead, type LeadEvent } from '../../../shared/domain/model';
import { buildReport, reportReadPlan, type InstantRange, type Report, type ReportReadPlan } from '../../../shared/domain/report';
import { generateSampleData } from '../../../shared/sample';
import '../../../renderer/styles/tokens.css';
import '../../../renderer/styles/base.css';
import '../../../renderer/features/reports/reports.css';
import '../../../renderer/features/reports/print.css';

const TZ = 'Asia/Tokyo';

async function load(weeks: number, now: number): Promise<{ db: TwoHatsDatabase; ms: number; counts: Record<string, number> }> {
  const db = new TwoHatsDatabase(`bench-report-${weeks}-${now}`);
  await db.open();
  const started = performance.now();
  if ((await db.timeEntries.count()) === 0) {
    const data = generateSampleData({ seed: 11, now, timeZone: TZ, weeks, language: 'en' });
    await db.transaction('rw', db.tables, () => writeSampleRows(db, data));
  }
  const ms = performance.now() - started;
  const counts: Record<string, number> = {};
  for (const name of ['timeEntries', 'timeBoxes', 'leads', 'leadEvents', 'wins', 'metricEntries'] as const) counts[name] = await db.table(name).count();
  return { db, ms, counts };
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

const keyRange = (r: InstantRange) => (r.to === null ? IDBKeyRange.lowerBound(r.from) : IDBKeyRange.bound(r.from, r.to, false, true));

/**
 * The floor: the same rows by the same index ranges with IndexedDB's own getAll, in one read
 * transaction (the follow-up reads, the leads of events and initiatives and the older leads'
 * histories, included, since the report needs those rows too). Returns how many rows it read.
 */
async function rawRead(db: TwoHatsDatabase, plan: ReportReadPlan): Promise<number> {
  const idb = db.backendDB();
  const tx = idb.transaction(['timeEntries', 'timeBoxes', 'leads', 'leadEvents', 'initiatives', 'wins', 'metricDefinitions', 'metricEntries', 'goals'], 'readonly');
  const store = (name: string) => tx.objectStore(name);
  const ranges = <T>(name: string, index: string, list: readonly InstantRange[]) =>
    Promise.all(list.map((r) => request(store(name).index(index).getAll(keyRange(r)) as IDBRequest<T[]>))).then((l) => l.flat());
  const [entries, boxes, created, open, events, initiatives, wins, definitions, metrics, goals] = await Promise.all([
    ranges<{ initiativeId?: string }>('timeEntries', 'start', plan.timeEntries),
    ranges<{ initiativeId?: string }>('timeBoxes', 'start', plan.timeBoxes),
    ranges<Lead>('leads', 'createdAt', plan.leadsCreated),
    Promise.all(plan.leadsInStages.map((stage) => request(store('leads').index('stage').getAll(stage) as IDBRequest<Lead[]>))).then((l) => l.flat()),
    ranges<LeadEvent>('leadEvents', 'at', plan.leadsWithEvents),
    request(store('initiatives').getAll() as IDBRequest<{ id: string; start: number; end: number }[]>),
    ranges<unknown>('wins', 'at', plan.wins),
    request(store('metricDefinitions').getAll()),
    Promise.all(plan.metricEntries.map((r) => request(store('metricEntries').index('period').getAll(IDBKeyRange.bound(r.from, r.to))))).then((l) => l.flat()),
    Promise.all(plan.goalFiscalYears.map((y) => request(store('goals').index('fiscalYear').getAll(y)))).then((l) => l.flat()),
  ]);
  const leads = new Map<string, Lead>();
  for (const lead of [...created, ...open]) leads.set(lead.id, lead);
  const missing = [...new Set(events.map((e) => e.leadId))].filter((id) => !leads.has(id));
  for (const lead of await Promise.all(missing.map((id) => request(store('leads').get(id) as IDBRequest<Lead | undefined>)))) if (lead) leads.set(lead.id, lead);
  const ids = new Set<string>();
  for (const lead of leads.values()) if (lead.initiativeId) ids.add(lead.initiativeId);
  for (const row of [...entries, ...boxes]) if (row.initiativeId) ids.add(row.initiativeId);
  for (const i of initiatives) if (i.start < plan.initiativesOverlapping.end && i.end > plan.initiativesOverlapping.start) ids.add(i.id);
  const linked = await Promise.all([...ids].map((id) => request(store('leads').index('initiativeId').getAll(id) as IDBRequest<Lead[]>)));
  for (const lead of linked.flat()) leads.set(lead.id, lead);
  const from = Math.min(...plan.leadsWithEvents.map((r) => r.from));
  const older = [...leads.values()].filter((lead) => lead.createdAt < from);
  const histories = await Promise.all(older.map((lead) => request(store('leadEvents').index('[leadId+at]').getAll(IDBKeyRange.bound([lead.id, -Infinity], [lead.id, from], false, true)))));
  return entries.length + boxes.length + leads.size + events.length + histories.flat().length + initiatives.length + wins.length + definitions.length + metrics.length + goals.length;
}

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

let lastReport: Report | null = null;

async function run(weeks: number, now: number, runs: number) {
  const { db, ms, counts } = await load(weeks, now);
  const settings = defaultSettings(now);
  const spec: PeriodSpec = { kind: 'fiscal-quarter', anchor: '2026-10-01' };
  const period = resolvePeriod(spec, TZ, settings);
  const previous = resolvePeriod(previousPeriod(spec, TZ), TZ, settings);
  const plan = reportReadPlan(period, previous, settings, TZ, now, spec);
  const compute = async () => (lastReport = buildReport(await readReportInput(db, { spec, settings, timeZone: TZ, now })));
  const readOnly = () => readReportRows(db, plan);
  const raw = () => rawRead(db, plan);
  const input = await readReportInput(db, { spec, settings, timeZone: TZ, now });
  const buildOnly = async () => buildReport(input);
  // Warm both paths once: a returning user's database is warm.
  await compute();
  await raw();
  const rows = await readOnly();
  const result = {
    loadMs: ms,
    counts,
    rowsRead: {
      entries: rows.entries.length,
      boxes: rows.boxes.length,
      leads: rows.leads.length,
      leadEvents: rows.leadEvents.length,
      wins: rows.wins.length,
      metricEntries: rows.metricEntries.length,
    },
    rawRows: await raw(),
    computeMs: await median(runs, compute),
    readMs: await median(runs, readOnly),
    buildMs: await median(runs, buildOnly),
    rawMs: await median(runs, raw),
  };
  db.close();
  return result;
}

/** Draws the last report's print view (A4 paper, print stylesheet) for the spec to print. */
async function render(language: 'en' | 'ja'): Promise<number> {
  if (!lastReport) throw new Error('run() first');
  await initI18n(language);
  await ensureReportLanguage(language);
  const f = reportFormat(i18next.getFixedT(language), language, lastReport.currency, lastReport.timeZone);
  document.documentElement.classList.add('report-printing');
  const host = document.createElement('div');
  host.className = 'report-print-root';
  const paper = document.createElement('div');
  paper.className = 'report-paper report-paper--print';
  host.append(paper);
  document.body.append(host);
  const doc = { report: lastReport, language, header: { userName: 'Hana Yamada', companyName: 'Futatsuboshi Ltd.' }, headline: null, comment: '', plan: '', savedAt: null };
  const t0 = performance.now();
  createRoot(paper).render(createElement(ReportDocument, { doc, f }));
  await new Promise<void>((resolve) => {
    const check = () => (paper.querySelector('.report-doc') ? resolve() : requestAnimationFrame(check));
    check();
  });
  await document.fonts.ready;
  return performance.now() - t0;
}

declare global {
  interface Window {
    twohatsReportBench: { run: typeof run; render: typeof render };
  }
}

window.twohatsReportBench = { run, render };

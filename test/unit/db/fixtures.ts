/** A small database's worth of rows touching every table and index, written by hand. */
import type {
  Goal,
  Initiative,
  Lead,
  LeadEvent,
  MetricDefinition,
  MetricEntry,
  RunningTimer,
  SavedReport,
  TimeBox,
  TimeEntry,
  Win,
} from '../../../shared/domain/model';
import { defaultSettings } from '../../../shared/domain/model/settings';

const T = Date.UTC(2026, 10, 16, 0, 0); // Monday 2026-11-16 09:00 in Tokyo
const H = 3_600_000;

export function fixtureRows(): Record<string, unknown[]> {
  const timeBoxes: TimeBox[] = [
    { id: 'box-1', kind: 'marketing', category: 'newsletter', title: 'Nov newsletter', start: T + H, end: T + 2.5 * H, initiativeId: 'ini-1', createdAt: T, updatedAt: T },
    { id: 'box-2', kind: 'sales', category: 'visit', title: 'Visit', start: T + 24 * H, end: T + 26 * H, createdAt: T, updatedAt: T },
  ];
  const timeEntries: TimeEntry[] = [
    { id: 'entry-1', kind: 'marketing', category: 'newsletter', start: T + H, end: T + 1.67 * H, boxId: 'box-1', source: 'timer', createdAt: T, updatedAt: T },
    { id: 'entry-2', kind: 'sales', category: 'call', start: T + 1.67 * H, end: T + 2 * H, boxId: 'box-1', interruption: true, note: 'customer call', source: 'timer', createdAt: T, updatedAt: T },
    { id: 'entry-3', kind: 'marketing', category: 'newsletter', start: T + 2 * H, end: T + 2.5 * H, boxId: 'box-1', source: 'timer', createdAt: T, updatedAt: T },
  ];
  const timer: RunningTimer[] = [
    { id: 'current', kind: 'marketing', category: 'seo', runningSince: T + 3 * H, startedAt: T + 3 * H, lastActivityAt: T + 3 * H },
  ];
  const initiatives: Initiative[] = [
    { id: 'ini-1', name: 'Nov newsletter', channel: 'newsletter', status: 'running', start: T - 7 * 24 * H, end: T + 14 * 24 * H, goal: '3 inquiries', targetNumber: 3, plannedHours: 6, cost: 0, archived: 0, createdAt: T, updatedAt: T },
  ];
  const leads: Lead[] = [
    { id: 'lead-1', createdAt: T + 4 * H, company: 'ACME', person: '山田 太郎', email: 'yamada@example.jp', source: 'newsletter', sourceDetail: 'quote button', initiativeId: 'ini-1', stage: 'contacted', value: 600000, updatedAt: T },
    { id: 'lead-2', createdAt: T + 5 * H, company: '株式会社サンプル', person: '佐藤 花子', source: 'outbound', stage: 'new', updatedAt: T },
  ];
  const leadEvents: LeadEvent[] = [
    { id: 'ev-1', leadId: 'lead-1', at: T + 4 * H, type: 'stage', from: null, to: 'new' },
    { id: 'ev-2', leadId: 'lead-1', at: T + 6 * H, type: 'contact', channel: 'call', note: 'asked for a quote' },
    { id: 'ev-3', leadId: 'lead-2', at: T + 5 * H, type: 'stage', from: null, to: 'new' },
  ];
  const wins: Win[] = [
    { id: 'win-1', at: T + 4 * H, title: 'A newsletter reader asked for a quote', type: 'inquiry', initiativeId: 'ini-1', leadId: 'lead-1', tags: ['newsletter'], starred: 1, createdAt: T, updatedAt: T },
  ];
  const metricDefinitions: MetricDefinition[] = [
    { id: 'metric-opens', builtin: 'email-opens', unit: 'opens', period: 'week', archived: 0, order: 1, createdAt: T },
  ];
  const metricEntries: MetricEntry[] = [{ id: 'me-1', metricId: 'metric-opens', period: '2026-11-16', value: 412, updatedAt: T }];
  const goals: Goal[] = [{ id: 'goal-1', fiscalYear: 2026, quarter: 3, revenue: 6_000_000, updatedAt: T }];
  const reports: SavedReport[] = [
    { id: 'report-1', createdAt: T, periodStart: T - 30 * 24 * H, periodEnd: T, language: 'ja', title: '10月の月次報告', snapshot: { figures: { leads: 12 } }, comment: '', plan: '' },
  ];
  return {
    settings: [{ ...defaultSettings(T), language: 'ja', weeklyBudgetHours: 10 }],
    timeBoxes,
    timeEntries,
    timer,
    initiatives,
    leads,
    leadEvents,
    wins,
    metricDefinitions,
    metricEntries,
    goals,
    reports,
  };
}

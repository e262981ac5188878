/**
 * Deterministic, realistic sample data: a person covering sales and marketing at a small
 * Japanese B2B company, for `weeks` weeks ending at `now`. Used for the "try with sample data"
 * start, screenshots, e2e tests and the benchmarks (520 weeks ≈ 60,000 time entries and
 * 20,000 leads). Pure: the clock, the time zone and the randomness all come in as options.
 */
import type { Goal, Initiative, Lead, LeadEvent, MetricDefinition, MetricEntry, TimeBox, TimeEntry, Win } from '../domain/model';
import { createContext, type SampleOptions } from './context';
import { generateGoals } from './goals-sample';
import { generateInitiatives } from './initiatives-sample';
import { generateLeads } from './leads-sample';
import { generateMetrics } from './metrics-sample';
import { Random } from './random';
import { generateTime } from './time-sample';
import { generateWins } from './wins-sample';

export { isSampleId, SAMPLE_ID_PREFIX } from './context';
export type { SampleLanguage, SampleOptions } from './context';

export interface SampleData {
  timeBoxes: TimeBox[];
  timeEntries: TimeEntry[];
  initiatives: Initiative[];
  leads: Lead[];
  leadEvents: LeadEvent[];
  wins: Win[];
  metricDefinitions: MetricDefinition[];
  metricEntries: MetricEntry[];
  goals: Goal[];
}

/** Sample lengths in weeks: a quarter for a demo, a year for reports, ten years for benchmarks. */
export const SAMPLE_SIZES = { quarter: 13, year: 52, tenYears: 520 } as const;
export type SampleSize = keyof typeof SAMPLE_SIZES;

export function generateSampleData(options: SampleOptions): SampleData {
  const ctx = createContext(options);
  const rng = new Random(options.seed >>> 0);
  const init = generateInitiatives(ctx, rng.fork('initiatives'));
  const { timeBoxes, timeEntries } = generateTime(ctx, rng.fork('time'), init);
  const { leads, leadEvents } = generateLeads(ctx, rng.fork('leads'), init);
  const metrics = generateMetrics(ctx, rng.fork('metrics'), init, leads);
  const wins = generateWins(ctx, rng.fork('wins'), init, leads, leadEvents, metrics);
  return {
    timeBoxes,
    timeEntries,
    initiatives: init.initiatives,
    leads,
    leadEvents,
    wins,
    metricDefinitions: metrics.metricDefinitions,
    metricEntries: metrics.metricEntries,
    goals: generateGoals(ctx),
  };
}

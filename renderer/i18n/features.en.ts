/**
 * English messages of the feature screens, loaded with the first of them (not at start-up).
 * Each feature keeps its messages in its own file pair; this only gathers them.
 */
import { planGridEn } from './plan-grid.en';
import { leadsEn } from './leads.en';
import { leadFormEn } from './lead-form.en';
import { leadBoardEn } from './lead-board.en';
import { initiativesEn } from './initiatives.en';
import { leadCsvEn } from './lead-csv.en';
import { winsEn } from './wins.en';
import { metricsEn } from './metrics.en';
import { reportEn } from './report.en';
import { backupEn } from './backup.en';

export const featuresEn = {
  planGrid: planGridEn,
  leads: leadsEn,
  leadForm: leadFormEn,
  leadBoard: leadBoardEn,
  initiatives: initiativesEn,
  leadCsv: leadCsvEn,
  wins: winsEn,
  metrics: metricsEn,
  report: reportEn,
  backup: backupEn,
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape the Japanese feature messages must fill in. */
export type FeatureMessages = Widen<typeof featuresEn>;

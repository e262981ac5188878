/** 機能画面の日本語メッセージ。最初の機能画面と一緒に読み込まれる（起動時ではない）。 */
import type { FeatureMessages } from './features.en';
import { planGridJa } from './plan-grid.ja';
import { leadsJa } from './leads.ja';
import { leadFormJa } from './lead-form.ja';
import { leadBoardJa } from './lead-board.ja';
import { initiativesJa } from './initiatives.ja';
import { leadCsvJa } from './lead-csv.ja';
import { winsJa } from './wins.ja';
import { metricsJa } from './metrics.ja';
import { reportJa } from './report.ja';
import { backupJa } from './backup.ja';

export const featuresJa: FeatureMessages = {
  planGrid: planGridJa,
  leads: leadsJa,
  leadForm: leadFormJa,
  leadBoard: leadBoardJa,
  initiatives: initiativesJa,
  leadCsv: leadCsvJa,
  wins: winsJa,
  metrics: metricsJa,
  report: reportJa,
  backup: backupJa,
};

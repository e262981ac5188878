/**
 * The report for the manager (issue 6): one pure function from plain data to every figure of
 * DOMAIN.md's Definitions, with numerators, denominators, the previous period and the change,
 * as a JSON-safe object that can be saved and reopened exactly as sent.
 *
 * - `buildReport(input)`: the report (report/build.ts).
 * - `reportReadPlan(period, previous, settings, timeZone, now, spec?)`: the index ranges each
 *   table must be read over so that the rows read give the same report as every row would
 *   (report/frame.ts documents each range and why).
 * - The types of the input and of the report (report/types.ts).
 */
export { buildReport } from './report/build';
export { chooseGoal, goalPeriod } from './report/goal';
export { observedWindow, reportFrame, reportReadPlan } from './report/frame';
export type { DayKeyRange, InstantRange, ReportFrame, ReportReadPlan } from './report/frame';
export { HEADLINE_MAX } from './report/narrative';
export { REPORT_LIST_LIMIT, REPORT_VERSION, SPARKLINE_POINTS } from './report/types';
export type * from './report/types';

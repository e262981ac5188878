/**
 * Writing CSV that Excel in Japan opens as it is: UTF-8 with a byte-order mark (without it, Excel
 * reads the file as Shift_JIS and the Japanese turns to garbage), CRLF line endings, every field
 * that needs it quoted by papaparse (commas, quotes, newlines), and cells that a spreadsheet
 * would run as a formula prefixed with a single quote (see `unescapeFormula`).
 */
import Papa from 'papaparse';
import type { Initiative, Lead } from '../domain/model';
import type { SliceRun } from './slices';
import { FORMULA_START } from './text';
import { formatDateTimePlain, formatMoneyPlain } from './values';

export type Cell = string | number | null | undefined;

export const BOM = '\uFEFF';

const UNPARSE: Papa.UnparseConfig = { newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START };
const cellsToText = (row: readonly Cell[]) => row.map((c) => (c === null || c === undefined ? '' : String(c)));

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const body = Papa.unparse([header as string[], ...rows.map(cellsToText)], UNPARSE);
  return `${BOM}${body}\r\n`;
}

/**
 * The same text as `toCsv(header, items.map(toRow))`, written in slices with a yield between
 * them, so exporting 50,000 leads does not freeze the window.
 */
export async function toCsvInSlices<T>(header: readonly string[], items: readonly T[], toRow: (item: T) => readonly Cell[], run: SliceRun = {}): Promise<string> {
  const size = Math.max(1, run.sliceSize ?? 2000);
  const parts = [Papa.unparse([header as string[]], UNPARSE)];
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    parts.push(Papa.unparse(items.slice(start, end).map((item) => cellsToText(toRow(item))), UNPARSE));
    run.onProgress?.(end, items.length);
    if (end < items.length && run.yieldControl) await run.yieldControl();
  }
  return `${BOM}${parts.join('\r\n')}\r\n`;
}

/** The lead export's columns, in order. Ids sit next to labels so a file re-imports exactly. */
export const LEAD_EXPORT_COLUMNS = [
  'id',
  'createdAt',
  'company',
  'person',
  'title',
  'email',
  'phone',
  'source',
  'sourceId',
  'sourceDetail',
  'initiative',
  'initiativeId',
  'stage',
  'stageId',
  'value',
  'expectedCloseAt',
  'nextActionAt',
  'note',
  'decisionMoment',
  'lossReason',
  'lesson',
  'dropReason',
  'updatedAt',
] as const;
export type LeadExportColumn = (typeof LEAD_EXPORT_COLUMNS)[number];

export const INITIATIVE_EXPORT_COLUMNS = [
  'id',
  'name',
  'channel',
  'channelId',
  'status',
  'statusId',
  'start',
  'end',
  'goal',
  'targetNumber',
  'plannedHours',
  'cost',
  'archived',
  'createdAt',
] as const;
export type InitiativeExportColumn = (typeof INITIATIVE_EXPORT_COLUMNS)[number];

export interface ExportContext {
  timeZone: string;
  fractionDigits: number;
}

export interface LeadExportLabels {
  header: (column: LeadExportColumn) => string;
  source: (id: Lead['source']) => string;
  stage: (id: Lead['stage']) => string;
  lossReason: (id: NonNullable<Lead['lossReason']>) => string;
}

export function leadsCsv(leads: readonly Lead[], initiativeNames: ReadonlyMap<string, string>, labels: LeadExportLabels, ctx: ExportContext, run?: SliceRun): Promise<string> {
  const when = (instant: number | undefined) => (instant === undefined ? '' : formatDateTimePlain(instant, ctx.timeZone));
  const toRow = (lead: Lead) => {
    const cells: Record<LeadExportColumn, Cell> = {
      id: lead.id,
      createdAt: when(lead.createdAt),
      company: lead.company,
      person: lead.person,
      title: lead.title,
      email: lead.email,
      phone: lead.phone,
      source: labels.source(lead.source),
      sourceId: lead.source,
      sourceDetail: lead.sourceDetail,
      initiative: lead.initiativeId ? (initiativeNames.get(lead.initiativeId) ?? '') : '',
      initiativeId: lead.initiativeId,
      stage: labels.stage(lead.stage),
      stageId: lead.stage,
      value: lead.value === undefined ? '' : formatMoneyPlain(lead.value, ctx.fractionDigits),
      expectedCloseAt: when(lead.expectedCloseAt),
      nextActionAt: when(lead.nextActionAt),
      note: lead.note,
      decisionMoment: lead.decisionMoment,
      lossReason: lead.lossReason ? labels.lossReason(lead.lossReason) : '',
      lesson: lead.lesson,
      dropReason: lead.dropReason,
      updatedAt: when(lead.updatedAt),
    };
    return LEAD_EXPORT_COLUMNS.map((c) => cells[c]);
  };
  return toCsvInSlices(LEAD_EXPORT_COLUMNS.map(labels.header), leads, toRow, run);
}

export interface InitiativeExportLabels {
  header: (column: InitiativeExportColumn) => string;
  channel: (id: Initiative['channel']) => string;
  status: (id: Initiative['status']) => string;
  yes: string;
  no: string;
}

export function initiativesCsv(initiatives: readonly Initiative[], labels: InitiativeExportLabels, ctx: ExportContext, run?: SliceRun): Promise<string> {
  const when = (instant: number) => formatDateTimePlain(instant, ctx.timeZone);
  const toRow = (i: Initiative) => {
    const cells: Record<InitiativeExportColumn, Cell> = {
      id: i.id,
      name: i.name,
      channel: labels.channel(i.channel),
      channelId: i.channel,
      status: labels.status(i.status),
      statusId: i.status,
      start: when(i.start),
      // Periods are half-open [start, end): the end is the first instant after the initiative.
      end: when(i.end),
      goal: i.goal,
      targetNumber: i.targetNumber,
      plannedHours: i.plannedHours,
      cost: i.cost === undefined ? '' : formatMoneyPlain(i.cost, ctx.fractionDigits),
      archived: i.archived ? labels.yes : labels.no,
      createdAt: when(i.createdAt),
    };
    return INITIATIVE_EXPORT_COLUMNS.map((c) => cells[c]);
  };
  return toCsvInSlices(INITIATIVE_EXPORT_COLUMNS.map(labels.header), initiatives, toRow, run);
}

/** "TwoHats-leads-2026-11-23.csv", dated in the user's time zone. */
export function exportFileName(kind: 'leads' | 'initiatives', now: number, timeZone: string): string {
  return `TwoHats-${kind}-${formatDateTimePlain(now, timeZone).slice(0, 10)}.csv`;
}

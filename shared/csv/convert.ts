/**
 * One CSV record → one lead draft, with every problem of the row as an i18n key, so the preview
 * can show each row's errors in the user's language before anything is written. The same checks
 * as every other way of adding a lead (`validateLeadDraft`) decide what is an error.
 */
import { LEAD_LIMITS, normalizeLeadDraft, validateLeadDraft, type LeadDraft } from '../domain/lead-input';
import type { SourceId } from '../domain/model';
import type { ColumnMapping, ImportField } from './mapping';
import { IMPORT_FIELDS } from './mapping';
import { emailKey, nameKey } from './duplicates';
import type { CsvRecord } from './parse';
import type { SourceMatcher } from './sources';
import { cellText, foldKey } from './text';
import { parseDateTime, parseMoney } from './values';

export type IssueField = 'company' | 'person' | 'title' | 'email' | 'phone' | 'source' | 'sourceDetail' | 'initiative' | 'value' | 'createdAt' | 'note' | 'name' | 'row';

export interface RowIssue {
  field: IssueField;
  /** An i18n key. */
  key: string;
  params?: Record<string, string | number>;
}

/** What the user typed when fixing one row in the preview; each replaces what the file said. */
export interface RowEdit {
  company?: string;
  person?: string;
  title?: string;
  email?: string;
  phone?: string;
  source?: SourceId;
  sourceDetail?: string;
  /** An initiative id, or '' for none. */
  initiativeId?: string;
  value?: string;
  createdAt?: string;
  note?: string;
}

/** The row's values as text, after joining columns and applying the user's edits. */
export interface RowText {
  company: string;
  person: string;
  title: string;
  email: string;
  phone: string;
  sourceText: string;
  sourceDetail: string;
  initiativeText: string;
  value: string;
  createdAt: string;
  note: string;
}

export interface ConvertContext {
  mapping: ColumnMapping;
  headers: readonly string[];
  /** For rows with no source, or a source nobody recognised. */
  defaultSource: SourceId;
  matcher: SourceMatcher;
  /** The user's choice per source text in the file (keys: the trimmed text). */
  sourceChoices: Readonly<Record<string, SourceId>>;
  /** An initiative id from its name or id; null when there is none by that name. */
  initiativeFor: (text: string) => string | null;
  timeZone: string;
  /** Dates after this are refused: a lead cannot come in in the future. */
  now: number;
  /** The currency's minor-unit digits (JPY 0, USD 2). */
  fractionDigits: number;
  /** Put the columns no field uses into the note ("住所: 東京都…"), so nothing on the card is lost. */
  otherColumnsToNote: boolean;
  /** A name for a column with an empty header, e.g. "Column 7". */
  columnName: (index: number) => string;
}

export interface ConvertedRow {
  /** Index into the table's records. */
  index: number;
  line: number;
  draft: LeadDraft;
  issues: RowIssue[];
  /** The source was read from text that was not an exact source name (shown as a guess). */
  sourceGuessed: boolean;
  /** Duplicate keys (see duplicates.ts). */
  emailKey: string | null;
  nameKey: string | null;
}

const joinParts = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** What one record says for each lead field, before edits. */
export function rowText(record: CsvRecord, ctx: Pick<ConvertContext, 'mapping' | 'headers' | 'otherColumnsToNote' | 'columnName'>): RowText {
  const { mapping } = ctx;
  const cell = (field: ImportField) => {
    const index = mapping[field];
    return index === null ? '' : cellText(record.cells[index]);
  };
  let note = cell('note');
  if (ctx.otherColumnsToNote) {
    const used = new Set(IMPORT_FIELDS.map((f) => mapping[f]).filter((i): i is number => i !== null));
    const extra = record.cells
      .map((value, i) => ({ i, value: cellText(value) }))
      .filter(({ i, value }) => value && !used.has(i))
      .map(({ i, value }) => `${ctx.headers[i] || ctx.columnName(i)}: ${value}`);
    if (extra.length) note = [note, ...extra].filter(Boolean).join('\n');
  }
  return {
    company: cell('company'),
    person: joinParts(cell('person'), cell('personSecond')),
    title: joinParts(cell('department'), cell('title')),
    email: cell('email'),
    phone: cell('phone'),
    sourceText: cell('source'),
    sourceDetail: cell('sourceDetail'),
    initiativeText: cell('initiative'),
    value: cell('value'),
    createdAt: cell('createdAt'),
    note,
  };
}

/** The source a text stands for: the user's choice, else the guess, else the default. */
export function resolveSource(text: string, ctx: Pick<ConvertContext, 'sourceChoices' | 'matcher' | 'defaultSource'>): { source: SourceId; exact: boolean } {
  if (!text) return { source: ctx.defaultSource, exact: true };
  const guess = ctx.matcher.guess(text);
  const chosen = ctx.sourceChoices[text];
  if (chosen) return { source: chosen, exact: guess?.exact === true && guess.source === chosen };
  return guess ?? { source: ctx.defaultSource, exact: false };
}

const TOO_LONG_MAX: Partial<Record<IssueField, number>> = {
  company: LEAD_LIMITS.name,
  person: LEAD_LIMITS.name,
  title: LEAD_LIMITS.name,
  sourceDetail: LEAD_LIMITS.name,
  phone: LEAD_LIMITS.phone,
  note: LEAD_LIMITS.text,
};

export function convertRecord(record: CsvRecord, index: number, ctx: ConvertContext, edit?: RowEdit): ConvertedRow {
  const text = rowText(record, ctx);
  const issues: RowIssue[] = [];
  if (record.quoteProblem) issues.push({ field: 'row', key: 'leadCsv.error.quotes' });

  const company = edit?.company ?? text.company;
  const person = edit?.person ?? text.person;
  const title = edit?.title ?? text.title;
  // Full-width digits and ＠ are common in Japanese sheets; NFKC makes them plain ASCII.
  const email = (edit?.email ?? text.email).normalize('NFKC').trim();
  const phone = (edit?.phone ?? text.phone).normalize('NFKC').trim();

  let source: SourceId;
  let sourceGuessed = false;
  let sourceDetail = edit?.sourceDetail ?? text.sourceDetail;
  if (edit?.source) source = edit.source;
  else {
    const resolved = resolveSource(text.sourceText, ctx);
    source = resolved.source;
    sourceGuessed = !resolved.exact;
    // Free text that was only partly recognised stays as the source detail, so nothing is lost.
    if (!resolved.exact && !sourceDetail && text.sourceText.length <= LEAD_LIMITS.name) sourceDetail = text.sourceText;
  }

  const draft: LeadDraft = { company, person, source };
  if (title) draft.title = title;
  if (email) draft.email = email;
  if (phone) draft.phone = phone;
  if (sourceDetail) draft.sourceDetail = sourceDetail;

  if (edit?.initiativeId !== undefined) {
    if (edit.initiativeId) draft.initiativeId = edit.initiativeId;
  } else if (text.initiativeText) {
    const id = ctx.initiativeFor(text.initiativeText);
    if (id) draft.initiativeId = id;
    else issues.push({ field: 'initiative', key: 'leadCsv.error.initiativeUnknown', params: { name: text.initiativeText } });
  }

  const valueText = edit?.value ?? text.value;
  if (valueText) {
    const money = parseMoney(valueText, ctx.fractionDigits);
    if (money.ok) draft.value = money.value;
    else issues.push({ field: 'value', key: money.error, params: { value: valueText } });
  }

  const createdText = edit?.createdAt ?? text.createdAt;
  if (createdText) {
    const created = parseDateTime(createdText, ctx.timeZone);
    if (!created.ok) issues.push({ field: 'createdAt', key: created.error, params: { value: createdText } });
    else if (created.value > ctx.now) issues.push({ field: 'createdAt', key: 'leadCsv.error.futureDate', params: { value: createdText } });
    else draft.createdAt = created.value;
  }

  const note = edit?.note ?? text.note;
  if (note) draft.note = note;

  const clean = normalizeLeadDraft(draft);
  const errors = validateLeadDraft(clean);
  // validateLeadDraft does not limit the title; the quick-add form does, so the import does too.
  if ((clean.title?.length ?? 0) > LEAD_LIMITS.name) errors.title = 'validation.tooLong';
  for (const [field, key] of Object.entries(errors) as [IssueField, string][]) {
    if (issues.some((i) => i.field === field)) continue;
    const max = TOO_LONG_MAX[field];
    issues.push(key === 'validation.tooLong' && max ? { field, key, params: { max } } : { field, key });
  }
  return { index, line: record.line, draft: clean, issues, sourceGuessed, emailKey: emailKey(clean.email), nameKey: nameKey(clean.company, clean.person) };
}

/** Distinct texts of one column with how often each occurs, most frequent first. */
export function distinctValues(records: readonly CsvRecord[], column: number): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    const text = cellText(record.cells[column]);
    if (text) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/**
 * Looks initiatives up by id or by name (NFKC, case- and space-insensitive). When two share a
 * name, the one still running (not archived) and most recently started wins.
 */
export function initiativeLookup(initiatives: readonly { id: string; name: string; archived: 0 | 1; start: number }[]): (text: string) => string | null {
  const byId = new Set(initiatives.map((i) => i.id));
  const byName = new Map<string, { id: string; archived: 0 | 1; start: number }>();
  for (const initiative of initiatives) {
    const key = foldKey(initiative.name);
    const seen = byName.get(key);
    const better = !seen || seen.archived > initiative.archived || (seen.archived === initiative.archived && initiative.start > seen.start);
    if (better) byName.set(key, initiative);
  }
  return (text) => {
    const trimmed = text.trim();
    if (byId.has(trimmed)) return trimmed;
    return byName.get(foldKey(trimmed))?.id ?? null;
  };
}

/**
 * Parsing CSV text into a header and records, in slices, so a 50,000-row file never blocks the
 * window: between slices the caller's `yieldControl` gives the event loop a turn (and a progress
 * bar a repaint).
 *
 * papaparse does the hard part (quotes, doubled quotes, delimiters and newlines inside quoted
 * fields). Its own chunked mode cannot pause reliably on a string, and its worker mode builds a
 * worker from a blob: URL, which the app's CSP refuses; so the slices are driven here with its
 * `Parser`, the way its streamer does it: parse a slice with "ignore the last, maybe partial,
 * row", keep the cursor of the last complete row, and start the next slice there.
 */
import Papa from 'papaparse';
import { cellText } from './text';

export interface CsvRecord {
  /** The row number a spreadsheet shows for this record (the header is row 1). */
  line: number;
  cells: string[];
  /** papaparse reported malformed or unterminated quotes in this record. */
  quoteProblem?: true;
}

export interface CsvTable {
  /** One per column; a record longer than the header row adds unnamed columns (''). */
  headers: string[];
  /** Data records, blank ones (nothing but separators and spaces) left out. */
  records: CsvRecord[];
  delimiter: string;
}

export type ParseFailure = 'empty' | 'no-rows' | 'too-many-rows' | 'cancelled';
export type ParseResult = { ok: true; table: CsvTable } | { ok: false; reason: ParseFailure };

/** More than any one person's lead list; createLeads writes all rows in one transaction. */
export const MAX_IMPORT_ROWS = 100_000;

export interface SliceOptions {
  /** Characters per slice (grows when a single record is longer). */
  sliceChars?: number;
  /** Called after each slice with the characters done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Lets the UI breathe between slices, e.g. `() => new Promise((r) => setTimeout(r))`. */
  yieldControl?: () => Promise<void>;
  isCancelled?: () => boolean;
  maxRows?: number;
}

const DELIMITERS = [',', '\t', ';', '|'];

/** The delimiter of the first lines: papaparse's guess over comma, tab, semicolon and bar. */
export function guessDelimiter(text: string): string {
  const sample = text.slice(0, 65_536);
  const guess = Papa.parse<string[]>(sample, { preview: 50, delimitersToGuess: DELIMITERS, skipEmptyLines: true });
  return DELIMITERS.includes(guess.meta.delimiter) ? guess.meta.delimiter : ',';
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

export async function parseCsv(input: string, options: SliceOptions = {}): Promise<ParseResult> {
  const { onProgress, yieldControl, isCancelled, maxRows = MAX_IMPORT_ROWS } = options;
  // One line ending everywhere (Excel writes CRLF, old Macs CR, some tools mix them), so a
  // newline inside a quoted field is stored as "\n" too.
  const text = input.replace(/\r\n?/g, '\n');
  // A regular expression, not trim(): trimming would copy a 10 MB string just to look at it.
  if (!/\S/.test(text)) return { ok: false, reason: 'empty' };
  if (yieldControl) await yieldControl();
  const delimiter = guessDelimiter(text);
  let sliceChars = Math.max(1024, options.sliceChars ?? 131_072);

  let headers: string[] | null = null;
  const records: CsvRecord[] = [];
  let recordIndex = 0;
  let position = 0;
  while (position < text.length) {
    const end = Math.min(text.length, position + sliceChars);
    const last = end === text.length;
    const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    const result = parser.parse(text.slice(position, end), 0, !last) as Papa.ParseResult<string[]>;
    const consumed = last ? end - position : result.meta.cursor;
    if (!last && consumed === 0) {
      // One record is longer than the slice (a long quoted note): read a bigger slice.
      sliceChars *= 2;
      continue;
    }
    const badRows = new Set(result.errors.filter((e) => e.type === 'Quotes').map((e) => e.row ?? result.data.length - 1));
    result.data.forEach((cells, i) => {
      const line = ++recordIndex;
      if (isBlank(cells)) return;
      if (headers === null) {
        headers = cells.map((c) => cellText(c.replace(/^\uFEFF/, '')));
        return;
      }
      const record: CsvRecord = { line, cells };
      if (badRows.has(i)) record.quoteProblem = true;
      records.push(record);
    });
    if (records.length > maxRows) return { ok: false, reason: 'too-many-rows' };
    position += consumed;
    onProgress?.(position, text.length);
    if (isCancelled?.()) return { ok: false, reason: 'cancelled' };
    if (!last && yieldControl) await yieldControl();
  }
  if (headers === null) return { ok: false, reason: 'empty' };
  if (records.length === 0) return { ok: false, reason: 'no-rows' };
  const width = records.reduce((w, r) => Math.max(w, r.cells.length), (headers as string[]).length);
  const padded = [...(headers as string[])];
  while (padded.length < width) padded.push('');
  return { ok: true, table: { headers: padded, records, delimiter } };
}

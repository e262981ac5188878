/**
 * The CSV import in progress: the file as read, the user's choices and what the last import did.
 * UI state only (the file's rows are the user's file, not database rows), kept outside the screen
 * so leaving for Initiatives to create a missing initiative and coming back keeps everything.
 */
import { create } from 'zustand';
import { decodeCsvBytes, type CsvEncoding, type DecodeFailure } from '../../../../shared/csv/decode';
import { parseCsv, MAX_IMPORT_ROWS, type CsvTable, type ParseFailure } from '../../../../shared/csv/parse';
import { guessMapping, looksLikeBusinessCards, type ColumnMapping, type ImportField } from '../../../../shared/csv/mapping';
import type { RowEdit } from '../../../../shared/csv/convert';
import type { SourceId } from '../../../../shared/domain/model';
import type { ImportBatch, RemovedLeads } from '../../../db/lead-import';
import { yieldToBrowser } from './yield';

/** Larger files are refused before reading: 64 MB is several hundred thousand rows. */
export const MAX_FILE_MB = 64;

export type FileProblem = DecodeFailure | Exclude<ParseFailure, 'cancelled'> | 'too-large' | 'read-failed' | 'one-file';

export interface LoadedFile {
  name: string;
  encoding: CsvEncoding;
  table: CsvTable;
  /** When it was read; created dates after this are refused. */
  readAt: number;
  businessCards: boolean;
}

export interface ImportChoices {
  mapping: ColumnMapping;
  defaultSource: SourceId;
  /** The user's source per source text of the file. */
  sourceChoices: Record<string, SourceId>;
  otherColumnsToNote: boolean;
  excludeErrors: boolean;
  duplicates: 'skip' | 'import';
  /** The user's fixes, by record index. */
  edits: Record<number, RowEdit>;
}

export type PreviewFilter = 'all' | 'errors' | 'duplicates';

export interface LastImport {
  fileName: string;
  batch: ImportBatch;
  /** Set once undone: what was removed, for redo. */
  removed: RemovedLeads | null;
}

export type ImportPhase =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string; progress: number }
  | { step: 'failed'; fileName: string; problem: FileProblem; message?: string }
  | { step: 'ready' }
  | { step: 'importing'; count: number; done: number }
  /** `working` while an undo or redo is being written. */
  | { step: 'done'; last: LastImport; working: boolean };

interface ImportState {
  phase: ImportPhase;
  file: LoadedFile | null;
  choices: ImportChoices | null;
  filter: PreviewFilter;
  readFile: (file: File, aliases: Partial<Record<ImportField, readonly string[]>>) => Promise<void>;
  refuse: (fileName: string, problem: FileProblem) => void;
  cancelReading: () => void;
  discard: () => void;
  setMapping: (field: ImportField, column: number | null) => void;
  choose: (change: Partial<Omit<ImportChoices, 'mapping' | 'edits'>>) => void;
  setEdit: (index: number, edit: RowEdit | null) => void;
  setFilter: (filter: PreviewFilter) => void;
  setPhase: (phase: ImportPhase) => void;
  /** After a successful import: the file is done with. */
  finish: (last: LastImport) => void;
}

let readGeneration = 0;

const decoder = (label: string, options: { fatal: boolean }) => new TextDecoder(label, options);

export const useCsvImport = create<ImportState>((set, get) => ({
  phase: { step: 'idle' },
  file: null,
  choices: null,
  filter: 'all',

  async readFile(file, aliases) {
    const generation = ++readGeneration;
    const fileName = file.name;
    const current = () => generation === readGeneration;
    if (file.size > MAX_FILE_MB * 1024 * 1024) return get().refuse(fileName, 'too-large');
    set({ phase: { step: 'reading', fileName, progress: 0 } });
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (error) {
      if (current()) set({ phase: { step: 'failed', fileName, problem: 'read-failed', message: error instanceof Error ? error.message : String(error) } });
      return;
    }
    if (!current()) return;
    const decoded = decodeCsvBytes(bytes, decoder);
    if (!decoded.ok) return get().refuse(fileName, decoded.reason);
    await yieldToBrowser();
    const parsed = await parseCsv(decoded.text, {
      yieldControl: yieldToBrowser,
      isCancelled: () => !current(),
      maxRows: MAX_IMPORT_ROWS,
      onProgress: (done, total) => {
        if (current()) set({ phase: { step: 'reading', fileName, progress: done / total } });
      },
    });
    if (!current()) return;
    if (!parsed.ok) {
      if (parsed.reason === 'cancelled') return;
      return get().refuse(fileName, parsed.reason);
    }
    const { table } = parsed;
    const mapping = guessMapping(table.headers, aliases);
    const businessCards = looksLikeBusinessCards(table.headers, mapping);
    set({
      phase: { step: 'ready' },
      file: { name: fileName, encoding: decoded.encoding, table, readAt: Date.now(), businessCards },
      choices: {
        mapping,
        defaultSource: businessCards ? 'trade-show' : 'other',
        sourceChoices: {},
        // A business card holds more than a lead has fields (address, mobile, URL): keep it.
        otherColumnsToNote: businessCards,
        excludeErrors: false,
        duplicates: 'skip',
        edits: {},
      },
      filter: 'all',
    });
  },

  refuse(fileName, problem) {
    readGeneration++;
    set({ phase: { step: 'failed', fileName, problem }, file: null, choices: null });
  },

  cancelReading() {
    readGeneration++;
    set({ phase: { step: 'idle' } });
  },

  discard() {
    readGeneration++;
    set({ phase: { step: 'idle' }, file: null, choices: null, filter: 'all' });
  },

  setMapping(field, column) {
    const choices = get().choices;
    if (!choices) return;
    set({ choices: { ...choices, mapping: { ...choices.mapping, [field]: column } } });
  },

  choose(change) {
    const choices = get().choices;
    if (choices) set({ choices: { ...choices, ...change } });
  },

  setEdit(index, edit) {
    const choices = get().choices;
    if (!choices) return;
    const edits = { ...choices.edits };
    if (edit) edits[index] = edit;
    else delete edits[index];
    set({ choices: { ...choices, edits } });
  },

  setFilter(filter) {
    set({ filter });
  },

  setPhase(phase) {
    set({ phase });
  },

  finish(last) {
    set({ phase: { step: 'done', last, working: false }, file: null, choices: null, filter: 'all' });
  },
}));

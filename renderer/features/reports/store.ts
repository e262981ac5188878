/**
 * UI state of the Reports screen: which period is picked, the report's language, which saved
 * report is open, what is being printed, and the comment and plan being written (per period,
 * until they are saved with an export). Never DB rows.
 */
import { create } from 'zustand';
import type { DayKey } from '../../../shared/domain/calendar';
import type { Language } from '../../../shared/domain/model/settings';
import type { ReportDoc } from './snapshot';

export const PICKER_KINDS = ['month', 'fiscal-quarter', 'fiscal-half', 'custom'] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

export interface NotesDraft {
  comment: string;
  plan: string;
}

export interface PrintJob {
  doc: ReportDoc;
  /** Print at once (Export PDF), or wait for the user (Print view). */
  auto: boolean;
}

interface ReportsUiState {
  kind: PickerKind;
  /** A day inside the picked month/quarter/half; null follows the current one. */
  anchor: DayKey | null;
  /** Custom range, inclusive days. */
  customFrom: DayKey | null;
  customTo: DayKey | null;
  /** null: the app's language. */
  reportLanguage: Language | null;
  openSavedId: string | null;
  print: PrintJob | null;
  /** Keyed by the period ('month:2026-11-01'…). */
  drafts: Record<string, NotesDraft | undefined>;
  setKind: (kind: PickerKind) => void;
  setAnchor: (anchor: DayKey | null) => void;
  setCustom: (from: DayKey | null, to: DayKey | null) => void;
  setReportLanguage: (language: Language | null) => void;
  openSaved: (id: string | null) => void;
  setPrint: (job: PrintJob | null) => void;
  setDraft: (key: string, draft: NotesDraft | undefined) => void;
}

export const useReportsUi = create<ReportsUiState>((set) => ({
  kind: 'month',
  anchor: null,
  customFrom: null,
  customTo: null,
  reportLanguage: null,
  openSavedId: null,
  print: null,
  drafts: {},
  setKind: (kind) => set({ kind, anchor: null }),
  setAnchor: (anchor) => set({ anchor }),
  setCustom: (customFrom, customTo) => set({ customFrom, customTo }),
  setReportLanguage: (reportLanguage) => set({ reportLanguage }),
  openSaved: (openSavedId) => set({ openSavedId }),
  setPrint: (print) => set({ print }),
  setDraft: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
}));

/**
 * UI state of the goals view: which fiscal period is shown (null follows the current quarter) and
 * the form's unsaved text. Never DB rows.
 */
import { create } from 'zustand';
import type { Quarter } from '../../../../shared/domain/calendar';

export type GoalKind = 'year' | 'quarter';

/** What the goal form holds, as typed. */
export interface GoalTexts {
  revenue: string;
  averageDealValue: string;
  winRate: string;
  leadToOpportunityRate: string;
}

/** A form draft and the stored goal (`id@updatedAt`, or 'none') it was typed over. */
export interface GoalDraftState {
  texts: GoalTexts;
  basedOn: string;
}

interface GoalsUiState {
  kind: GoalKind;
  fiscalYear: number | null;
  quarter: Quarter | null;
  setKind: (kind: GoalKind) => void;
  setFiscalYear: (fiscalYear: number) => void;
  setQuarter: (quarter: Quarter) => void;
  show: (fiscalYear: number, quarter: Quarter | null) => void;
  /** Unsaved form contents per period ('2026-3', '2026-year'). */
  drafts: Record<string, GoalDraftState | undefined>;
  setDraft: (period: string, draft: GoalDraftState | undefined) => void;
}

export const useGoalsUi = create<GoalsUiState>((set) => ({
  kind: 'quarter',
  fiscalYear: null,
  quarter: null,
  setKind: (kind) => set({ kind }),
  setFiscalYear: (fiscalYear) => set({ fiscalYear }),
  setQuarter: (quarter) => set({ quarter }),
  show: (fiscalYear, quarter) => set(quarter === null ? { kind: 'year', fiscalYear } : { kind: 'quarter', fiscalYear, quarter }),
  drafts: {},
  setDraft: (period, draft) => set((s) => ({ drafts: { ...s.drafts, [period]: draft } })),
}));

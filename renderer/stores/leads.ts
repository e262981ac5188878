/** UI state of the Leads screen: open dialog and the list's filters. Never DB rows. */
import { create } from 'zustand';
import type { LeadStage, SourceId } from '../../shared/domain/model';

export type LeadsDialog =
  | { type: 'quick-add'; initial?: { source?: SourceId; initiativeId?: string } }
  | { type: 'business-cards' }
  | null;

export interface LeadFilters {
  text: string;
  sources: SourceId[];
  stages: LeadStage[];
  initiativeId: string | null;
  sort: { key: 'createdAt' | 'company' | 'value' | 'stage' | 'lastContact'; direction: 'asc' | 'desc' };
}

export const DEFAULT_FILTERS: LeadFilters = { text: '', sources: [], stages: [], initiativeId: null, sort: { key: 'createdAt', direction: 'desc' } };

interface LeadsUiState {
  dialog: LeadsDialog;
  filters: LeadFilters;
  open: (dialog: LeadsDialog) => void;
  close: () => void;
  setFilters: (change: Partial<LeadFilters>) => void;
  resetFilters: () => void;
}

export const useLeadsUi = create<LeadsUiState>((set) => ({
  dialog: null,
  filters: DEFAULT_FILTERS,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  setFilters: (change) => set((s) => ({ filters: { ...s.filters, ...change } })),
  resetFilters: () => set({ filters: DEFAULT_FILTERS }),
}));

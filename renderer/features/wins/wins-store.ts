/**
 * UI state of the Wins screen: filters, how far back the timeline reads, which win is being
 * edited, and a form put aside unsaved. Never DB rows. Lives in a store, not in the screen, so
 * the filters and the window survive a trip to another screen and back.
 */
import { create } from 'zustand';
import type { WinType } from '../../../shared/domain/model';
import type { WinForm } from './win-form';

export interface WinFilters {
  types: WinType[];
  initiativeId: string | null;
  starredOnly: boolean;
  text: string;
}

export const NO_FILTERS: WinFilters = { types: [], initiativeId: null, starredOnly: false, text: '' };

export function filtersActive(filters: WinFilters): boolean {
  return filters.types.length > 0 || filters.initiativeId !== null || filters.starredOnly || filters.text.trim() !== '';
}

/** A form closed with unsaved typing: "Reopen" in the toast brings it back. `winId` null is a new win. */
export interface PutAside {
  winId: string | null;
  form: WinForm;
  /** Set by "Reopen": the next form opened for `winId` starts from `form`. */
  reopen: boolean;
}

interface WinsUiState {
  filters: WinFilters;
  /** Start of the timeline's window (an instant), or null for the default: the last 12 weeks. */
  windowStart: number | null;
  editingId: string | null;
  putAside: PutAside | null;
  setFilters: (change: Partial<WinFilters>) => void;
  clearFilters: () => void;
  setWindowStart: (start: number | null) => void;
  edit: (winId: string) => void;
  closeEdit: () => void;
  setPutAside: (putAside: PutAside | null) => void;
}

export const useWinsUi = create<WinsUiState>((set) => ({
  filters: NO_FILTERS,
  windowStart: null,
  editingId: null,
  putAside: null,
  setFilters: (change) => set((s) => ({ filters: { ...s.filters, ...change } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setWindowStart: (windowStart) => set({ windowStart }),
  edit: (editingId) => set({ editingId }),
  closeEdit: () => set({ editingId: null }),
  setPutAside: (putAside) => set({ putAside }),
}));

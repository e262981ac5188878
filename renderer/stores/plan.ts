/** UI state of the Plan screen: which week is shown and which dialog is open. Never DB rows. */
import { create } from 'zustand';

export type PlanDialog =
  | { type: 'new-box'; start?: number; end?: number }
  | { type: 'edit-box'; boxId: string }
  | { type: 'new-entry'; start?: number }
  | { type: 'edit-entry'; entryId: string }
  | { type: 'split-entry'; entryId: string }
  | null;

interface PlanState {
  /** Any instant inside the shown week; null follows the current week. */
  weekAnchor: number | null;
  dialog: PlanDialog;
  setWeekAnchor: (anchor: number | null) => void;
  open: (dialog: PlanDialog) => void;
  close: () => void;
}

export const usePlanStore = create<PlanState>((set) => ({
  weekAnchor: null,
  dialog: null,
  setWeekAnchor: (weekAnchor) => set({ weekAnchor }),
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));

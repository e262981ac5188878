/**
 * The quick win capture, openable from anywhere (a shortcut, a button, a suggested win after a
 * lead event). UI state only: the prefilled draft, not a saved row.
 */
import { create } from 'zustand';
import type { Win } from '../../shared/domain/model';

export type WinPrefill = Partial<Pick<Win, 'title' | 'type' | 'initiativeId' | 'leadId' | 'amount' | 'unit' | 'tags' | 'starred' | 'at' | 'note'>>;

interface CaptureState {
  open: boolean;
  prefill: WinPrefill | null;
  openCapture: (prefill?: WinPrefill) => void;
  closeCapture: () => void;
}

export const useCapture = create<CaptureState>((set) => ({
  open: false,
  prefill: null,
  openCapture: (prefill) => set({ open: true, prefill: prefill ?? null }),
  closeCapture: () => set({ open: false, prefill: null }),
}));

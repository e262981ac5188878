/** Transient messages ("Saved", "Sample data cleared. Undo"). UI state only: never a copy of DB rows. */
import { create } from 'zustand';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'success' | 'error';
  action?: { label: string; run: () => void | Promise<void> };
}

interface ToastState {
  toasts: Toast[];
  show: (toast: Omit<Toast, 'id'>, durationMs?: number) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  show(toast, durationMs = toast.action ? 8000 : 4000) {
    const id = nextId++;
    // At most three at once: older ones make room so the newest is always seen.
    set({ toasts: [...get().toasts.slice(-2), { ...toast, id }] });
    // Errors stay until dismissed: they may need reading twice.
    if (toast.tone !== 'error') setTimeout(() => get().dismiss(id), durationMs);
    return id;
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((t) => t.id !== id) });
  },
}));

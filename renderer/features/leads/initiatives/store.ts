/** UI state of the initiatives list: its filters and the open dialog. Never DB rows. */
import { create } from 'zustand';
import type { InitiativeStatus } from '../../../../shared/domain/model';
import type { ArchiveFilter } from '../../../db/initiatives';

export type InitiativesDialog = { type: 'new' } | { type: 'edit'; id: string } | { type: 'delete'; id: string } | null;

interface InitiativesUiState {
  archived: ArchiveFilter;
  status: InitiativeStatus | null;
  dialog: InitiativesDialog;
  setArchived: (archived: ArchiveFilter) => void;
  setStatus: (status: InitiativeStatus | null) => void;
  open: (dialog: InitiativesDialog) => void;
  close: () => void;
}

export const useInitiativesUi = create<InitiativesUiState>((set) => ({
  archived: 'active',
  status: null,
  dialog: null,
  setArchived: (archived) => set({ archived }),
  setStatus: (status) => set({ status }),
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
}));

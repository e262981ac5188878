/**
 * Saving an import, and undoing or redoing it. Plain functions over the store, so the Undo of a
 * toast still works after the user has left the screen.
 */
import type { LeadDraft } from '../../../../shared/domain/lead-input';
import { i18next } from '../../../i18n';
import { formatNumber } from '../../../i18n/format';
import type { Language } from '../../../../shared/domain/model/settings';
import type { TwoHatsDatabase } from '../../../db/database';
import { deleteImport, importLeads, restoreRemovedLeads } from '../../../db/lead-import';
import { reportWriteError } from '../../../app/write-errors';
import { useToasts } from '../../../stores/toasts';
import { useCsvImport } from './importStore';

const count = (n: number, language: Language) => ({ count: n, n: formatNumber(n, language, 0) });

/** All rows in one transaction (see importLeads): all of them are saved, or none. */
export async function saveImport(db: TwoHatsDatabase, drafts: LeadDraft[], fileName: string, language: Language): Promise<void> {
  const store = useCsvImport.getState();
  store.setPhase({ step: 'importing', count: drafts.length, done: 0 });
  try {
    const result = await importLeads(db, drafts, Date.now(), (done) => store.setPhase({ step: 'importing', count: drafts.length, done }));
    if (!result.ok) {
      // The rows were checked with the same rules just before; this only happens if they changed.
      store.setPhase({ step: 'ready' });
      useToasts.getState().show({ message: i18next.t('leadCsv.action.changedWhileImporting'), tone: 'error' });
      return;
    }
    store.finish({ fileName, batch: result.batch, removed: null });
    useToasts.getState().show({
      message: i18next.t('leadCsv.done.toast', count(result.batch.count, language)),
      tone: 'success',
      action: { label: i18next.t('common.undo'), run: () => undoImport(db, language) },
    });
  } catch (error) {
    store.setPhase({ step: 'ready' });
    reportWriteError(error);
  }
}

/** Removes the leads of the last import (and anything logged on them since) in one transaction. */
export async function undoImport(db: TwoHatsDatabase, language: Language): Promise<void> {
  const { phase, setPhase } = useCsvImport.getState();
  if (phase.step !== 'done' || phase.last.removed || phase.working) return;
  setPhase({ ...phase, working: true });
  try {
    const removed = await deleteImport(db, phase.last.batch);
    setPhase({ step: 'done', last: { ...phase.last, removed }, working: false });
    useToasts.getState().show({
      message: i18next.t('leadCsv.done.undone', count(removed.leads.length, language)),
      tone: 'info',
      action: { label: i18next.t('leadCsv.done.redo'), run: () => redoImport(db) },
    });
  } catch (error) {
    setPhase({ ...phase, working: false });
    reportWriteError(error);
  }
}

export async function redoImport(db: TwoHatsDatabase): Promise<void> {
  const { phase, setPhase } = useCsvImport.getState();
  if (phase.step !== 'done' || !phase.last.removed || phase.working) return;
  setPhase({ ...phase, working: true });
  try {
    await restoreRemovedLeads(db, phase.last.removed);
    setPhase({ step: 'done', last: { ...phase.last, removed: null }, working: false });
  } catch (error) {
    setPhase({ ...phase, working: false });
    reportWriteError(error);
  }
}

/** Archive, unarchive and delete, each with its toast and Undo: the same on the list and on the page. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../../../shared/domain/model';
import { useDb } from '../../../app/services';
import { reportWriteError } from '../../../app/write-errors';
import { deleteInitiative, restoreInitiative, setInitiativeArchived } from '../../../db/initiatives';
import { useToasts } from '../../../stores/toasts';

export function useInitiativeActions() {
  const { t } = useTranslation();
  const db = useDb();
  const show = useToasts((s) => s.show);
  return useMemo(() => {
    const setArchived = async (initiative: Initiative, archived: boolean) => {
      try {
        const updated = await setInitiativeArchived(db, initiative.id, archived, Date.now());
        if (!updated) return;
        show({
          message: t(archived ? 'initiatives.archived' : 'initiatives.unarchived', { name: initiative.name }),
          tone: 'success',
          action: {
            label: t('common.undo'),
            run: () => setInitiativeArchived(db, initiative.id, !archived, Date.now()).then(() => undefined, reportWriteError),
          },
        });
      } catch (error) {
        reportWriteError(error);
      }
    };
    return {
      archive: (initiative: Initiative) => setArchived(initiative, true),
      unarchive: (initiative: Initiative) => setArchived(initiative, false),
      /** Deletes the row (linked rows keep the id) and offers Undo; resolves true when deleted. */
      remove: async (initiative: Initiative): Promise<boolean> => {
        try {
          const deleted = await deleteInitiative(db, initiative.id);
          if (!deleted) return false;
          show({
            message: t('initiatives.deleted', { name: deleted.name }),
            tone: 'info',
            action: { label: t('common.undo'), run: () => restoreInitiative(db, deleted).catch(reportWriteError) },
          });
          return true;
        } catch (error) {
          reportWriteError(error);
          return false;
        }
      },
    };
  }, [db, show, t]);
}

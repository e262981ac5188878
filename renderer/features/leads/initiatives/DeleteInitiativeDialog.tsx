import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { Dialog, DialogActions } from '../../../components/Dialog';
import { useDb } from '../../../app/services';
import { initiativeReferences, totalReferences, type InitiativeReferences } from '../../../db/initiatives';
import { useInitiativeActions } from './useInitiativeActions';

const KINDS: readonly (keyof InitiativeReferences)[] = ['leads', 'timeBoxes', 'timeEntries', 'wins'];

/**
 * Asks before deleting, and says what points at the initiative: those rows keep its id and show
 * "Deleted initiative". When anything is linked, archiving is offered first: it keeps the page and
 * the figures, which is nearly always what the user wants for a finished effort.
 */
export function DeleteInitiativeDialog({ initiative, onClose, onDeleted }: { initiative: Initiative; onClose: () => void; onDeleted?: () => void }) {
  const { t } = useTranslation();
  const db = useDb();
  const actions = useInitiativeActions();
  const refs = useLiveQuery(() => initiativeReferences(db, initiative.id), [db, initiative.id]);
  const linked = refs ? totalReferences(refs) : 0;
  const list = refs
    ? KINDS.filter((kind) => refs[kind] > 0)
        .map((kind) => t(`initiatives.delete.${kind}`, { count: refs[kind] }))
        .join(t('initiatives.delete.separator'))
    : '';
  const body = !refs
    ? t('initiatives.delete.counting')
    : linked === 0
      ? t('initiatives.delete.unlinked')
      : t(initiative.archived ? 'initiatives.delete.linkedArchived' : 'initiatives.delete.linked', { list });

  return (
    <Dialog open title={t('initiatives.delete.title', { name: initiative.name })} description={body} onClose={onClose}>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        {linked > 0 && !initiative.archived ? (
          <Button
            variant="primary"
            onClick={() => {
              onClose();
              void actions.archive(initiative);
            }}
          >
            {t('initiatives.delete.archiveInstead')}
          </Button>
        ) : null}
        <Button
          variant="danger"
          disabled={!refs}
          onClick={() => {
            onClose();
            void actions.remove(initiative).then((deleted) => {
              if (deleted) onDeleted?.();
            });
          }}
        >
          {t(linked > 0 ? 'initiatives.delete.confirmAnyway' : 'initiatives.delete.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Backup, BackupPreview } from '../../../shared/backup';
import { Button } from '../../components/Button';
import { Dialog, DialogActions } from '../../components/Dialog';
import { useDb, useLanguage, useSystem } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { formatDate, formatNumber } from '../../i18n/format';
import { platform } from '../../platform';
import { useToasts } from '../../stores/toasts';

// The backup code brings in the full zod validator: loaded when the user backs up or restores.
const backupModule = () => Promise.all([import('../../db/backup'), import('../../../shared/backup')]);

type Pending = { backup: Backup; preview: BackupPreview; keepInvalid: boolean };

/**
 * Export a backup file at any time, and restore one after a preview. Before a restore the current
 * data is saved to a file of its own, and the restore can be undone (shared/backup, docs/backup-format.md).
 */
export function BackupSection() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const system = useSystem();
  const show = useToasts((s) => s.show);
  const fileInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [problem, setProblem] = useState<{ message: string; retryKeepingRows?: Uint8Array } | null>(null);
  const meta = () => ({ appVersion: system.appVersion, exportedAt: Date.now() });

  const exportNow = async () => {
    setBusy(t('backup.export.button'));
    try {
      const [{ exportBackup }, { backupFileName, BACKUP_FILE_FILTER }] = await backupModule();
      const { text, preview } = await exportBackup(db, meta());
      const saved = await platform().saveFile({ suggestedName: backupFileName(Date.now(), system.timeZone), data: text, filter: BACKUP_FILE_FILTER });
      if (saved.status === 'saved') show({ message: t('backup.export.saved', { rows: formatNumber(preview.totalRows, language) }), tone: 'success' });
      else if (saved.status === 'cancelled') show({ message: t('backup.export.cancelled'), tone: 'info' });
      else show({ message: t('backup.export.failed', { detail: saved.message }), tone: 'error' });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(null);
    }
  };

  const read = async (bytes: Uint8Array, keepInvalidRows: boolean) => {
    const [, { parseBackupBytes }] = await backupModule();
    const parsed = parseBackupBytes(bytes, { keepInvalidRows });
    if (parsed.ok) {
      setProblem(null);
      setPending({ backup: parsed.backup, preview: parsed.preview, keepInvalid: keepInvalidRows });
      return;
    }
    const message = t(parsed.error.key as 'backup.error.empty', parsed.error.params as unknown as Record<string, unknown>);
    setProblem({ message, retryKeepingRows: parsed.error.key === 'backup.error.invalidRows' ? bytes : undefined });
  };

  const restore = async () => {
    if (!pending) return;
    const chosen = pending;
    setPending(null);
    setBusy(t('backup.restore.savingCurrent'));
    try {
      const [{ restoreWithUndo, undoRestore }, { backupFileName, BACKUP_FILE_FILTER }] = await backupModule();
      const result = await restoreWithUndo(db, chosen.backup, {
        ...meta(),
        // The copy of the current data is saved where the user can see it, before anything changes.
        keepSnapshot: async (text) => {
          const saved = await platform().saveFile({ suggestedName: backupFileName(Date.now(), system.timeZone, 'before-restore'), data: text, filter: BACKUP_FILE_FILTER });
          return saved.status === 'saved';
        },
      });
      if (!result.ok) {
        show({ message: t(result.error.key as 'backup.error.empty', result.error.params as unknown as Record<string, unknown>), tone: 'error' });
        return;
      }
      show({
        message: t('backup.restore.done', { rows: formatNumber(result.rows, language) }),
        tone: 'success',
        action: {
          label: t('backup.restore.undo'),
          run: async () => {
            const undone = await undoRestore(db, result.undo);
            show({ message: t(undone.ok ? 'backup.restore.undone' : 'backup.restore.undoFailed'), tone: undone.ok ? 'success' : 'error' });
          },
        },
      });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(null);
    }
  };

  const preview = pending?.preview;
  return (
    <section className="card settings__section settings__section--wide" aria-labelledby="settings-backup" aria-busy={busy !== null}>
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p className="muted">{t('backup.export.hint')}</p>
      <div className="button-row">
        <Button variant="primary" onClick={() => void exportNow()} disabled={busy !== null}>
          {t('backup.export.button')}
        </Button>
        <Button onClick={() => fileInput.current?.click()} disabled={busy !== null}>
          {t('backup.restore.button')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label={t('backup.restore.choose')}
          tabIndex={-1}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) await read(new Uint8Array(await file.arrayBuffer()), false);
          }}
        />
      </div>
      {busy ? (
        <p role="status" className="muted">
          {busy}
        </p>
      ) : null}
      {problem ? (
        <div role="alert" className="backup-problem">
          <p className="field__error">{problem.message}</p>
          {problem.retryKeepingRows ? (
            <>
              <p className="muted">{t('backup.restore.keepInvalidHint')}</p>
              <Button onClick={() => void read(problem.retryKeepingRows!, true)}>{t('backup.restore.keepInvalid')}</Button>
            </>
          ) : null}
        </div>
      ) : null}
      <Dialog open={pending !== null} title={t('backup.restore.previewTitle')} description={t('backup.restore.replaceWarning')} onClose={() => setPending(null)} wide>
        {preview ? (
          <>
            <ul className="backup-preview">
              <li>{t('backup.preview.app', { version: preview.appVersion })}</li>
              <li>{preview.migrated ? t('backup.preview.olderFormat', { version: preview.formatVersion }) : t('backup.preview.format', { version: preview.formatVersion })}</li>
              <li>{t('backup.preview.exportedAt', { date: formatDate(preview.exportedAt, language, system.timeZone) })}</li>
              <li>
                {preview.range
                  ? t('backup.preview.range', { from: formatDate(preview.range.from, language, system.timeZone), to: formatDate(preview.range.to, language, system.timeZone) })
                  : t('backup.preview.noDates')}
              </li>
              <li>{preview.totalRows === 0 ? t('backup.preview.empty') : t('backup.preview.rows', { count: preview.totalRows })}</li>
              <li>{preview.hasSettings ? t('backup.preview.settings') : t('backup.preview.noSettings')}</li>
              {preview.hasTimer ? <li>{t('backup.preview.timer')}</li> : null}
              {preview.problemCount > 0 ? <li className="field__error">{t('backup.preview.problems', { count: preview.problemCount })}</li> : null}
            </ul>
            <dl className="counts">
              {Object.entries(preview.counts).map(([table, count]) => (
                <div key={table} className="counts__item">
                  <dt>{t(`backup.table.${table}` as 'backup.table.leads')}</dt>
                  <dd>{formatNumber(count, language)}</dd>
                </div>
              ))}
            </dl>
            <DialogActions>
              <Button onClick={() => setPending(null)}>{t('backup.restore.cancel')}</Button>
              <Button variant="danger" onClick={() => void restore()}>
                {t('backup.restore.confirm')}
              </Button>
            </DialogActions>
          </>
        ) : null}
      </Dialog>
    </section>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDb, useLanguage, useSystem } from '../../app/services';
import { reportWriteError } from '../../app/write-errors';
import { clearSampleData, countSampleRows, loadSampleData } from '../../db/sample';
import { resetSettings } from '../../db/settings';
import { formatNumber } from '../../i18n/format';
import { useToasts } from '../../stores/toasts';
import { StoredCounts } from './StoredCounts';

export function DataSection() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const sampleRows = useLiveQuery(() => countSampleRows(db), [db]);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<'clear' | 'reset' | null>(null);

  const load = async () => {
    setBusy(true);
    try {
      const result = await loadSampleData(db, { now: Date.now(), timeZone, language });
      if (result.status === 'not-empty') show({ message: t('settings.sampleNotEmpty'), tone: 'error' });
      else show({ message: t('settings.sampleLoaded'), tone: 'success' });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setConfirm(null);
    setBusy(true);
    try {
      await clearSampleData(db);
      // The sample is deterministic, so undoing the clear is loading it again.
      show({ message: t('settings.sampleCleared'), tone: 'success', action: { label: t('common.undo'), run: load } });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    setConfirm(null);
    try {
      await resetSettings(db, Date.now());
      show({ message: t('settings.resetDone'), tone: 'success' });
    } catch (error) {
      reportWriteError(error);
    }
  };

  return (
    <section className="card settings__section settings__section--wide" aria-labelledby="settings-data">
      <h2 id="settings-data">{t('settings.data')}</h2>
      <p className="muted">{t('settings.dataHint')}</p>
      <StoredCounts keys={['timeEntries', 'timeBoxes', 'leads', 'initiatives', 'wins', 'metricEntries']} />
      <h3 className="settings__subheading">{t('settings.sample')}</h3>
      <p className="muted">{t('settings.sampleHint')}</p>
      <div className="button-row" aria-busy={busy}>
        <Button variant="primary" onClick={() => void load()} disabled={busy || (sampleRows ?? 0) > 0}>
          {busy ? t('settings.loadingSample') : t('settings.loadSample')}
        </Button>
        <Button onClick={() => setConfirm('clear')} disabled={busy || !sampleRows}>
          {t('settings.clearSample')}
        </Button>
        <Button variant="ghost" onClick={() => setConfirm('reset')}>
          {t('settings.resetDefaults')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirm === 'clear'}
        title={t('settings.confirmClearTitle')}
        body={t('settings.confirmClearBody', { rows: formatNumber(sampleRows ?? 0, language) })}
        confirmLabel={t('settings.clearSample')}
        danger
        onConfirm={() => void clear()}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === 'reset'}
        title={t('settings.confirmResetTitle')}
        body={t('settings.confirmResetBody')}
        confirmLabel={t('settings.resetDefaults')}
        onConfirm={() => void reset()}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}

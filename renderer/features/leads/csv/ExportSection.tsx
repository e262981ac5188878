import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button } from '../../../components/Button';
import { useDb, useLanguage, useSettings, useSystem } from '../../../app/services';
import { reportWriteError } from '../../../app/write-errors';
import { formatNumber } from '../../../i18n/format';
import { useToasts } from '../../../stores/toasts';
import { exportCsv, type ExportKind as Kind } from './export-actions';

/**
 * Leads and initiatives out as CSV, UTF-8 with a BOM and CRLF (what Excel in Japan expects), with
 * headers and labels in the user's language and ids beside the labels, so the leads file imports
 * back. The desktop app asks where to save; the browser downloads.
 */
export function ExportSection() {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const { currency } = useSettings();
  const { timeZone } = useSystem();
  const show = useToasts((s) => s.show);
  const leadCount = useLiveQuery(() => db.leads.count(), [db]);
  const initiativeCount = useLiveQuery(() => db.initiatives.count(), [db]);
  const [busy, setBusy] = useState<Kind | null>(null);

  const write = async (kind: Kind) => {
    setBusy(kind);
    try {
      const { fileName, result } = await exportCsv(db, kind, t, { currency, timeZone });
      if (result.status === 'saved') show({ message: t('leadCsv.export.saved', { name: result.path.split(/[\\/]/).pop() || fileName }), tone: 'success' });
      else if (result.status === 'failed') show({ message: t('leadCsv.export.failed', { message: result.message }), tone: 'error' });
    } catch (error) {
      reportWriteError(error);
    } finally {
      setBusy(null);
    }
  };

  const item = (kind: Kind, count: number | undefined) => (
    <div className="csv-export__item">
      <div>
        <h3 id={`csv-export-${kind}`}>{t(`leadCsv.export.${kind}`)}</h3>
        <p className="muted csv-export__count">
          {count === undefined ? '…' : count === 0 ? t('leadCsv.export.empty') : t('leadCsv.export.count', { n: formatNumber(count, language, 0) })}
        </p>
      </div>
      <Button aria-describedby={`csv-export-${kind}`} onClick={() => void write(kind)} disabled={!count || busy !== null} aria-busy={busy === kind || undefined}>
        {busy === kind ? t('leadCsv.export.writing') : t(kind === 'leads' ? 'leadCsv.export.exportLeads' : 'leadCsv.export.exportInitiatives')}
      </Button>
    </div>
  );

  return (
    <section className="card csv-export" aria-labelledby="csv-export-title">
      <h2 id="csv-export-title">{t('leadCsv.export.title')}</h2>
      <p className="muted csv-intro">{t('leadCsv.export.intro', { zone: timeZone })}</p>
      <div className="csv-export__items">
        {item('leads', leadCount)}
        {item('initiatives', initiativeCount)}
      </div>
    </section>
  );
}

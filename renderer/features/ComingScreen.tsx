import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';
import { useDb, useLanguage } from '../app/services';
import type { DataCounts } from '../db/counts';
import { countData } from '../db/counts';
import { formatNumber } from '../i18n/format';

/**
 * The honest placeholder for a screen a later version fills in: it says what will be here and
 * shows how much of the relevant data is already stored, nothing invented.
 */
export function ComingScreen({ screen, counts }: { screen: 'reports'; counts: (keyof DataCounts)[] }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`${screen}.title`)} />
      <EmptyState title={t(`${screen}.comingTitle`)} body={t(`${screen}.comingBody`)} badge={t('common.comingLater')}>
        <StoredCounts keys={counts} />
      </EmptyState>
    </>
  );
}

export function StoredCounts({ keys }: { keys: (keyof DataCounts)[] }) {
  const { t } = useTranslation();
  const db = useDb();
  const language = useLanguage();
  const counts = useLiveQuery(() => countData(db), [db]);
  if (!counts) return null;
  return (
    <dl className="counts" aria-label={t('today.stored')}>
      {keys.map((key) => (
        <div key={key} className="counts__item">
          <dt>{t(`counts.${key}`)}</dt>
          <dd>{formatNumber(counts[key], language)}</dd>
        </div>
      ))}
    </dl>
  );
}

import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb, useLanguage } from '../../app/services';
import type { DataCounts } from '../../db/counts';
import { countData } from '../../db/counts';
import { formatNumber } from '../../i18n/format';

/** How many rows each kind of data has, as stored now. `count()` reads no rows. */
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

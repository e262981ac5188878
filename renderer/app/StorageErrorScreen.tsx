import { useTranslation } from 'react-i18next';
import type { OpenFailure } from '../db/open';
import { Button } from '../components/Button';

/** Shown instead of a blank page when IndexedDB cannot be opened. Offers a retry, never a wipe. */
export function StorageErrorScreen({ failure }: { failure: OpenFailure }) {
  const { t } = useTranslation();
  const message =
    failure.cause === 'no-indexeddb'
      ? t('storage.noIndexedDb')
      : failure.cause === 'newer-version'
        ? t('storage.newerVersion')
        : failure.cause === 'quota'
          ? t('storage.quota')
          : t('storage.unknown', { message: failure.message });
  return (
    <main className="fatal" aria-labelledby="fatal-title">
      <div className="fatal__box" role="alert">
        <h1 id="fatal-title">{t('storage.title')}</h1>
        <p>{message}</p>
        <p className="muted">{t('storage.reassurance')}</p>
        <Button variant="primary" onClick={() => location.reload()}>
          {t('storage.retry')}
        </Button>
      </div>
    </main>
  );
}

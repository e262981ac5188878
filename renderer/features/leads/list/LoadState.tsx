import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/Button';

/** While the leads are first read (about a second with ten years of data), or when reading failed. */
export function LoadState({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  if (!error) {
    return (
      <p className="lead-load" role="status">
        <span className="lead-load__spinner" aria-hidden="true" />
        {t('leadBoard.loading')}
      </p>
    );
  }
  return (
    <div className="lead-load lead-load--error" role="alert">
      <p>{t('leadBoard.loadFailed', { message: error instanceof Error ? error.message : String(error) })}</p>
      <Button onClick={retry}>{t('leadBoard.retry')}</Button>
    </div>
  );
}

/** One place that turns a failed write into a message the user can act on. */
import { i18next } from '../i18n';
import { errorName } from '../db/open';
import { useToasts } from '../stores/toasts';

export function reportWriteError(error: unknown): void {
  console.error(error);
  const quota = errorName(error) === 'QuotaExceededError';
  const message = quota
    ? i18next.t('storage.quotaOnWrite')
    : i18next.t('storage.writeFailed', { message: error instanceof Error ? error.message : String(error) });
  useToasts.getState().show({ message, tone: 'error' });
}

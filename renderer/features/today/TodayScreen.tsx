import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useSettings, useSystem } from '../../app/services';
import { useNow } from '../../app/useNow';
import { formatHours, formatLongDate, formatPercent } from '../../i18n/format';
import { StoredCounts } from '../ComingScreen';

/** A standard working week, for showing the budget as a share (DOMAIN: 8 h is 20 % of 40 h). */
const WORKING_WEEK_HOURS = 40;

export function TodayScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const { timeZone } = useSystem();
  const now = useNow();
  const hours = formatHours(settings.weeklyBudgetHours, language);
  return (
    <>
      <PageHeader title={t('today.title')} subtitle={formatLongDate(now, language, timeZone)} />
      <div className="grid grid--two">
        <section className="card" aria-labelledby="budget-title">
          <h2 id="budget-title">{t('today.budgetTitle')}</h2>
          <p className="big-figure big-figure--marketing">{t('today.budgetValue', { hours })}</p>
          <p className="muted">
            {t('today.budgetHint', { hours, share: formatPercent(settings.weeklyBudgetHours / WORKING_WEEK_HOURS, language) })}
          </p>
        </section>
        <section className="card" aria-labelledby="stored-title">
          <h2 id="stored-title">{t('today.stored')}</h2>
          <StoredCounts keys={['timeBoxes', 'timeEntries', 'leads', 'wins']} />
        </section>
      </div>
      <EmptyState title={t('today.comingTitle')} body={t('today.comingBody')} badge={t('common.comingLater')} />
    </>
  );
}

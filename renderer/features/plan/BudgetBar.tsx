import { useTranslation } from 'react-i18next';
import type { PeriodBudget } from '../../../shared/domain/budget';
import { useLanguage } from '../../app/services';
import { formatDuration, formatRatio } from '../../i18n/format';

/**
 * The week's marketing budget at a glance: logged (solid), planned (outline) and the budget
 * (the full bar), with the marketing share as "numerator / denominator = %".
 */
export function BudgetBar({ budget }: { budget: PeriodBudget }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const scale = Math.max(budget.budgetMs, budget.plannedMs, budget.loggedMs, 1);
  const pct = (ms: number) => `${Math.min(100, (ms / scale) * 100)}%`;
  const logged = formatDuration(budget.loggedMs, language);
  const planned = formatDuration(budget.plannedMs, language);
  const total = formatDuration(budget.budgetMs, language);
  const over = budget.loggedMs - budget.budgetMs;
  return (
    <section className="card budget" aria-labelledby="budget-bar-title">
      <div className="budget__head">
        <h2 id="budget-bar-title">{t('budget.title')}</h2>
        <p className="budget__summary">{t('budget.summary', { logged, budget: total, planned })}</p>
      </div>
      <div
        className="budget__bar"
        role="img"
        aria-label={t('budget.barLabel', { logged, planned, budget: total })}
      >
        <div className="budget__planned" style={{ width: pct(budget.plannedMs) }} />
        <div className="budget__logged" style={{ width: pct(budget.loggedMs) }} />
        <div className="budget__limit" style={{ left: pct(budget.budgetMs) }} />
      </div>
      <dl className="budget__legend">
        <div>
          <dt>
            <span className="swatch swatch--logged" aria-hidden="true" /> {t('budget.logged')}
          </dt>
          <dd>{logged}</dd>
        </div>
        <div>
          <dt>
            <span className="swatch swatch--planned" aria-hidden="true" /> {t('budget.planned')}
          </dt>
          <dd>{planned}</dd>
        </div>
        <div>
          <dt>
            <span className="swatch swatch--limit" aria-hidden="true" /> {t('budget.budget')}
          </dt>
          <dd>
            {total}
            {over > 0 ? <span className="muted"> · {t('budget.over', { over: formatDuration(over, language) })}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('budget.share')}</dt>
          <dd>{formatRatio(budget.share, language, (ms) => formatDuration(ms, language))}</dd>
        </div>
      </dl>
    </section>
  );
}

import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STAGES, SOURCE_IDS, type Initiative, type LeadStage, type SourceId } from '../../../../shared/domain/model';
import { Button } from '../../../components/Button';
import { useLanguage } from '../../../app/services';
import { formatNumber } from '../../../i18n/format';
import { useLeadsUi } from '../../../stores/leads';
import { ChecklistFilter } from './ChecklistFilter';

/** True while the user is typing somewhere, so single-key shortcuts stay out of the way. */
export function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  if (!element || !element.tagName) return false;
  return element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName);
}

/**
 * The filters of the board and the list (they share them, so a pipeline for one source stays one
 * when switching views): text, sources, stages (list only: the board's columns are the stages)
 * and the initiative, with the count of what is shown. "/" focuses the search from anywhere.
 */
export function FilterBar({
  withStages,
  shown,
  total,
  initiatives,
}: {
  withStages: boolean;
  shown: number;
  total: number;
  initiatives: readonly Initiative[] | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const filters = useLeadsUi((s) => s.filters);
  const setFilters = useLeadsUi((s) => s.setFilters);
  const searchRef = useRef<HTMLInputElement>(null);
  const searchId = useId();
  const hintId = useId();
  const active = filters.text.trim() !== '' || filters.sources.length > 0 || filters.initiativeId !== null || (withStages && filters.stages.length > 0);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const sourceOptions = useMemo(() => SOURCE_IDS.map((value) => ({ value, label: t(`leads.source.${value}`) })), [t]);
  const stageOptions = useMemo(() => LEAD_STAGES.map((value) => ({ value, label: t(`leads.stage.${value}`) })), [t]);
  const knownInitiative = filters.initiativeId === null || (initiatives ?? []).some((i) => i.id === filters.initiativeId);

  const clear = () => setFilters({ text: '', sources: [], initiativeId: null, ...(withStages ? { stages: [] } : {}) });

  return (
    <search className="lead-filters" aria-label={t('leadBoard.filters.label')}>
      <div className="lead-filters__search">
        <label htmlFor={searchId} className="visually-hidden">
          {t('leadBoard.filters.search')}
        </label>
        <input
          ref={searchRef}
          id={searchId}
          type="search"
          className="input lead-filters__input"
          placeholder={t('leadBoard.filters.searchPlaceholder')}
          value={filters.text}
          aria-describedby={hintId}
          aria-keyshortcuts="/"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => setFilters({ text: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && filters.text !== '') {
              event.preventDefault();
              setFilters({ text: '' });
            }
          }}
        />
        <span id={hintId} hidden>
          {t('leadBoard.filters.searchKeys')}
        </span>
      </div>
      <ChecklistFilter<SourceId>
        label={t('leadBoard.filters.source')}
        options={sourceOptions}
        selected={filters.sources}
        onChange={(sources) => setFilters({ sources })}
      />
      {withStages ? (
        <ChecklistFilter<LeadStage>
          label={t('leadBoard.filters.stage')}
          options={stageOptions}
          selected={filters.stages}
          onChange={(stages) => setFilters({ stages })}
        />
      ) : null}
      <label className="lead-filters__initiative">
        <span className="visually-hidden">{t('leadBoard.filters.initiative')}</span>
        <select
          className="input"
          value={filters.initiativeId ?? ''}
          onChange={(event) => setFilters({ initiativeId: event.target.value === '' ? null : event.target.value })}
        >
          <option value="">{t('leadBoard.filters.allInitiatives')}</option>
          {(initiatives ?? []).map((initiative) => (
            <option key={initiative.id} value={initiative.id}>
              {initiative.archived ? t('leadBoard.filters.archived', { name: initiative.name }) : initiative.name}
            </option>
          ))}
          {knownInitiative ? null : <option value={filters.initiativeId ?? ''}>{filters.initiativeId}</option>}
        </select>
      </label>
      <Button variant="ghost" onClick={clear} disabled={!active}>
        {t('leadBoard.filters.clear')}
      </Button>
      <p className="lead-filters__count" role="status">
        {t('leadBoard.list.count', { shown: formatNumber(shown, language, 0), total: formatNumber(total, language, 0) })}
      </p>
    </search>
  );
}

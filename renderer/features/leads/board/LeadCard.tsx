/**
 * One card of the board. Memoised with stable props, so a drag, a menu or a move elsewhere
 * redraws only the cards concerned. The card itself is the focusable control (Enter or a
 * double-click opens the lead); its "…" button sits beside it, not inside, so no control is
 * nested in another, and stays out of the tab order (M on the card does the same). Open stages
 * show the name on up to two lines, the source and person, the value and the days in the stage
 * (or the follow-up flag); closed stages, one line of name and value.
 */
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { daysInStage, leadName, type LeadFlag, type LeadListRow } from '../../../../shared/domain/lead-list';
import type { Currency, Language } from '../../../../shared/domain/model';
import { formatDate, formatMoney } from '../../../i18n/format';
import type { FlagLabels } from '../list/lead-rows';

/** Card heights in px by column kind; the stylesheet lays the cards out to fit. */
export const CARD_HEIGHT = { open: 96, closed: 36 } as const;
export const CARD_GAP = 6;

/** What every card of the board shares; all stable between renders. */
export interface CardContext {
  language: Language;
  currency: Currency;
  timeZone: string;
  flagLabels: FlagLabels;
  /** Id of the hidden text explaining the card's keys. */
  keysId: string;
  onKeyDown(event: KeyboardEvent<HTMLElement>, leadId: string): void;
  onOpen(leadId: string): void;
  onFocusCard(leadId: string): void;
  onMenu(leadId: string, anchor: HTMLElement): void;
}

interface LeadCardProps extends CardContext {
  row: LeadListRow;
  open: boolean;
  marketing: boolean;
  flag: LeadFlag | undefined;
  now: number;
  tabbable: boolean;
  dragging: boolean;
}

export const LeadCard = memo(function LeadCard(props: LeadCardProps) {
  const { row, open, marketing, flag, now, tabbable, dragging, language, currency, timeZone, flagLabels, keysId, onKeyDown, onOpen, onFocusCard, onMenu } = props;
  const { t } = useTranslation();
  const { lead } = row;
  const name = leadName(lead) || '—';
  const source = t(`leads.source.${lead.source}`);
  const value = lead.value !== undefined ? formatMoney(lead.value, currency, language) : null;
  const dayCount = daysInStage(row, now);
  const days = t('leadBoard.board.daysInStage', { count: dayCount });
  const since = t('leadBoard.board.daysInStageTitle', { date: formatDate(row.stageSince, language, timeZone) });
  const stage = t(`leads.stage.${lead.stage}`);
  const card = t('leadBoard.board.card', { name, source, value: value ?? t('leadBoard.noValue'), days, stage });
  const label = flag ? t('leadBoard.board.cardFlag', { card, flag: flagLabels[flag].long }) : card;
  const person = lead.company.trim() && lead.person.trim() ? lead.person : '';
  const classes = ['lead-card', open ? 'lead-card--open' : 'lead-card--closed', flag ? `lead-card--${flag}` : '', dragging ? 'lead-card--dragging' : ''];
  const valueText = <span className={value ? 'lead-card__value' : 'lead-card__value lead-card__value--none'}>{value ?? (open ? t('leadBoard.noValue') : '—')}</span>;
  return (
    <>
      <div
        role="button"
        tabIndex={tabbable ? 0 : -1}
        className={classes.filter(Boolean).join(' ')}
        data-lead-id={lead.id}
        data-stage={lead.stage}
        aria-label={label}
        aria-describedby={keysId}
        aria-keyshortcuts="Enter Alt+ArrowLeft Alt+ArrowRight M"
        title={open ? undefined : `${name} · ${since}`}
        onKeyDown={(event) => onKeyDown(event, lead.id)}
        onFocus={() => onFocusCard(lead.id)}
        onDoubleClick={() => onOpen(lead.id)}
        // Mouse clicks only focus (a drag moves, a double-click opens); a click with no pointer
        // behind it (detail 0) comes from a screen reader's "activate" and opens the lead.
        onClick={(event) => {
          if (event.detail === 0) onOpen(lead.id);
        }}
      >
        <span className="lead-card__name" title={open ? name : undefined}>
          {name}
        </span>
        {open ? (
          <>
            <span className="lead-card__meta" title={lead.sourceDetail ? `${source} · ${lead.sourceDetail}` : source}>
              <span className={`source-dot source-dot--${marketing ? 'marketing' : 'sales'}`} aria-hidden="true" />
              {source}
              {person ? ` · ${person}` : ''}
            </span>
            <span className="lead-card__foot">
              {valueText}
              {flag ? (
                <span className={`lead-flag lead-flag--${flag}`} title={flagLabels[flag].long}>
                  {flagLabels[flag].short}
                </span>
              ) : (
                <span className="lead-card__days" title={`${days} · ${since}`}>
                  {t('leadBoard.board.daysShort', { count: dayCount })}
                </span>
              )}
            </span>
          </>
        ) : (
          valueText
        )}
      </div>
      <button
        type="button"
        tabIndex={-1}
        className="lead-card__menu"
        aria-label={t('leadBoard.board.moveNamed', { name })}
        aria-haspopup="menu"
        title={t('leadBoard.board.moveTo')}
        onClick={(event) => onMenu(lead.id, event.currentTarget)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
    </>
  );
});

/**
 * Suggested wins: when a lead from marketing is added, becomes an opportunity or is won, a toast
 * offers (never forces) a prefilled win; one click on "Log as a win" opens the capture with it.
 *
 * Called by the leads screens right after the write that caused the event succeeded:
 *
 *   void offerSuggestedWin({ kind: 'lead-won', lead, at }, { db, sourceOrigins, currency });
 *
 * Nothing is offered for a lead that already has a win of the same type (logged by hand or from
 * an earlier suggestion), nor for a new lead of sales origin (shared/domain/wins.ts decides).
 */
import { suggestedWin, type WinSuggestion, type WinSuggestionContext, type WinSuggestionEvent } from '../../../shared/domain/wins';
import type { Win } from '../../../shared/domain/model';
import type { Currency, Language } from '../../../shared/domain/model/settings';
import type { TwoHatsDatabase } from '../../db/database';
import { winsOfLead } from '../../db/wins';
import { i18next, loadFeatureMessages } from '../../i18n';
import { formatMoney } from '../../i18n/format';
import { useCapture, type WinPrefill } from '../../stores/capture';
import { useToasts } from '../../stores/toasts';
import { leadName } from './win-form';

export interface SuggestContext {
  db: TwoHatsDatabase;
  sourceOrigins: WinSuggestionContext['sourceOrigins'];
  /** Settings.currency: the unit of a won deal's value. */
  currency: Currency;
}

/** A suggestion lasts longer than an ordinary toast: it asks for a decision. */
const SUGGESTION_TOAST_MS = 15_000;

/**
 * Shows the "Log it as a win?" toast when `event` deserves one; resolves to the prefill it
 * offered, or null. Never throws: a suggestion must not break the write that triggered it.
 */
export async function offerSuggestedWin(event: WinSuggestionEvent, context: SuggestContext): Promise<WinPrefill | null> {
  let existingWins: Win[] | undefined;
  try {
    // The leads screens have them already; a caller outside them may not.
    await loadFeatureMessages();
    existingWins = await winsOfLead(context.db, event.lead.id);
  } catch (error) {
    // Without the lead's wins a duplicate may be offered; still better than no offer.
    console.warn('Could not read the lead’s wins (or the messages) for a suggestion', error);
  }
  const suggestion = suggestedWin(event, { sourceOrigins: context.sourceOrigins, existingWins });
  if (!suggestion) return null;
  const prefill = prefillOfSuggestion(suggestion, context.currency);
  const who = leadName(event.lead) || event.lead.company || event.lead.person;
  const message =
    event.kind === 'lead-added'
      ? i18next.t('wins.suggest.leadAdded', { who })
      : event.kind === 'lead-opportunity'
        ? i18next.t('wins.suggest.opportunity', { who })
        : i18next.t('wins.suggest.won', { who });
  useToasts.getState().show(
    { message, tone: 'info', action: { label: i18next.t('wins.suggest.action'), run: () => useCapture.getState().openCapture(prefill) } },
    SUGGESTION_TOAST_MS,
  );
  return prefill;
}

/** The capture's prefill for a suggestion, its title in the user's language. */
export function prefillOfSuggestion(suggestion: WinSuggestion, currency: Currency): WinPrefill {
  const params = suggestion.titleParams;
  const who = [params.company, params.person].filter((part) => typeof part === 'string' && part.trim() !== '').join(' · ');
  const source = typeof params.source === 'string' ? i18next.t(`leads.source.${params.source as 'other'}`) : '';
  const language = (i18next.resolvedLanguage === 'ja' ? 'ja' : 'en') satisfies Language;
  const value = typeof params.value === 'number' ? formatMoney(params.value, currency, language) : '';
  const title =
    suggestion.titleKey === 'wins.suggested.leadAdded'
      ? i18next.t('wins.suggested.leadAdded', { who, source })
      : suggestion.titleKey === 'wins.suggested.opportunity'
        ? i18next.t('wins.suggested.opportunity', { who })
        : i18next.t('wins.suggested.won', { who, value });
  const prefill: WinPrefill = { title, type: suggestion.type, at: suggestion.at, leadId: suggestion.leadId, tags: suggestion.tags, starred: suggestion.starred };
  if (suggestion.initiativeId) prefill.initiativeId = suggestion.initiativeId;
  if (suggestion.amount !== undefined) {
    prefill.amount = suggestion.amount;
    prefill.unit = currency;
  }
  return prefill;
}

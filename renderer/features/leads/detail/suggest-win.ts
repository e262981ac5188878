/**
 * "Log this as a win?": the prefilled win offered when a marketing lead is added, or when a lead
 * becomes an opportunity or is won. The rule is `suggestedWin` (shared/domain/wins.ts); this turns
 * its title key into text and its value into the win's amount. The capture dialog itself belongs
 * to the wins feature and opens through `useCapture`.
 */
import type { TFunction } from 'i18next';
import { isMarketingSourced } from '../../../../shared/domain/leads';
import type { Language, Settings } from '../../../../shared/domain/model/settings';
import { suggestedWin, type WinSuggestionEvent } from '../../../../shared/domain/wins';
import type { TwoHatsDatabase } from '../../../db/database';
import { winsOfLead } from '../../../db/lead-detail';
import { i18next } from '../../../i18n';
import { currencyFractionDigits, formatMoney } from '../../../i18n/format';
import { useCapture, type WinPrefill } from '../../../stores/capture';
import { leadName } from './lead-text';

const FALLBACK_TITLE = {
  'lead-added': 'leadForm.win.title.leadAdded',
  'lead-opportunity': 'leadForm.win.title.opportunity',
  'lead-won': 'leadForm.win.title.won',
} as const;

const OFFER = {
  'lead-added': 'leadForm.win.leadAdded',
  'lead-opportunity': 'leadForm.win.opportunity',
  'lead-won': 'leadForm.win.won',
} as const;

export interface WinOffer {
  /** The toast's sentence, in the user's language. */
  message: string;
  /** The label of the toast's action. */
  action: string;
  prefill: WinPrefill;
}

/**
 * The win to offer after `event`, or null (a lead from sales, or a win of that kind already logged
 * about this lead). Reads the lead's wins by the `leadId` index.
 */
export async function winOfferFor(
  db: TwoHatsDatabase,
  event: WinSuggestionEvent,
  settings: Settings,
  language: Language,
  t: TFunction,
): Promise<WinOffer | null> {
  const { lead } = event;
  if (event.kind === 'lead-added' && !isMarketingSourced(lead, settings.sourceOrigins)) return null;
  const suggestion = suggestedWin(event, { sourceOrigins: settings.sourceOrigins, existingWins: await winsOfLead(db, lead.id) });
  if (!suggestion) return null;
  const name = leadName(lead);
  // The domain gives raw values; a title wants words: the source's label and the money formatted.
  const params = {
    ...suggestion.titleParams,
    name,
    source: t(`leads.source.${lead.source}`),
    value: suggestion.amount !== undefined ? formatMoney(suggestion.amount, settings.currency, language) : '',
  };
  // The wins feature owns `wins.suggested.*`; until it has them, the lead form's own titles stand in.
  const key = i18next.exists(suggestion.titleKey) ? suggestion.titleKey : FALLBACK_TITLE[event.kind];
  const prefill: WinPrefill = {
    title: (t as unknown as (k: string, o: object) => string)(key, params),
    type: suggestion.type,
    at: suggestion.at,
    leadId: suggestion.leadId,
    tags: suggestion.tags,
    starred: suggestion.starred,
  };
  if (suggestion.initiativeId) prefill.initiativeId = suggestion.initiativeId;
  if (suggestion.amount !== undefined) {
    // A win's amount is a plain number with a unit: the deal in the currency's major unit.
    prefill.amount = suggestion.amount / 10 ** currencyFractionDigits(settings.currency);
    prefill.unit = settings.currency;
  }
  return { message: t(OFFER[event.kind], { name }), action: t('leadForm.win.action'), prefill };
}

export function openWinCapture(prefill: WinPrefill): void {
  useCapture.getState().openCapture(prefill);
}

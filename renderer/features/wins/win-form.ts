/**
 * What the win form holds while the user types, and how it becomes a draft for
 * shared/domain/wins.ts. Kept apart from the component so a form closed unsaved can be put aside
 * and brought back exactly as it was.
 */
import { WIN_TYPES, type Lead, type Win, type WinType } from '../../../shared/domain/model';
import { normalizeWinDraft, validateWinDraft, type WinDraft, type WinDraftErrors } from '../../../shared/domain/wins';
import { fromDateTimeLocal, toDateTimeLocal } from '../../i18n/datetime-input';
import type { WinPrefill } from '../../stores/capture';
import { parseAmountInput, toAmountInput, toStoredAmount } from './amount';

export interface WinForm {
  title: string;
  starred: boolean;
  type: WinType;
  /** The `datetime-local` value shown. */
  when: string;
  /**
   * The instant saved while the user has not touched "When": the edited win's or the prefill's
   * own (to the millisecond), or null for "the moment of saving" — the date defaults to now.
   */
  fixedAt: number | null;
  whenTouched: boolean;
  amount: string;
  unit: string;
  tags: string[];
  /** A tag being typed, not yet a chip: saved too, so nothing typed is lost. */
  tagText: string;
  initiativeId: string;
  leadId: string;
  note: string;
}

export function formFromPrefill(prefill: WinPrefill | null, now: number, timeZone: string): WinForm {
  const at = prefill?.at;
  return {
    title: prefill?.title ?? '',
    starred: prefill?.starred === 1,
    type: prefill?.type && (WIN_TYPES as readonly string[]).includes(prefill.type) ? prefill.type : 'other',
    when: toDateTimeLocal(at ?? now, timeZone),
    fixedAt: at ?? null,
    whenTouched: false,
    amount: toAmountInput(prefill?.amount, prefill?.unit),
    unit: prefill?.unit ?? '',
    tags: prefill?.tags ? [...prefill.tags] : [],
    tagText: '',
    initiativeId: prefill?.initiativeId ?? '',
    leadId: prefill?.leadId ?? '',
    note: prefill?.note ?? '',
  };
}

export function formFromWin(win: Win, timeZone: string): WinForm {
  return formFromPrefill(win, win.at, timeZone);
}

/** "ACME · 山田 太郎": how a lead is named wherever a win points at it. */
export function leadName(lead: Pick<Lead, 'company' | 'person'>): string {
  return [lead.company, lead.person].filter((part) => part.trim() !== '').join(' · ');
}

/** Splits typed tag text at commas (ASCII, full-width or 、) and line breaks. */
export function splitTagText(text: string): string[] {
  return text
    .split(/[,，、\n]/u)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** True when the form differs from how it was opened: closing it then would lose typing. */
export function formChanged(initial: WinForm, current: WinForm): boolean {
  // Touching the date and leaving it as it was is not a change.
  const comparable = (form: WinForm) => JSON.stringify({ ...form, whenTouched: undefined });
  return comparable(initial) !== comparable(current);
}

export type FormResult = { ok: true; draft: WinDraft } | { ok: false; errors: WinDraftErrors };

/**
 * The draft to save, or the errors to show (i18n keys as shared/domain/wins.ts returns them,
 * plus 'validation.finite' for a number that is not one). `now` is the moment of saving.
 */
export function draftFromForm(form: WinForm, timeZone: string, now: number): FormResult {
  const errors: WinDraftErrors = {};
  const at = form.whenTouched ? (fromDateTimeLocal(form.when, timeZone) ?? Number.NaN) : (form.fixedAt ?? now);

  let amount: number | undefined;
  let unit = form.unit.trim();
  const parsed = parseAmountInput(form.amount);
  if (!parsed.ok) errors.amount = 'validation.finite';
  else {
    // A unit typed into the number field ("+35 opens") is the unit, unless another one was given.
    if (parsed.unit !== '') {
      if (unit === '' || unit === parsed.unit) unit = parsed.unit;
      else errors.amount = 'validation.finite';
    }
    if (parsed.value !== undefined && !errors.amount) amount = toStoredAmount(parsed.value, unit);
  }

  const draft: WinDraft = normalizeWinDraft({
    at,
    title: form.title,
    type: form.type,
    tags: [...form.tags, ...splitTagText(form.tagText)],
    starred: form.starred ? 1 : 0,
    initiativeId: form.initiativeId || undefined,
    leadId: form.leadId || undefined,
    amount,
    unit: unit || undefined,
    note: form.note,
  });
  const rules = validateWinDraft(draft, now);
  const all: WinDraftErrors = { ...rules, ...errors };
  return Object.keys(all).length > 0 ? { ok: false, errors: all } : { ok: true, draft };
}

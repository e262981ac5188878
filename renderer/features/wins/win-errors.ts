/**
 * Turns the rule keys of shared/domain/wins.ts into messages. Some of those keys ('validation.
 * required', 'validation.nonNegative'…) are not in en.ts's shared `validation` block; their
 * messages live in this feature's namespace (`wins.validation.*`), and this is the one place that
 * knows the mapping, so t() only ever gets keys that exist.
 */
import type { TFunction } from 'i18next';
import type { WinDraft } from '../../../shared/domain/wins';
import { WIN_LIMITS } from '../../../shared/domain/wins';

const MAX_LENGTH: Partial<Record<keyof WinDraft, number>> = {
  title: WIN_LIMITS.titleLength,
  note: WIN_LIMITS.noteLength,
  unit: WIN_LIMITS.unitLength,
};

export function winErrorMessage(t: TFunction, field: keyof WinDraft, key: string): string {
  switch (key) {
    case 'validation.required':
      return t('wins.validation.required');
    case 'validation.tooLong':
      return field === 'tags' ? t('wins.validation.tagTooLong', { max: WIN_LIMITS.tagLength }) : t('validation.tooLong', { max: MAX_LENGTH[field] ?? WIN_LIMITS.titleLength });
    case 'validation.number':
    case 'validation.finite':
      return t('wins.validation.finite');
    case 'validation.nonNegative':
      return t('wins.validation.nonNegative');
    case 'validation.tooLarge':
      return t('wins.validation.tooLarge');
    case 'wins.futureDate':
      return t('wins.futureDate');
    case 'wins.tooManyTags':
      return t('wins.tooManyTags', { max: WIN_LIMITS.tags });
    case 'validation.invalid':
      return field === 'at' ? t('wins.validation.dateInvalid') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** The visible names the tests look for, in each language: taken from the app's own messages. */
import { en } from '../../../renderer/i18n/en';
import { featuresEn } from '../../../renderer/i18n/features.en';
import { featuresJa } from '../../../renderer/i18n/features.ja';
import { ja } from '../../../renderer/i18n/ja';

export const MESSAGES = { en: { ...en, ...featuresEn }, ja: { ...ja, ...featuresJa } } as const;
export const SCREENS = ['today', 'plan', 'leads', 'wins', 'metrics', 'reports', 'settings'] as const;
export type ScreenName = (typeof SCREENS)[number];

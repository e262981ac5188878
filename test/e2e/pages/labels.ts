/** The visible names the tests look for, in each language: taken from the app's own messages. */
import { en } from '../../../renderer/i18n/en';
import { ja } from '../../../renderer/i18n/ja';

export const MESSAGES = { en, ja } as const;
export const SCREENS = ['today', 'plan', 'leads', 'wins', 'metrics', 'reports', 'settings'] as const;
export type ScreenName = (typeof SCREENS)[number];

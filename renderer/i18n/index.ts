/** i18next set up with both languages bundled: they are small, and the app must work offline. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/model/settings';
import { en } from './en';
import { ja } from './ja';

export const resources = { en: { translation: en }, ja: { translation: ja } } as const;

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

/** Screen readers and font selection (CJK glyph variants) follow the html lang attribute. */
function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}

export { i18next };

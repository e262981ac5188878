/**
 * i18next, loading only what is needed: at start-up the core messages of the language in use;
 * the feature screens' messages when the first feature screen opens; the other language only
 * when the user switches. Everything is bundled (no network); these are just separate chunks,
 * so the start-up path stays within its budget as features grow.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain/model/settings';

const core: Record<Language, () => Promise<object>> = {
  en: () => import('./en').then((m) => m.en),
  ja: () => import('./ja').then((m) => m.ja),
};

const features: Record<Language, () => Promise<object>> = {
  en: () => import('./features.en').then((m) => m.featuresEn),
  ja: () => import('./features.ja').then((m) => m.featuresJa),
};

let featuresWanted = false;
const featuresLoaded = new Set<Language>();

async function addFeatures(language: Language): Promise<void> {
  if (featuresLoaded.has(language)) return;
  i18next.addResourceBundle(language, 'translation', await features[language](), true, true);
  featuresLoaded.add(language);
}

export async function initI18n(language: Language): Promise<typeof i18next> {
  const messages = await core[language]();
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: messages } },
    lng: language,
    // No fallback: both languages are complete (a unit test checks), and a fallback would load
    // the other language's messages at start-up.
    fallbackLng: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
  return i18next;
}

/** Called by every lazily loaded feature screen before it renders (see App.tsx). */
export async function loadFeatureMessages(): Promise<void> {
  featuresWanted = true;
  await addFeatures(i18next.language as Language);
}

export async function changeLanguage(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await core[language](), true, true);
  }
  if (featuresWanted) await addFeatures(language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

/** Screen readers and font selection (CJK glyph variants) follow the html lang attribute. */
function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
}

export { i18next };

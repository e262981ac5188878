import 'i18next';
import type { en } from './en';
import type { featuresEn } from './features.en';

// Makes t('some.key') a compile-time checked key, over the core and the feature messages.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & typeof featuresEn };
    returnNull: false;
  }
}

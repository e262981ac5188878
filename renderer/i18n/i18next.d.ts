import 'i18next';
import type { en } from './en';

// Makes t('some.key') a compile-time checked key.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}

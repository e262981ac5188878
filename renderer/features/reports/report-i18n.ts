/**
 * The report is written in its own language, which may differ from the app's (a Japanese report
 * from an English UI, or the other way round). i18next only holds the messages of the languages
 * used so far, so the report's language is loaded here (core and feature messages, bundled
 * chunks, no network) and the report is rendered with a `t` fixed to it.
 */
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/domain/model/settings';
import { i18next } from '../../i18n';

export type ReportT = TFunction;

const loading = new Map<Language, Promise<void>>();

function hasReportMessages(language: Language): boolean {
  // Both the report's own messages and the shared names it uses (sources, win types, categories).
  return i18next.exists('report.title', { lng: language }) && i18next.exists('leads.source.newsletter', { lng: language }) && i18next.exists('category.content', { lng: language });
}

export function ensureReportLanguage(language: Language): Promise<void> {
  if (hasReportMessages(language)) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = Promise.all(
      language === 'ja'
        ? [import('../../i18n/ja').then((m) => m.ja), import('../../i18n/features.ja').then((m) => m.featuresJa)]
        : [import('../../i18n/en').then((m) => m.en), import('../../i18n/features.en').then((m) => m.featuresEn)],
    ).then(([core, features]) => {
      // Deep, without overwriting: the app's own loading (i18n/index.ts) adds the same messages.
      i18next.addResourceBundle(language, 'translation', core, true, false);
      i18next.addResourceBundle(language, 'translation', features, true, false);
    });
    loading.set(language, pending);
    pending.catch(() => loading.delete(language));
  }
  return pending;
}

/** A `t` in the report's language, or null while its messages load. */
export function useReportT(language: Language): ReportT | null {
  const [ready, setReady] = useState<Language | null>(() => (hasReportMessages(language) ? language : null));
  useEffect(() => {
    let live = true;
    ensureReportLanguage(language).then(
      () => {
        if (live) setReady(language);
      },
      (error: unknown) => console.error(error),
    );
    return () => {
      live = false;
    };
  }, [language]);
  return ready === language ? i18next.getFixedT(language) : null;
}

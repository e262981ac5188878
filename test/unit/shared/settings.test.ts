import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  defaultSettings,
  languageFromLocale,
  resolveLanguage,
  settingsWithDefaults,
  validateSettings,
} from '../../../shared/domain/model/settings';

const NOW = Date.UTC(2026, 10, 23, 1, 0);

describe('default settings (DOMAIN.md "Defaults")', () => {
  it('are the Japanese business defaults', () => {
    const s = defaultSettings(NOW);
    expect(s).toMatchObject({
      language: 'system',
      weekStartsOn: 1,
      fiscalYearStartMonth: 4,
      currency: 'JPY',
      weeklyBudgetHours: 8,
      followUpSlaHours: 24,
      staleLeadDays: 60,
    });
    expect(s.stageProbabilities).toEqual({ new: 0.05, contacted: 0.1, opportunity: 0.3, proposal: 0.6, won: 1, lost: 0, dropped: 0 });
    expect(s.sourceOrigins.outbound).toBe('sales');
    expect(s.sourceOrigins['existing-customer']).toBe('sales');
    expect(s.sourceOrigins.referral).toBe('sales');
    expect(s.sourceOrigins.newsletter).toBe('marketing');
  });

  it('validate', () => {
    expect(validateSettings(defaultSettings(NOW)).ok).toBe(true);
  });
});

describe('validateSettings', () => {
  const base = defaultSettings(NOW);
  const errorOf = (change: Record<string, unknown>) => {
    const result = validateSettings({ ...base, ...change });
    return result.ok ? null : Object.values(result.errors)[0];
  };

  it.each([
    [{ weeklyBudgetHours: -1 }, 'validation.range'],
    [{ weeklyBudgetHours: 80.25 }, 'validation.range'],
    [{ weeklyBudgetHours: 7.3 }, 'validation.quarterHour'],
    [{ weeklyBudgetHours: Number.NaN }, 'validation.number'],
    [{ weeklyBudgetHours: '8' }, 'validation.number'],
    [{ followUpSlaHours: 0 }, 'validation.range'],
    [{ followUpSlaHours: 721 }, 'validation.range'],
    [{ followUpSlaHours: 1.5 }, 'validation.integer'],
    [{ staleLeadDays: 0 }, 'validation.range'],
    [{ staleLeadDays: 366 }, 'validation.range'],
    [{ fiscalYearStartMonth: 13 }, 'validation.range'],
    [{ userName: 'x'.repeat(81) }, 'validation.tooLong'],
    [{ language: 'fr' }, 'validation.invalid'],
    [{ weekStartsOn: 7 }, 'validation.invalid'],
    [{ currency: 'XYZ' }, 'validation.invalid'],
  ])('rejects %o with %s', (change, key) => {
    expect(errorOf(change)).toBe(key);
  });

  it.each([[{ weeklyBudgetHours: 0 }], [{ weeklyBudgetHours: 80 }], [{ weeklyBudgetHours: 7.25 }], [{ followUpSlaHours: 1 }], [{ followUpSlaHours: 720 }], [{ staleLeadDays: 365 }], [{ weekStartsOn: 0 }]])(
    'accepts the limit %o',
    (change) => {
      expect(errorOf(change)).toBeNull();
    },
  );

  it('accepts every quarter hour from 0 to 80 and nothing in between', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 80, noNaN: true }), (hours) => {
        const ok = validateSettings({ ...base, weeklyBudgetHours: hours }).ok;
        expect(ok).toBe(Number.isInteger(hours * 4));
      }),
    );
  });
});

describe('settingsWithDefaults', () => {
  it('keeps valid stored fields and replaces missing or invalid ones with defaults', () => {
    const stored = { id: 'app', language: 'ja', weeklyBudgetHours: 12, followUpSlaHours: -5, unknownField: 1 };
    const s = settingsWithDefaults(stored, NOW);
    expect(s.language).toBe('ja');
    expect(s.weeklyBudgetHours).toBe(12);
    expect(s.followUpSlaHours).toBe(24);
    expect(s).not.toHaveProperty('unknownField');
  });

  it('fills stages and sources added after the row was written', () => {
    const s = settingsWithDefaults({ stageProbabilities: { new: 0.2 }, sourceOrigins: { newsletter: 'sales' } }, NOW);
    expect(s.stageProbabilities.new).toBe(0.2);
    expect(s.stageProbabilities.proposal).toBe(0.6);
    expect(s.sourceOrigins.newsletter).toBe('sales');
    expect(s.sourceOrigins.seo).toBe('marketing');
  });

  it.each([undefined, null, 'junk', 42])('gives the defaults for %o', (stored) => {
    expect(settingsWithDefaults(stored, NOW)).toEqual(defaultSettings(NOW));
  });
});

describe('language', () => {
  it.each([
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['JA', 'ja'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    [undefined, 'en'],
  ] as const)('OS locale %s gives %s', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });

  it('an explicit choice wins over the OS', () => {
    expect(resolveLanguage('en', 'ja-JP')).toBe('en');
    expect(resolveLanguage('system', 'ja-JP')).toBe('ja');
  });
});

/**
 * The user's settings: one row, validated by zod so that nothing invalid is ever saved.
 * Error messages are i18n keys, so the renderer shows them in the user's language.
 */
// zod/mini: the same validator with a tree-shakable API, because settings are read on the
// start-up path and the full zod would cost a third of the initial JavaScript budget.
import * as z from 'zod/mini';

// Never probe for eval: the app's CSP forbids it, and the probe alone is reported as a violation.
// Set before any schema is built, because zod decides at construction time.
z.config({ jitless: true });
import { DEFAULT_STAGE_PROBABILITIES, DEFAULT_SOURCE_ORIGINS, LEAD_STAGES, SOURCE_IDS } from './leads';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** ISO 4217 codes offered in Settings; money is stored in each currency's minor unit. */
export const CURRENCIES = ['JPY', 'USD', 'EUR', 'GBP', 'CNY', 'KRW', 'TWD', 'SGD', 'AUD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const LIMITS = {
  weeklyBudgetHours: { min: 0, max: 80 },
  followUpSlaHours: { min: 1, max: 720 },
  staleLeadDays: { min: 1, max: 365 },
  idleMinutes: { min: 1, max: 120 },
  nameLength: 80,
} as const;

const numberField = (min: number, max: number, integer: boolean) =>
  (integer ? z.number({ error: 'validation.number' }).check(z.int({ error: 'validation.integer' })) : z.number({ error: 'validation.number' })).check(
    z.gte(min, { error: 'validation.range' }),
    z.lte(max, { error: 'validation.range' }),
  );

const nameField = z.string().check(z.trim(), z.maxLength(LIMITS.nameLength, { error: 'validation.tooLong' }));

export const settingsSchema = z.object({
  id: z.literal('app'),
  /** 'system' follows the OS language (ja or en; anything else falls back to en). */
  language: z.enum(['system', ...LANGUAGES]),
  theme: z.enum(THEMES),
  /** 0 = Sunday … 6 = Saturday, as in date-fns. */
  weekStartsOn: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]),
  /** 1 = January … 12 = December. Japanese default: April. */
  fiscalYearStartMonth: numberField(1, 12, true),
  currency: z.enum(CURRENCIES),
  /** Hours per week; quarter-hour steps are enough and keep figures readable. */
  weeklyBudgetHours: numberField(LIMITS.weeklyBudgetHours.min, LIMITS.weeklyBudgetHours.max, false).check(
    z.refine((h) => Number.isInteger(h * 4), { error: 'validation.quarterHour' }),
  ),
  followUpSlaHours: numberField(LIMITS.followUpSlaHours.min, LIMITS.followUpSlaHours.max, true),
  staleLeadDays: numberField(LIMITS.staleLeadDays.min, LIMITS.staleLeadDays.max, true),
  /** Minutes without input (or hidden, or asleep) after which the timer asks about the time away. */
  idleMinutes: numberField(LIMITS.idleMinutes.min, LIMITS.idleMinutes.max, true),
  /** Electron accelerator that starts/stops the timer from anywhere, e.g. "CommandOrControl+Shift+Space". */
  timerShortcut: z.string().check(z.maxLength(60, { error: 'validation.tooLong' })),
  /** For the report header. */
  userName: nameField,
  companyName: nameField,
  stageProbabilities: z.record(z.enum(LEAD_STAGES), z.number().check(z.gte(0), z.lte(1))),
  sourceOrigins: z.record(z.enum(SOURCE_IDS), z.enum(['marketing', 'sales'])),
  updatedAt: z.number(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WeekStart = Settings['weekStartsOn'];

/** Fields the Settings screen edits, validated one by one for inline messages. */
export type EditableSettingKey = Exclude<keyof Settings, 'id' | 'updatedAt'>;

/** The language the OS reports, mapped to one we ship. */
export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function resolveLanguage(setting: Settings['language'], osLocale: string | undefined): Language {
  return setting === 'system' ? languageFromLocale(osLocale) : setting;
}

/** DOMAIN.md defaults: 8 h/week, Monday, April, JPY, 24 h SLA (1 business day), 60-day stale. */
export function defaultSettings(now: number): Settings {
  return {
    id: 'app',
    language: 'system',
    theme: 'system',
    weekStartsOn: 1,
    fiscalYearStartMonth: 4,
    currency: 'JPY',
    weeklyBudgetHours: 8,
    followUpSlaHours: 24,
    staleLeadDays: 60,
    idleMinutes: 10,
    timerShortcut: 'CommandOrControl+Shift+Space',
    userName: '',
    companyName: '',
    stageProbabilities: { ...DEFAULT_STAGE_PROBABILITIES },
    sourceOrigins: { ...DEFAULT_SOURCE_ORIGINS },
    updatedAt: now,
  };
}

export type SettingsValidation =
  | { ok: true; settings: Settings }
  | { ok: false; errors: Partial<Record<keyof Settings, string>> };

/** Validates a whole settings object; each error is an i18n key under `validation.`. */
export function validateSettings(candidate: unknown): SettingsValidation {
  const result = settingsSchema.safeParse(candidate);
  if (result.success) return { ok: true, settings: result.data };
  const errors: Partial<Record<keyof Settings, string>> = {};
  for (const issue of result.error.issues) {
    const key = issue.path[0] as keyof Settings | undefined;
    if (key && !errors[key]) {
      errors[key] = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
    }
  }
  return { ok: false, errors };
}

/**
 * Reads stored settings tolerantly: a field that is missing or invalid (e.g. written by an older
 * version) falls back to its default, and the rest is kept. Never throws away a valid field.
 */
export function settingsWithDefaults(stored: unknown, now: number): Settings {
  const defaults = defaultSettings(now);
  if (typeof stored !== 'object' || stored === null) return defaults;
  const row = stored as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    if (row[key] !== undefined && settingsSchema.shape[key].safeParse(row[key]).success) merged[key] = row[key];
  }
  // Per-stage and per-source maps merge key by key, so a stage or source added in a later version
  // gets its default while the user's own values are kept.
  merged.stageProbabilities = mergeValidEntries(defaults.stageProbabilities, row.stageProbabilities, (v) => typeof v === 'number' && v >= 0 && v <= 1);
  merged.sourceOrigins = mergeValidEntries(defaults.sourceOrigins, row.sourceOrigins, (v) => v === 'marketing' || v === 'sales');
  return settingsSchema.parse(merged);
}

function mergeValidEntries<T extends Record<string, unknown>>(defaults: T, stored: unknown, valid: (value: unknown) => boolean): T {
  const merged: Record<string, unknown> = { ...defaults };
  if (typeof stored !== 'object' || stored === null) return merged as T;
  for (const key of Object.keys(defaults)) {
    const value = (stored as Record<string, unknown>)[key];
    if (valid(value)) merged[key] = value;
  }
  return merged as T;
}

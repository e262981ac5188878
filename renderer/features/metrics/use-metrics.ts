/** What every part of the Metrics screen needs: the definitions, their names, and error texts. */
import { useCallback, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { MetricDefinition } from '../../../shared/domain/model';
import { BUILTIN_METRICS } from '../../../shared/domain/model';
import { normalizeMetricName } from '../../../shared/metric-csv';
import { useDb } from '../../app/services';
import { listMetricDefinitions, withBuiltinDefaults } from '../../db/metrics';
import { metricsEn } from '../../i18n/metrics.en';
import { metricsJa } from '../../i18n/metrics.ja';

/** Stored definitions plus the built-ins not stored yet (see renderer/db/metrics.ts); undefined while loading. */
export function useMetricDefinitions(): MetricDefinition[] | undefined {
  const db = useDb();
  const stored = useLiveQuery(() => listMetricDefinitions(db), [db]);
  return useMemo(() => (stored ? withBuiltinDefaults(stored) : undefined), [stored]);
}

export interface MetricText {
  /** The user's name for it, or a built-in's name in the current language. */
  name: (definition: MetricDefinition) => string;
  /** The user's unit, or a built-in's default unit in the current language. */
  unit: (definition: MetricDefinition) => string;
  /** A validation key from shared/ or renderer/db/ as a sentence. */
  error: (key: string) => string;
}

// validateMetricValue's keys that the app-wide `validation` messages do not have.
const METRIC_VALIDATION_KEYS = new Set(['validation.required', 'validation.finite', 'validation.nonNegative', 'validation.tooLarge']);

export function useMetricText(): MetricText {
  const { t } = useTranslation();
  const name = useCallback((d: MetricDefinition) => d.name?.trim() || (d.builtin ? t(`metrics.builtin.${d.builtin}`) : '—'), [t]);
  const unit = useCallback((d: MetricDefinition) => d.unit.trim() || (d.builtin ? t(`metrics.builtinUnit.${d.builtin}`) : ''), [t]);
  const error = useCallback(
    (key: string) => {
      if (METRIC_VALIDATION_KEYS.has(key)) return t(`metrics.${key}` as 'metrics.validation.required');
      return t(key as 'validation.invalid');
    },
    [t],
  );
  return useMemo(() => ({ name, unit, error }), [name, unit, error]);
}

/**
 * Finds the metric a name (typed in a CSV file) stands for: its current name, and for a
 * built-in also its default name in either language and its id ('page-views'), so a file
 * written in English imports into a Japanese app and the other way round.
 */
export function metricFinder(definitions: readonly MetricDefinition[], name: (d: MetricDefinition) => string): (text: string) => MetricDefinition | undefined {
  const byName = new Map<string, MetricDefinition>();
  const add = (text: string, definition: MetricDefinition) => {
    const key = normalizeMetricName(text);
    if (key && !byName.has(key)) byName.set(key, definition);
  };
  // Current names first: they win over another metric's default name.
  for (const definition of definitions) add(name(definition), definition);
  for (const definition of definitions) {
    if (!definition.builtin || !(BUILTIN_METRICS as readonly string[]).includes(definition.builtin)) continue;
    add(metricsEn.builtin[definition.builtin], definition);
    add(metricsJa.builtin[definition.builtin], definition);
    add(definition.builtin, definition);
  }
  return (text) => byName.get(normalizeMetricName(text));
}

/**
 * The instant of a write, read when the user acts (in event handlers, never while rendering).
 * A named function because the React lint cannot always tell a handler nested in a helper from
 * render code.
 */
export const writeInstant = (): number => Date.now();

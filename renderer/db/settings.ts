/** Reading and writing the one settings row. Every write is validated; nothing invalid is saved. */
import {
  defaultSettings,
  settingsWithDefaults,
  validateSettings,
  type Settings,
  type SettingsValidation,
} from '../../shared/domain/model/settings';
import type { TwoHatsDatabase } from './database';

export async function loadSettings(db: TwoHatsDatabase, now: number): Promise<Settings> {
  return settingsWithDefaults(await db.settings.get('app'), now);
}

/**
 * Applies a change to the stored settings inside one transaction, so two quick edits of
 * different fields cannot overwrite each other.
 */
export async function updateSettings(
  db: TwoHatsDatabase,
  change: Partial<Omit<Settings, 'id' | 'updatedAt'>>,
  now: number,
): Promise<SettingsValidation> {
  return db.transaction('rw', db.settings, async () => {
    const current = settingsWithDefaults(await db.settings.get('app'), now);
    const result = validateSettings({ ...current, ...change, updatedAt: now });
    if (result.ok) await db.settings.put(result.settings);
    return result;
  });
}

export async function resetSettings(db: TwoHatsDatabase, now: number): Promise<Settings> {
  const settings = defaultSettings(now);
  await db.settings.put(settings);
  return settings;
}

/** Saves one settings change and reports the result as an inline error (i18n key) or a "Saved" note. */
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../shared/domain/model/settings';
import { useDb } from '../../app/services';
import { updateSettings } from '../../db/settings';
import { reportWriteError } from '../../app/write-errors';

type Change = Partial<Omit<Settings, 'id' | 'updatedAt'>>;

export function useSettingWriter() {
  const db = useDb();
  const [savedAt, setSavedAt] = useState<number | null>(null);
  // The "Saved" note confirms a change, then gets out of the way.
  useEffect(() => {
    if (savedAt === null) return;
    const timer = setTimeout(() => setSavedAt(null), 2500);
    return () => clearTimeout(timer);
  }, [savedAt]);
  const write = useCallback(
    async (change: Change): Promise<string | null> => {
      try {
        const result = await updateSettings(db, change, Date.now());
        if (!result.ok) {
          const key = Object.keys(change)[0] as keyof Settings;
          return result.errors[key] ?? Object.values(result.errors)[0] ?? 'validation.invalid';
        }
        setSavedAt(Date.now());
        return null;
      } catch (error) {
        reportWriteError(error);
        return null;
      }
    },
    [db],
  );
  return { write, savedAt };
}

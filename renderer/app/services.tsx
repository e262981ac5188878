/** What every screen needs from outside React: the database and the shell's system info. */
import { createContext, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SystemInfo } from '../../shared/bridge';
import { resolveLanguage, settingsWithDefaults, type Language, type Settings } from '../../shared/domain/model/settings';
import type { TwoHatsDatabase } from '../db/database';

interface Services {
  db: TwoHatsDatabase;
  system: SystemInfo;
  /** Settings as read once at start-up, shown until the live query answers (no flash of defaults). */
  initialSettings: Settings;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ value, children }: { value: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider is missing');
  return services;
}

export const useDb = (): TwoHatsDatabase => useServices().db;
export const useSystem = (): SystemInfo => useServices().system;

/** The live settings row: every screen re-renders when Settings changes, so changes apply at once. */
export function useSettings(): Settings {
  const { db, initialSettings } = useServices();
  const row = useLiveQuery(() => db.settings.get('app'), [db], undefined);
  return row === undefined ? initialSettings : settingsWithDefaults(row, initialSettings.updatedAt);
}

export function useLanguage(): Language {
  const settings = useSettings();
  return resolveLanguage(settings.language, useSystem().locale);
}

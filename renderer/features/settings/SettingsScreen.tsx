import { useTranslation } from 'react-i18next';
import {
  CURRENCIES,
  LIMITS,
  THEMES,
  languageFromLocale,
  type Settings,
  type WeekStart,
} from '../../../shared/domain/model/settings';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useSettings, useSystem } from '../../app/services';
import { currencyName, formatMoney, formatMonthName, formatPercent } from '../../i18n/format';
import { NumberSetting, SelectSetting, TextSetting } from './SettingFields';
import { BackupSection } from './BackupSection';
import { DataSection } from './DataSection';
import { useSettingWriter } from './useSettingWriter';
import { useShell } from '../../stores/shell';

const WORKING_WEEK_HOURS = 40;
/** Each language is named in itself, so a user who cannot read the current one can find theirs. */
const LANGUAGE_NAMES = { ja: '日本語', en: 'English' } as const;

export default function SettingsScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useSettings();
  const system = useSystem();
  const { write, savedAt } = useSettingWriter();
  const shortcutRegistered = useShell((s) => s.shortcutRegistered);
  const save = <K extends keyof Settings>(key: K) => (value: Settings[K]) => write({ [key]: value });

  return (
    <>
      <PageHeader
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        actions={
          <span className="saved-note" role="status">
            {savedAt ? t('settings.saved') : ''}
          </span>
        }
      />
      <div className="settings">
        <section className="card settings__section" aria-labelledby="settings-general">
          <h2 id="settings-general">{t('settings.general')}</h2>
          <SelectSetting
            label={t('settings.language')}
            value={settings.language}
            options={[
              { value: 'system', label: t('settings.languageSystem', { language: LANGUAGE_NAMES[languageFromLocale(system.locale)] }) },
              { value: 'ja', label: LANGUAGE_NAMES.ja },
              { value: 'en', label: LANGUAGE_NAMES.en },
            ]}
            onSave={save('language')}
          />
          <SelectSetting
            label={t('settings.theme')}
            value={settings.theme}
            options={THEMES.map((theme) => ({
              value: theme,
              label: t(theme === 'system' ? 'settings.themeSystem' : theme === 'light' ? 'settings.themeLight' : 'settings.themeDark'),
            }))}
            onSave={save('theme')}
          />
        </section>

        <section className="card settings__section" aria-labelledby="settings-calendar">
          <h2 id="settings-calendar">{t('settings.calendar')}</h2>
          <SelectSetting
            label={t('settings.weekStartsOn')}
            value={settings.weekStartsOn}
            options={([1, 0, 6, 2, 3, 4, 5] as WeekStart[]).map((day) => ({ value: day, label: t(`weekday.${day}`) }))}
            onSave={save('weekStartsOn')}
          />
          <SelectSetting
            label={t('settings.fiscalYearStartMonth')}
            hint={t('settings.fiscalYearHint')}
            value={settings.fiscalYearStartMonth}
            options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: formatMonthName(i + 1, language) }))}
            onSave={save('fiscalYearStartMonth')}
          />
          <SelectSetting
            label={t('settings.currency')}
            hint={t('settings.currencyHint', { example: formatMoney(1_234_500, settings.currency, language) })}
            value={settings.currency}
            options={CURRENCIES.map((code) => ({ value: code, label: `${currencyName(code, language)} (${code})` }))}
            onSave={save('currency')}
          />
        </section>

        <section className="card settings__section" aria-labelledby="settings-time">
          <h2 id="settings-time">{t('settings.time')}</h2>
          <NumberSetting
            label={t('settings.weeklyBudgetHours')}
            hint={t('settings.weeklyBudgetHint', { share: formatPercent(settings.weeklyBudgetHours / WORKING_WEEK_HOURS, language) })}
            unit={t('settings.hoursUnit')}
            value={settings.weeklyBudgetHours}
            step={0.25}
            limits={LIMITS.weeklyBudgetHours}
            onSave={save('weeklyBudgetHours')}
          />
          <NumberSetting
            label={t('settings.idleMinutes')}
            hint={t('settings.idleHint')}
            unit={t('settings.minutesUnit')}
            value={settings.idleMinutes}
            step={1}
            limits={LIMITS.idleMinutes}
            onSave={save('idleMinutes')}
          />
          <TextSetting label={t('settings.timerShortcut')} hint={t('settings.timerShortcutHint')} value={settings.timerShortcut} maxLength={60} onSave={save('timerShortcut')} />
          {shortcutRegistered === false ? (
            <p className="field__error" role="status">
              {t('settings.shortcutRefused')}
            </p>
          ) : null}
        </section>

        <section className="card settings__section" aria-labelledby="settings-leads">
          <h2 id="settings-leads">{t('settings.leads')}</h2>
          <NumberSetting
            label={t('settings.followUpSlaHours')}
            hint={t('settings.followUpSlaHint')}
            unit={t('settings.followUpUnit')}
            value={settings.followUpSlaHours}
            step={1}
            limits={LIMITS.followUpSlaHours}
            onSave={save('followUpSlaHours')}
          />
          <NumberSetting
            label={t('settings.staleLeadDays')}
            hint={t('settings.staleLeadHint')}
            unit={t('settings.daysUnit')}
            value={settings.staleLeadDays}
            step={1}
            limits={LIMITS.staleLeadDays}
            onSave={save('staleLeadDays')}
          />
        </section>

        <section className="card settings__section" aria-labelledby="settings-report">
          <h2 id="settings-report">{t('settings.report')}</h2>
          <p className="muted">{t('settings.reportHint')}</p>
          <TextSetting label={t('settings.userName')} value={settings.userName} maxLength={LIMITS.nameLength} onSave={save('userName')} />
          <TextSetting label={t('settings.companyName')} value={settings.companyName} maxLength={LIMITS.nameLength} onSave={save('companyName')} />
        </section>

        <DataSection />
        <BackupSection />
      </div>
    </>
  );
}

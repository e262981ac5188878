import { expect, type Page } from '@playwright/test';
import { MESSAGES } from './labels';
import type { Language } from '../fixtures';

export class SettingsPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  private get m() {
    return MESSAGES[this.language].settings;
  }

  field(name: keyof typeof MESSAGES.en.settings) {
    return this.page.getByLabel(this.m[name], { exact: true });
  }

  async setNumber(name: 'weeklyBudgetHours' | 'followUpSlaHours' | 'staleLeadDays', value: string): Promise<void> {
    const input = this.field(name);
    await input.fill(value);
  }

  async expectSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: this.m.saved })).toBeVisible();
  }

  button(name: 'loadSample' | 'clearSample' | 'resetDefaults') {
    return this.page.getByRole('button', { name: this.m[name], exact: true });
  }

  /** The stored-row count shown next to a label such as "Leads". */
  count(label: string) {
    return this.page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }
}

import { expect, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

/** The Plan screen: week navigation, the box form, the budget bar and the time log. */
export class PlanPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  private get m() {
    return MESSAGES[this.language];
  }

  /** Adds a box through the keyboard-friendly form. `day` is the option text as the form shows it. */
  async addBox(box: { title: string; kind?: 'marketing' | 'sales'; category?: string; day: string; start: string; minutes: number }): Promise<void> {
    await this.page.getByRole('button', { name: this.m.week.newBox }).click();
    const dialog = this.page.getByRole('dialog', { name: this.m.boxForm.newTitle });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(this.m.boxForm.title, { exact: true }).fill(box.title);
    if (box.kind) await dialog.getByLabel(this.m.boxForm.kind, { exact: true }).selectOption(box.kind);
    if (box.category) await dialog.getByLabel(this.m.boxForm.category, { exact: true }).selectOption(box.category);
    await dialog.getByLabel(this.m.boxForm.day, { exact: true }).selectOption({ label: box.day });
    await dialog.getByLabel(this.m.boxForm.start, { exact: true }).fill(box.start);
    await dialog.getByLabel(this.m.boxForm.length, { exact: true }).selectOption(String(box.minutes));
    await dialog.getByRole('button', { name: this.m.boxForm.create }).click();
    await expect(dialog).toBeHidden();
  }

  get grid() {
    return this.page.getByRole('region', { name: this.m.planGrid.label });
  }

  budgetFigure(label: 'logged' | 'planned' | 'budget' | 'share') {
    const term = label === 'share' ? this.m.budget.share : this.m.budget[label];
    return this.page.getByRole('term').filter({ hasText: new RegExp(`^\\s*${term}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  get timeLog() {
    return this.page.getByRole('region', { name: this.m.timeLog.title });
  }
}

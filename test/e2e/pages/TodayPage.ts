import { expect, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

/** Today: the day's boxes, the focus timer and the budget bar. */
export class TodayPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  private get m() {
    return MESSAGES[this.language];
  }

  get timer() {
    return this.page.getByRole('region', { name: this.m.timer.title });
  }

  async startBox(title: string): Promise<void> {
    await this.page.getByRole('button', { name: this.m.todayBoxes.startNamed.replace('{{title}}', title) }).click();
    await expect(this.timer.getByText(title)).toBeVisible();
  }

  async interrupt(note: string): Promise<void> {
    await this.timer.getByRole('button', { name: this.m.timer.interrupt }).click();
    await this.timer.getByLabel(this.m.timer.interruptNote).fill(note);
    await this.timer.getByRole('button', { name: this.m.timer.interruptConfirm }).click();
    await expect(this.timer.getByRole('button', { name: this.m.timer.backToBox })).toBeVisible();
  }

  async backToBox(): Promise<void> {
    await this.timer.getByRole('button', { name: this.m.timer.backToBox }).click();
    await expect(this.timer.getByRole('button', { name: this.m.timer.interrupt })).toBeVisible();
  }

  async stop(): Promise<void> {
    await this.timer.getByRole('button', { name: this.m.timer.stop }).click();
    await expect(this.timer.getByRole('button', { name: this.m.timer.start })).toBeVisible();
  }
}

import { expect, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

/** The quick capture (from anywhere) and the Wins timeline. */
export class WinsPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  get m() {
    return MESSAGES[this.language].wins;
  }

  /** The app-wide shortcut; the test browser runs on Linux, so the command key is Ctrl. */
  static readonly CAPTURE_KEYS = 'Control+Shift+K';
  static readonly STAR_KEYS = 'Control+D';

  get captureDialog() {
    return this.page.getByRole('dialog', { name: this.m.capture.newTitle });
  }

  get editDialog() {
    return this.page.getByRole('dialog', { name: this.m.capture.editTitle });
  }

  field(dialog: 'capture' | 'edit', name: 'title' | 'type' | 'when' | 'amount' | 'unit' | 'tags' | 'initiative' | 'lead' | 'note') {
    const scope = dialog === 'capture' ? this.captureDialog : this.editDialog;
    return scope.getByLabel(this.m.capture[name], { exact: true });
  }

  starCheckbox(dialog: 'capture' | 'edit') {
    const scope = dialog === 'capture' ? this.captureDialog : this.editDialog;
    return scope.getByRole('checkbox', { name: this.m.capture.star });
  }

  /** Logs a win through the visible button and the form, with the mouse. */
  async logWin(win: { title: string; type?: string; amount?: string; unit?: string; tags?: string[]; starred?: boolean; note?: string }): Promise<void> {
    await this.page.getByRole('button', { name: this.m.logWin }).first().click();
    await expect(this.captureDialog).toBeVisible();
    await this.field('capture', 'title').fill(win.title);
    if (win.type) await this.field('capture', 'type').selectOption(win.type);
    if (win.amount) await this.field('capture', 'amount').fill(win.amount);
    if (win.unit) await this.field('capture', 'unit').fill(win.unit);
    for (const tag of win.tags ?? []) {
      await this.field('capture', 'tags').fill(tag);
      await this.field('capture', 'tags').press('Enter');
    }
    if (win.note) await this.field('capture', 'note').fill(win.note);
    if (win.starred) await this.starCheckbox('capture').check();
    await this.captureDialog.getByRole('button', { name: this.m.capture.save, exact: true }).click();
    await expect(this.captureDialog).toBeHidden();
  }

  /** A week of the timeline: "This week", "Last week" or "Week of …". */
  week(name: string) {
    return this.page.getByRole('region', { name, exact: true });
  }

  win(title: string) {
    return this.page.getByRole('listitem', { name: title, exact: true });
  }

  get allWins() {
    return this.page.locator('li.win');
  }

  star(title: string) {
    return this.win(title).getByRole('button', { name: this.m.timeline.star });
  }

  actions(title: string) {
    return this.win(title).getByRole('group', { name: this.m.timeline.actionsFor.replace('{{title}}', title) });
  }

  get filters() {
    return this.page.getByRole('search', { name: this.m.timeline.filters });
  }

  get searchBox() {
    return this.filters.getByLabel(this.m.timeline.search, { exact: true });
  }

  typeChip(type: keyof typeof MESSAGES.en.wins.type) {
    return this.filters.getByRole('button', { name: this.m.type[type], exact: true });
  }

  get initiativeFilter() {
    return this.filters.getByLabel(this.m.timeline.initiative, { exact: true });
  }

  get starredOnly() {
    return this.filters.getByRole('checkbox', { name: this.m.timeline.starredOnly });
  }

  /**
   * Waits until every win the summary line counts is drawn (filtered or not: a long window draws
   * its older weeks in the background) and returns that count.
   */
  async allDrawn(): Promise<number> {
    const pattern = (template: string) =>
      new RegExp(
        `^${template
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/{{(count|shown)}}/, '(\\d+)')
          .replace('{{total}}', '\\d+')
          .replace('{{date}}', '.+')}$`,
      );
    const { summary_one, summary_other, summaryFiltered } = this.m.timeline;
    const patterns = [summary_one, summary_other, summaryFiltered].map(pattern);
    const line = this.page.getByRole('status').filter({ hasText: new RegExp(patterns.map((p) => p.source).join('|')) });
    await expect(line).toBeVisible();
    const text = (await line.textContent()) ?? '';
    const count = Number(patterns.map((p) => p.exec(text)?.[1]).find((n) => n !== undefined));
    await expect(this.allWins).toHaveCount(count);
    return count;
  }

  toast(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}

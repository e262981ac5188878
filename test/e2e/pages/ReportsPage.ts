import { expect, type Download, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

type Kind = keyof (typeof MESSAGES)['en']['report']['picker']['kind'];

/** The Reports screen: the period picker, the report on screen, exports, saved reports and the print view. */
export class ReportsPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  get m() {
    return MESSAGES[this.language].report;
  }

  async pickKind(kind: Kind): Promise<void> {
    await this.page.getByRole('radio', { name: this.m.picker.kind[kind], exact: true }).check();
  }

  /** Picks a period of the chosen kind by its option text, e.g. "FY2025 Q1 (Apr – Jun 2025)". */
  async pickPeriod(label: string | RegExp): Promise<void> {
    const select = this.page.getByRole('combobox', { name: this.m.picker.period, exact: true });
    const matches = (o: string) => (typeof label === 'string' ? o.startsWith(label) : label.test(o));
    // The options are drawn for the kind just picked; wait for them.
    await expect.poll(async () => (await select.locator('option').allTextContents()).some(matches)).toBe(true);
    const text = (await select.locator('option').allTextContents()).find(matches)!;
    await select.selectOption({ label: text });
  }

  /** 'same', 'ja' or 'en'. */
  async reportLanguage(value: 'same' | 'ja' | 'en'): Promise<void> {
    await this.page.getByRole('combobox', { name: this.m.language.label, exact: true }).selectOption(value);
  }

  /** The report as drawn on the screen (not the print view). */
  get document() {
    return this.page.locator('.report-paper--screen').getByRole('article');
  }

  /** A row of a figure table, by its first cell. */
  row(label: string, scope = this.document) {
    return scope.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  section(title: string, scope = this.document) {
    return scope.getByRole('region', { name: title, exact: true });
  }

  button(name: 'exportPdf' | 'exportCsv' | 'printView' | 'backToCurrent') {
    return this.page.getByRole('button', { name: this.m.actions[name], exact: true });
  }

  /** Export PDF: the print view opens, prints (the test stubs window.print) and closes again. */
  async exportPdf(): Promise<void> {
    await this.button('exportPdf').click();
    await expect(this.page.getByRole('status').filter({ hasText: this.m.export.printDialog })).toBeVisible();
    await expect(this.page.locator('.report-print-root')).toHaveCount(0);
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.button('exportCsv').click();
    return download;
  }

  notes(field: 'comment' | 'plan') {
    return this.page.getByRole('textbox', { name: this.m.notes[field], exact: true });
  }

  get saved() {
    return this.page.getByRole('region', { name: this.m.saved.title, exact: true });
  }

  async openSaved(title: string): Promise<void> {
    await this.saved.getByRole('button', { name: this.m.saved.openNamed.replace('{{title}}', title), exact: true }).click();
  }

  /** Opens the print view of the open saved report; it stays until closed. */
  async openPrintView(title: string) {
    await this.button('printView').click();
    const view = this.page.getByRole('dialog', { name: title, exact: true });
    await expect(view.getByRole('article', { name: title, exact: true })).toBeVisible();
    return view;
  }
}

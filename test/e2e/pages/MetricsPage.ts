import { expect, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

type Tab = 'overview' | 'entry' | 'definitions' | 'import';

const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`{{${key}}}`, String(value)), template);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Metrics: the tabs, the entry grid, CSV import and the charts, found by role and name. */
export class MetricsPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  private get m() {
    return MESSAGES[this.language].metrics;
  }

  tab(name: Tab) {
    return this.page.getByRole('tab', { name: this.m.tabs[name], exact: true });
  }

  async openTab(name: Tab): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  builtinName(builtin: keyof typeof MESSAGES.en.metrics.builtin): string {
    return this.m.builtin[builtin];
  }

  /** A grid cell; `date` as the app writes a week's first day ("Nov 16, 2026" / "2026/11/16"). */
  cell(metric: string, date: string) {
    return this.page.getByRole('textbox', { name: fill(this.m.grid.cellWeek, { metric, date }), exact: true });
  }

  /** The row of a derived ratio in the grid. */
  ratioRow(labelKey: keyof typeof MESSAGES.en.metrics.ratio) {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${escape(this.m.ratio[labelKey])}`) }) });
  }

  get gridErrors() {
    return this.page.locator('.metric-grid__errors');
  }

  get importText() {
    return this.page.getByLabel(this.m.import.pasteLabel, { exact: true });
  }

  mapping(name: string) {
    return this.page.getByLabel(fill(this.m.import.mapLabel, { name }), { exact: true });
  }

  importButton(count: number) {
    return this.page.getByRole('button', { name: fill(count === 1 ? this.m.import.run_one : this.m.import.run_other, { count }), exact: true });
  }

  mode(mode: 'replace' | 'add') {
    return this.page.getByRole('radio', { name: mode === 'add' ? this.m.import.modeAdd : this.m.import.modeReplace });
  }

  /** A small multiple's button, named by its metric. */
  card(metric: string) {
    return this.page.getByRole('button', { name: metric, exact: true });
  }

  detail(metric: string, count = 26) {
    return this.page.getByRole('region', { name: fill(this.m.chart.titleWeeks, { metric, count }) });
  }

  /** The large chart's canvas: an image named by its summary. */
  detailChart(metric: string) {
    return this.page.getByRole('img', { name: new RegExp(`^${escape(fill(this.m.chart.summaryWeeks, { metric, count: 26, from: '§', to: '§' }).split('§')[0]!)}`) });
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

const exactly = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

/** A figure shown as a term and its value (the first dd after it). */
function figure(scope: Locator | Page, label: string): Locator {
  return scope.getByRole('term').filter({ hasText: exactly(label) }).locator('xpath=following-sibling::dd[1]');
}

/** Leads → Initiatives: the list, its filter, and the create / edit / delete dialogs. */
export class InitiativesListPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  get m() {
    return MESSAGES[this.language].initiatives;
  }

  get table() {
    return this.page.getByRole('table', { name: this.m.list.label });
  }

  row(name: string) {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader').filter({ has: this.page.getByRole('link', { name, exact: true }) }) });
  }

  /** The "Leads sourced" cell of a row (cells: channel, period, status, leads, actions). */
  leadsOf(row: Locator) {
    return row.getByRole('cell').nth(3);
  }

  /** Names and lead counts of the rows shown, top to bottom. */
  async rows(): Promise<{ name: string; leads: number }[]> {
    const rows = this.table.locator('tbody tr');
    const count = await rows.count();
    const out: { name: string; leads: number }[] = [];
    for (let i = 0; i < count; i++) {
      const row = rows.nth(i);
      const name = (await row.getByRole('rowheader').getByRole('link').textContent()) ?? '';
      const leads = Number(((await this.leadsOf(row).textContent()) ?? '').replace(/\D/g, ''));
      out.push({ name, leads });
    }
    return out;
  }

  async open(name: string): Promise<void> {
    await this.table.getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }

  async showFilter(filter: 'active' | 'archived' | 'all'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${this.m.list.filter[filter]}`) }).check();
  }

  async create(initiative: { name: string; channel?: string; cost?: string; plannedHours?: string; goal?: string }): Promise<void> {
    await this.page.getByRole('button', { name: this.m.list.new, exact: true }).first().click();
    const dialog = this.page.getByRole('dialog', { name: this.m.form.newTitle });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel(this.m.form.name, { exact: true }).fill(initiative.name);
    if (initiative.channel) await dialog.getByLabel(this.m.form.channel, { exact: true }).selectOption(initiative.channel);
    if (initiative.goal) await dialog.getByLabel(this.m.form.goal, { exact: true }).fill(initiative.goal);
    if (initiative.plannedHours) await dialog.getByLabel(this.m.form.plannedHours, { exact: true }).fill(initiative.plannedHours);
    if (initiative.cost) await dialog.getByLabel(this.m.form.cost, { exact: true }).fill(initiative.cost);
    await dialog.getByRole('button', { name: this.m.form.create, exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  actions(name: string) {
    return this.page.getByRole('group', { name: this.m.list.actionsFor.replace('{{name}}', name) });
  }

  deleteDialog(name: string) {
    return this.page.getByRole('dialog', { name: this.m.delete.title.replace('{{name}}', name) });
  }
}

/** One initiative's page: what it produced and its leads. */
export class InitiativePage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  get m() {
    return MESSAGES[this.language].initiatives;
  }

  figure(label: keyof (typeof MESSAGES)['en']['initiatives']['detail']) {
    return figure(this.page.getByRole('region', { name: this.m.detail.produced }), this.m.detail[label] as string);
  }

  /** The first dd after a figure's value: its explanation (ratios, splits). */
  figureDetail(label: keyof (typeof MESSAGES)['en']['initiatives']['detail']) {
    return this.figure(label).locator('xpath=following-sibling::dd[1]');
  }

  get leadsTable() {
    return this.page.getByRole('table', { name: new RegExp(`^${this.m.detail.leadList}`) });
  }

  get leadRows() {
    return this.leadsTable.locator('tbody tr');
  }
}

/** Leads → Goals: the goal form, the rates, the reverse funnel, the pace and the months. */
export class GoalsPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  get m() {
    return MESSAGES[this.language].initiatives.goals;
  }

  get region() {
    return this.page.getByRole('region', { name: this.m.label });
  }

  field(label: 'revenue' | 'averageDealValue' | 'winRate' | 'leadToOpportunityRate') {
    return this.region.getByLabel(this.m[label], { exact: true });
  }

  async save(): Promise<void> {
    await this.region.getByRole('button', { name: this.m.save, exact: true }).click();
  }

  card(title: 'rates' | 'funnel' | 'pace' | 'perMonth' | 'yourGoals') {
    return this.page.getByRole('region', { name: this.m[title], exact: true });
  }

  funnelStep(label: 'revenue' | 'deals' | 'opportunities' | 'leads') {
    return figure(this.card('funnel'), this.m[label]);
  }

  rate(label: 'averageDealValue' | 'winRate' | 'leadToOpportunityRate') {
    return figure(this.card('rates'), this.m[label]);
  }

  get paceTable() {
    return this.card('pace').getByRole('table');
  }

  paceRow(label: string) {
    return this.paceTable.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  get monthsTable() {
    return this.card('perMonth').getByRole('table');
  }
}

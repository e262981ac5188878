import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

type Stage = keyof (typeof MESSAGES)['en']['leads']['stage'];
type Source = keyof (typeof MESSAGES)['en']['leads']['source'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A message with its {{placeholders}} as a pattern. */
export const pattern = (message: string, values: Record<string, string> = {}) =>
  new RegExp(
    `^${message
      .split(/({{\w+}})/)
      .map((part) => {
        const name = /^{{(\w+)}}$/.exec(part)?.[1];
        if (name === undefined) return escape(part);
        return name in values ? escape(values[name]!) : '.*';
      })
      .join('')}$`,
  );

/**
 * Writes rows straight into the app's IndexedDB, as JSON text in large chunks: passing objects
 * one by one through the debugging protocol costs far more than the database writes.
 */
export async function writeRaw(page: Page, tables: Record<string, readonly unknown[]>): Promise<void> {
  for (const [table, rows] of Object.entries(tables)) {
    for (let i = 0; i < rows.length; i += 25_000) {
      await page.evaluate(
        async ({ table, json }) => {
          const chunk = JSON.parse(json) as unknown[];
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('twohats');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction(table, 'readwrite');
            const store = tx.objectStore(table);
            for (const row of chunk) store.put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          db.close();
        },
        { table, json: JSON.stringify(rows.slice(i, i + 25_000)) },
      );
    }
  }
}

/** A message with its {{placeholders}} filled in. */
export const fill = (message: string, values: Record<string, string>) => message.replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? '');

/** The Leads screen's pipeline board and lead list. */
export class LeadBoardPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  private get m() {
    return MESSAGES[this.language];
  }

  stageName(stage: Stage): string {
    return this.m.leads.stage[stage];
  }

  // --------------------------------------------------------------------------- sections

  async openSection(section: 'board' | 'list'): Promise<void> {
    await this.page.getByRole('navigation', { name: this.m.leads.sections }).getByRole('link', { name: this.m.leads.section[section] }).click();
  }

  // --------------------------------------------------------------------------- board

  get board(): Locator {
    return this.page.getByRole('region', { name: this.m.leadBoard.board.label });
  }

  column(stage: Stage): Locator {
    return this.board.getByRole('region', { name: new RegExp(`^${escape(this.stageName(stage))}`) });
  }

  /** The count in a column's heading. */
  async columnCount(stage: Stage): Promise<number> {
    const text = await this.column(stage).getByRole('heading').textContent();
    return Number((text ?? '').replace(this.stageName(stage), '').replace(/[^\d]/g, ''));
  }

  /** The cards of a column (those drawn: columns are virtual). */
  cards(stage: Stage): Locator {
    return this.column(stage).getByRole('listitem').getByRole('button').and(this.page.locator('[data-lead-id]'));
  }

  card(stage: Stage, name: string): Locator {
    return this.column(stage).getByRole('button', { name: new RegExp(`^${escape(name)}:`) });
  }

  moveButton(name: string): Locator {
    return this.board.getByRole('button', { name: this.m.leadBoard.board.moveNamed.replace('{{name}}', name) });
  }

  menu(name: string): Locator {
    return this.page.getByRole('menu', { name: this.m.leadBoard.board.menu.replace('{{name}}', name) });
  }

  /** The name of the first card of a column (the card's accessible name starts with it). */
  async firstCardName(stage: Stage): Promise<string> {
    const label = await this.cards(stage).first().getAttribute('aria-label');
    return (label ?? '').split(':')[0]!;
  }

  /** Drags a card onto a column with the mouse, in small steps, as a hand would. */
  async drag(card: Locator, to: Stage): Promise<void> {
    const from = await card.boundingBox();
    const target = await this.column(to).boundingBox();
    if (!from || !target) throw new Error('card or column not visible');
    await this.page.mouse.move(from.x + 30, from.y + 20);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + 40, from.y + 26, { steps: 3 });
    await this.page.mouse.move(target.x + target.width / 2, target.y + Math.min(target.height / 2, 120), { steps: 12 });
    await expect(this.column(to)).toHaveClass(/lead-column--target/);
    await this.page.mouse.up();
  }

  /** A toast holding this text (it also holds its Undo and close buttons). */
  toast(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  async undo(): Promise<void> {
    await this.page.getByRole('button', { name: this.m.common.undo }).click();
  }

  // --------------------------------------------------------------------------- filters

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: this.m.leadBoard.filters.search });
  }

  async chooseSources(sources: Source[]): Promise<void> {
    const button = this.page.getByRole('button', { name: new RegExp(`^${escape(this.m.leadBoard.filters.source)}`) });
    await button.click();
    const group = this.page.getByRole('group', { name: this.m.leadBoard.filters.source });
    for (const source of sources) await group.getByRole('checkbox', { name: this.m.leads.source[source] }).check();
    await this.page.keyboard.press('Escape');
    await expect(group).toBeHidden();
  }

  get clearFilters(): Locator {
    return this.page.getByRole('button', { name: this.m.leadBoard.filters.clear });
  }

  /** "n of m leads", as numbers. */
  async count(): Promise<{ shown: number; total: number }> {
    const status = this.page.getByRole('status').filter({ hasText: pattern(this.m.leadBoard.list.count) });
    const text = (await status.textContent()) ?? '';
    const numbers = [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, '')));
    // en: "{{shown}} of {{total}}", ja: "{{total}} 件中 {{shown}} 件"
    return this.language === 'en' ? { shown: numbers[0]!, total: numbers[1]! } : { shown: numbers[1]!, total: numbers[0]! };
  }

  // --------------------------------------------------------------------------- list

  get table(): Locator {
    return this.page.getByRole('grid', { name: this.m.leadBoard.list.label });
  }

  /** Data rows drawn (the list is virtual: only those in view and a margin). */
  get rows(): Locator {
    return this.table.locator('tbody').getByRole('row');
  }

  columnHeader(column: keyof (typeof MESSAGES)['en']['leadBoard']['list']['columns']): Locator {
    return this.table.getByRole('columnheader', { name: this.m.leadBoard.list.columns[column] });
  }

  async sortBy(column: 'company' | 'value' | 'stage' | 'createdAt' | 'lastContact'): Promise<void> {
    await this.columnHeader(column).getByRole('button').click();
  }

  /** The text of one cell in every drawn row. */
  async columnTexts(index: number): Promise<string[]> {
    return this.rows.locator(`td:nth-child(${index + 1})`).allTextContents();
  }
}

import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

type Stage = keyof (typeof MESSAGES)['en']['leads']['stage'];

/** One lead: quick add, the lead page with its stage bar and contact log, closing, and business cards. */
export class LeadPages {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  private get m() {
    return MESSAGES[this.language];
  }

  /** A toast (status message) that contains `text`. */
  toast(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  // ---- Quick add

  /** The screen header's button (an empty list may offer one of its own further down). */
  get quickAddButton(): Locator {
    return this.page.getByRole('button', { name: this.m.leads.quickAdd, exact: true }).first();
  }

  get quickAdd(): Locator {
    return this.page.getByRole('dialog', { name: this.m.leadForm.quickAdd.title });
  }

  quickAddField(name: 'company' | 'person' | 'source'): Locator {
    return this.quickAdd.getByLabel(this.m.leadForm.field[name], { exact: true });
  }

  // ---- The lead page

  leadHeading(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name, exact: true });
  }

  get stageBar(): Locator {
    return this.page.getByRole('group', { name: this.m.leadForm.detail.stageBar });
  }

  stageButton(stage: Stage): Locator {
    return this.stageBar.getByRole('button', { name: this.m.leads.stage[stage], exact: true });
  }

  async expectStage(stage: Stage): Promise<void> {
    await expect(this.stageButton(stage)).toHaveAttribute('aria-pressed', 'true');
  }

  /** The lead's header card, named by the lead's heading. */
  header(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  get details(): Locator {
    return this.page.getByRole('region', { name: this.m.leadForm.detail.details, exact: true });
  }

  get followUp(): Locator {
    return this.page.getByRole('region', { name: this.m.leadForm.detail.followUp, exact: true });
  }

  get outcome(): Locator {
    return this.page.getByRole('region', { name: this.m.leadForm.detail.outcome, exact: true });
  }

  /** The value shown beside a label in a region's definition list. */
  fact(region: Locator, label: string): Locator {
    return region.getByRole('term').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).locator('xpath=following-sibling::dd[1]');
  }

  get contactLog(): Locator {
    return this.page.getByRole('region', { name: this.m.leadForm.contact.title, exact: true });
  }

  get history(): Locator {
    return this.contactLog.getByRole('list');
  }

  async logContact(contact: { channel: 'call' | 'email' | 'visit' | 'meeting'; note: string }): Promise<void> {
    const form = this.contactLog.getByRole('form', { name: this.m.leadForm.contact.add });
    await form.getByLabel(this.m.leadForm.contact.channel, { exact: true }).selectOption(contact.channel);
    await form.getByLabel(this.m.leadForm.field.optional.replace('{{label}}', this.m.leadForm.contact.note), { exact: true }).fill(contact.note);
    await form.getByRole('button', { name: this.m.leadForm.contact.save, exact: true }).click();
    await expect(this.history.getByText(contact.note)).toBeVisible();
  }

  stageDialog(to: 'won' | 'lost' | 'dropped'): Locator {
    return this.page.getByRole('dialog', { name: this.m.leadForm.stage.title[to] });
  }

  // ---- Business cards

  get cardsButton(): Locator {
    return this.page.getByRole('button', { name: this.m.leads.businessCards, exact: true }).first();
  }

  get cards(): Locator {
    return this.page.getByRole('dialog', { name: this.m.leadForm.cards.title });
  }

  card(n: number): Locator {
    return this.cards.getByRole('group', { name: this.m.leadForm.cards.card.replace('{{n}}', String(n)), exact: true });
  }

  cardField(n: number, field: 'name' | 'company' | 'jobTitle' | 'email' | 'phone'): Locator {
    return this.card(n).getByRole('textbox', { name: this.m.leadForm.cards[field], exact: true });
  }

  /** Types one card by keyboard only: a field, Enter, the next field… Enter in the last field adds a row. */
  async typeCard(person: { name: string; company: string; title?: string; email?: string; phone?: string }): Promise<void> {
    for (const value of [person.name, person.company, person.title ?? '', person.email ?? '', person.phone ?? '']) {
      if (value) await this.page.keyboard.type(value);
      await this.page.keyboard.press('Enter');
    }
  }
}

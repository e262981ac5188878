/**
 * Issue 4's "done when", as a user would: create an initiative, add three leads from it and one
 * outbound lead, move one to opportunity and won, one to lost with a reason; the initiative page
 * and the pipeline show the expected counts and rates with their numerators and denominators.
 */
import { test, expect } from './fixtures';
import { InitiativePage, InitiativesListPage } from './pages/InitiativePages';
import { LeadBoardPage } from './pages/LeadBoardPage';
import { LeadPages } from './pages/LeadPages';

test.use({ language: 'en' });

const at = (hhmm: string, day = '2026-11-17') => new Date(`${day}T${hhmm}:00+09:00`);

test('an initiative, its leads, a won and a lost deal: the figures add up', async ({ app, page }) => {
  await page.clock.setFixedTime(at('10:00'));
  const leads = new LeadPages(page, 'en');
  const list = new InitiativesListPage(page, 'en');
  const initiative = new InitiativePage(page, 'en');

  await app.open('/leads/initiatives');
  await list.create({ name: 'Nov newsletter', channel: 'newsletter', cost: '60000' });
  await list.open('Nov newsletter');

  // Three leads from it, added from its own page (source and initiative come prefilled).
  for (const company of ['Alpha KK', 'Beta KK', 'Gamma KK']) {
    await page.getByRole('button', { name: 'Add a lead from it' }).click();
    await expect(leads.quickAdd).toBeVisible();
    await expect(leads.quickAddField('source')).toHaveValue('newsletter');
    await leads.quickAddField('company').fill(company);
    await leads.quickAddField('company').press('Enter');
    await expect(leads.quickAdd).toBeHidden();
  }
  // One outbound lead, not from the initiative.
  await leads.quickAddButton.click();
  await leads.quickAddField('company').fill('Cold Call KK');
  await leads.quickAddField('source').selectOption('outbound');
  await leads.quickAddField('company').press('Enter');
  await expect(leads.quickAdd).toBeHidden();

  await expect(initiative.leadRows).toHaveCount(3);

  // Alpha: opportunity, then won for ¥600,000.
  await initiative.leadsTable.getByRole('link', { name: 'Alpha KK' }).click();
  await leads.stageButton('opportunity').click();
  await leads.expectStage('opportunity');
  await page.clock.setFixedTime(at('15:00'));
  await leads.stageButton('won').click();
  const won = leads.stageDialog('won');
  await won.getByLabel('Deal value').fill('600000');
  await won.getByLabel('Decision moment: what made them choose us?').fill('The newsletter case study');
  await won.getByLabel('Decision moment: what made them choose us?').press('Enter');
  await leads.expectStage('won');

  // Beta: lost, and the reason is required.
  await app.open('/leads/initiatives');
  await list.open('Nov newsletter');
  await initiative.leadsTable.getByRole('link', { name: 'Beta KK' }).click();
  await leads.stageButton('lost').click();
  const lost = leads.stageDialog('lost');
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(lost.getByText('Choose why the deal was lost.')).toBeVisible();
  await lost.getByLabel('Why was it lost?').selectOption('price');
  await lost.getByLabel('What did we learn?').fill('Quote earlier, with the ROI');
  await lost.getByRole('button', { name: 'Mark as lost' }).click();
  await leads.expectStage('lost');

  // The initiative page: 3 leads, 1 opportunity (1 / 3), 1 won (1 / 1: Beta was lost before it
  // was ever an opportunity, so it is a lost lead, not a lost deal), ¥600,000, ¥20,000 per lead.
  await app.open('/leads/initiatives');
  await list.open('Nov newsletter');
  await expect(initiative.figure('leads')).toHaveText('3');
  await expect(initiative.figure('opportunities')).toHaveText('1');
  await expect(initiative.figureDetail('opportunities')).toContainText('1 / 3 = 33%');
  await expect(initiative.figure('won')).toHaveText('1');
  await expect(initiative.figureDetail('won')).toContainText('1 / 1 = 100%');
  await expect(initiative.figure('revenue')).toHaveText('¥600,000');
  await expect(initiative.figure('costPerLead')).toHaveText('¥20,000');
  await app.screenshot('en-flow-initiative');

  // The pipeline board: every lead in its stage, the outbound one too.
  await app.open('/leads/board');
  const board = new LeadBoardPage(page, 'en');
  await expect(board.column('new').getByRole('button', { name: /^Gamma KK/ })).toBeVisible();
  await expect(board.column('new').getByRole('button', { name: /^Cold Call KK/ })).toBeVisible();
  await expect(board.column('won').getByRole('button', { name: /^Alpha KK/ })).toBeVisible();
  await expect(board.column('lost').getByRole('button', { name: /^Beta KK/ })).toBeVisible();
  await app.screenshot('en-flow-board');
});

/**
 * Issue 4, parts 1 and 7, as a user would: initiatives (施策) with what each produced, and a revenue
 * goal broken into the deals, opportunities and leads it takes. The clock is fixed so the sample
 * quarter, "this month" and the pace are the same on every run.
 */
import { test, expect, type Page } from './fixtures';
import { GoalsPage, InitiativePage, InitiativesListPage } from './pages/InitiativePages';
import { MESSAGES } from './pages/labels';

// Friday 20 November 2026, 10:00 in Tokyo: fiscal Q3 (October–December) of FY2026.
const NOW = new Date('2026-11-20T10:00:00+09:00');

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

async function loadSample(page: Page, language: 'ja' | 'en') {
  const m = MESSAGES[language];
  await page.getByRole('button', { name: m.settings.loadSample, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: m.settings.sampleLoaded })).toBeVisible({ timeout: 20_000 });
}

/** The goals view is long: its top, its funnel, and its pace and months, each in the window. */
async function shoot(page: Page, app: { screenshot: (name: string) => Promise<void> }, name: string, goals: GoalsPage) {
  await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
  await app.screenshot(`${name}-top`);
  await goals.card('funnel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.screenshot(`${name}-funnel`);
  await goals.card('pace').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await app.screenshot(`${name}-pace`);
}

async function expectNoNonsense(page: Page) {
  const text = (await page.getByRole('main').textContent()) ?? '';
  expect(text).not.toMatch(/NaN|Infinity|undefined|∞/);
}

for (const language of ['en', 'ja'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    test('a sample initiative’s page agrees with its leads; a new one reads 0 and —; delete offers archive and undo', async ({ app, page }) => {
      await page.clock.setFixedTime(NOW);
      const m = MESSAGES[language].initiatives;
      const list = new InitiativesListPage(page, language);
      const detail = new InitiativePage(page, language);

      // Empty database: the empty state explains what an initiative is.
      await app.open('/leads/initiatives');
      await expect(page.getByRole('heading', { name: m.empty.title })).toBeVisible();
      await app.screenshot(`${language}-initiatives-empty`);

      await app.open('/settings');
      await loadSample(page, language);
      await app.open('/leads/initiatives');
      await expect(list.table).toBeVisible();
      await app.screenshot(`${language}-initiatives-list`);
      // N opens the form from the keyboard; Escape closes it without saving.
      await page.keyboard.press('n');
      await expect(page.getByRole('dialog', { name: m.form.newTitle })).toBeVisible();
      await app.screenshot(`${language}-initiative-form`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: m.form.newTitle })).toBeHidden();

      // The initiative that brought the most leads (the sample's trade show or SEO series).
      const rows = await list.rows();
      const sourced = [...rows].sort((a, b) => b.leads - a.leads)[0];
      expect(sourced!.leads).toBeGreaterThan(0);
      await list.open(sourced!.name);

      // Its page: counts consistent with its own list of leads.
      await expect(detail.figure('leads')).toHaveText(String(sourced!.leads));
      await expect(detail.leadRows).toHaveCount(sourced!.leads);
      // Cells of a lead row: source, stage, created, value.
      const stages = (await detail.leadRows.locator('xpath=td[2]').allTextContents()).map((s) => s.trim());
      const stage = MESSAGES[language].leads.stage;
      const won = stages.filter((s) => s === stage.won).length;
      await expect(detail.figure('won')).toHaveText(String(won));
      const opportunities = digits(await detail.figure('opportunities').textContent());
      // Every lead that is an opportunity, a proposal or won now has been an opportunity.
      const openOrWon = stages.filter((s) => [stage.opportunity, stage.proposal, stage.won].includes(s)).length;
      expect(opportunities).toBeGreaterThanOrEqual(openOrWon);
      expect(opportunities).toBeLessThanOrEqual(sourced!.leads);
      await expect(detail.figureDetail('opportunities')).toContainText(`${opportunities} / ${sourced!.leads} = `);
      // Revenue = the values of its won leads.
      const values = await detail.leadRows.locator('xpath=td[4]').allTextContents();
      const revenue = values.reduce((sum, v, i) => (stages[i] === stage.won ? sum + digits(v) : sum), 0);
      expect(digits(await detail.figure('revenue').textContent())).toBe(revenue);
      await expectNoNonsense(page);
      await app.screenshot(`${language}-initiative-detail`);

      await detail.leadsTable.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await app.screenshot(`${language}-initiative-leads`);

      // A lead row opens the lead.
      const firstLead = detail.leadRows.first().getByRole('link');
      await expect(firstLead).toHaveAttribute('href', /#\/leads\/lead\//);

      // Create "Nov newsletter" (newsletter, this month, ¥50,000) through the dialog.
      await page.getByRole('link', { name: m.detail.back }).click();
      await list.create({ name: 'Nov newsletter', channel: 'newsletter', cost: '50,000' });
      const mine = list.row('Nov newsletter');
      await expect(mine).toBeVisible();
      await expect(list.leadsOf(mine)).toHaveText('0');
      await expect(mine.getByRole('cell').nth(0)).toHaveText(m.channel.newsletter);
      await list.open('Nov newsletter');
      await expect(detail.figure('leads')).toHaveText('0');
      await expect(detail.figure('opportunities')).toHaveText('0');
      await expect(detail.figure('won')).toHaveText('0');
      await expect(detail.figure('cost')).toHaveText(language === 'ja' ? '￥50,000' : '¥50,000');
      await expect(detail.figure('costPerLead')).toHaveText('—');
      await expect(detail.figure('costPerOpportunity')).toHaveText('—');
      await expect(detail.figureDetail('opportunities')).toContainText('0 / 0 = —');
      await expect(detail.figure('planned')).toHaveText('—');
      await expect(page.getByText(m.detail.noLeads)).toBeVisible();
      await expectNoNonsense(page);
      await app.screenshot(`${language}-initiative-new`);

      // E edits: plan 6 hours; a wrong value is refused in place, in the user's language.
      await page.keyboard.press('e');
      const edit = page.getByRole('dialog', { name: m.form.editTitle });
      await expect(edit).toBeVisible();
      await edit.getByLabel(m.form.plannedHours, { exact: true }).fill('6.1');
      await edit.getByRole('button', { name: m.form.save, exact: true }).click();
      await expect(edit.getByRole('alert')).toHaveText(MESSAGES[language].validation.quarterHour);
      await edit.getByLabel(m.form.plannedHours, { exact: true }).fill('6');
      await edit.getByRole('button', { name: m.form.save, exact: true }).click();
      await expect(edit).toBeHidden();
      await expect(detail.figure('planned')).toContainText(' / ');
      await expect(detail.figure('planned')).toContainText('= 0%');

      // Deleting an initiative with nothing linked: plain confirm, then Undo brings it back.
      await page.getByRole('link', { name: m.detail.back }).click();
      await list.actions('Nov newsletter').getByRole('button', { name: m.list.delete }).click();
      const confirm = list.deleteDialog('Nov newsletter');
      await expect(confirm).toContainText(m.delete.unlinked);
      await confirm.getByRole('button', { name: m.delete.confirm, exact: true }).click();
      await expect(list.row('Nov newsletter')).toHaveCount(0);
      await page.getByRole('button', { name: MESSAGES[language].common.undo }).click();
      await expect(list.row('Nov newsletter')).toBeVisible();

      // Deleting one with leads says what points at it and offers archiving instead.
      await list.actions(sourced!.name).getByRole('button', { name: m.list.delete }).click();
      const linked = list.deleteDialog(sourced!.name);
      const leadCount = (sourced!.leads === 1 ? m.delete.leads_one : m.delete.leads_other).replace('{{count}}', String(sourced!.leads));
      await expect(linked).toContainText(leadCount);
      await app.screenshot(`${language}-initiative-delete-confirm`);
      await linked.getByRole('button', { name: m.delete.archiveInstead }).click();
      await expect(list.row(sourced!.name)).toHaveCount(0);
      await list.showFilter('archived');
      await expect(list.row(sourced!.name)).toBeVisible();
      await expect(list.leadsOf(list.row(sourced!.name))).toHaveText(String(sourced!.leads));
    });

    test('a goal for the current quarter: insufficient without history, then numbers, the months and the pace', async ({ app, page }) => {
      await page.clock.setFixedTime(NOW);
      const goals = new GoalsPage(page, language);
      const g = goals.m;
      await app.open('/leads/goals');
      // The current fiscal quarter is the default, named with its months.
      const quarterName = g.fyQuarterRange
        .replace('{{year}}', '2026')
        .replace('{{quarter}}', '3')
        .replace('{{from}}', language === 'ja' ? '2026年10月' : 'October 2026')
        .replace('{{to}}', language === 'ja' ? '2026年12月' : 'December 2026');
      await expect(page.getByRole('heading', { level: 2, name: quarterName })).toBeVisible();
      await expect(goals.rate('winRate')).toHaveText('—');

      // A goal alone: no history and no assumptions, so the steps say what they need.
      await goals.field('revenue').fill('30000000');
      // Looking elsewhere before saving loses nothing.
      await page.getByRole('link', { name: MESSAGES[language].leads.section.initiatives }).click();
      await page.getByRole('link', { name: MESSAGES[language].leads.section.goals }).click();
      await expect(goals.field('revenue')).toHaveValue('30000000');
      await goals.save();
      await expect(page.getByRole('status').filter({ hasText: g.saved.replace('{{period}}', g.fyQuarter.replace('{{year}}', '2026').replace('{{quarter}}', '3')) })).toBeVisible();
      await expect(goals.funnelStep('deals')).toHaveText('—');
      await expect(goals.card('funnel')).toContainText(g.needsAverage);
      await expect(goals.card('rates')).toContainText(g.source.none);
      await expectNoNonsense(page);
      await goals.card('rates').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await app.screenshot(`${language}-goals-insufficient`);

      // Assumptions: ¥1,000,000 a deal, 30 % won, 25 % of leads become opportunities.
      await goals.field('averageDealValue').fill('1000000');
      await goals.field('winRate').fill('30');
      await goals.field('leadToOpportunityRate').fill('25');
      // The funnel follows what is typed before it is saved, and says so.
      await expect(goals.region.getByText(g.unsaved)).toBeVisible();
      await expect(goals.funnelStep('deals')).toHaveText('30');
      await goals.save();
      await expect(goals.region.getByText(g.unsaved)).toBeHidden();
      await expect(goals.funnelStep('deals')).toHaveText('30');
      await expect(goals.funnelStep('opportunities')).toHaveText('100');
      await expect(goals.funnelStep('leads')).toHaveText('400');
      await expect(goals.rate('winRate')).toHaveText('30%');
      await expect(goals.card('rates')).toContainText(g.source.assumption);

      // Per month: October, November (this month), December; the totals add up.
      const months = goals.monthsTable.locator('tbody tr');
      await expect(months).toHaveCount(3);
      await expect(months.nth(1)).toContainText(g.thisMonth);
      await expect(months.nth(0).getByRole('cell').nth(0)).toHaveText('134');
      await expect(months.nth(1).getByRole('cell').nth(0)).toHaveText('133');
      await expect(months.nth(2).getByRole('cell').nth(0)).toHaveText('133');
      // December has not begun: no actuals yet.
      await expect(months.nth(2).getByRole('cell').nth(1)).toHaveText('—');

      // Pace: 50 days and 10 hours of 92 have passed (55 %); nothing happened, so behind.
      await expect(goals.card('pace')).toContainText('55%');
      const leadsPace = goals.paceRow(g.monthColumns.leadsActual);
      await expect(leadsPace.getByRole('cell').nth(0)).toHaveText('400');
      await expect(leadsPace.getByRole('cell').nth(1)).toHaveText('219.2');
      await expect(leadsPace.getByRole('cell').nth(2)).toHaveText('0');
      await expect(leadsPace.getByRole('cell').nth(4)).toHaveText(g.behind.replace('{{amount}}', '219.2'));
      await expectNoNonsense(page);
      await shoot(page, app, `${language}-goals-assumptions`, goals);

      // Survives a reload: it is in the database.
      await page.reload();
      await expect(goals.funnelStep('leads')).toHaveText('400');
      await expect(goals.field('winRate')).toHaveValue('30');

      // Delete, then Undo: the goal and its funnel come back as they were.
      await goals.region.getByRole('button', { name: g.deleteGoal, exact: true }).click();
      await expect(goals.field('revenue')).toHaveValue('');
      await expect(goals.card('funnel')).toHaveCount(0);
      await page.getByRole('button', { name: MESSAGES[language].common.undo }).click();
      await expect(goals.field('revenue')).toHaveValue('30000000');
      await expect(goals.funnelStep('leads')).toHaveText('400');
    });

    test('goals with the sample quarter: rates from history, the funnel and the pace', async ({ app, page }) => {
      await page.clock.setFixedTime(NOW);
      const goals = new GoalsPage(page, language);
      await app.open('/settings');
      await loadSample(page, language);
      await app.open('/leads/goals');
      // The sample sets a goal for this fiscal year and this quarter.
      await expect(goals.field('revenue')).not.toHaveValue('');
      for (const step of ['deals', 'opportunities', 'leads'] as const) await expect(goals.funnelStep(step)).toHaveText(/^\d[\d,]*$/);
      await expect(goals.card('rates')).toContainText(goals.m.source.history.split('{{')[0]!.trim());
      await expect(goals.paceTable.locator('tbody tr')).toHaveCount(4);
      await expect(goals.card('yourGoals').locator('tbody tr')).toHaveCount(2);
      await expectNoNonsense(page);
      await shoot(page, app, `${language}-goals-sample`, goals);

      // The whole fiscal year: twelve months.
      await page.getByRole('radio', { name: goals.m.wholeYear }).check();
      await expect(goals.monthsTable.locator('tbody tr')).toHaveCount(12);
      await expectNoNonsense(page);
    });
  });
}

/**
 * Issue 3, as a user would: plan two marketing boxes, start one, take a customer call in the
 * middle (interruption), go back, reload mid-timer, stop; Today and Plan show the expected minutes.
 * The browser's clock is fixed and moved by hand, so the minutes are exact.
 */
import { test, expect } from './fixtures';
import { PlanPage } from './pages/PlanPage';
import { TodayPage } from './pages/TodayPage';

test.use({ language: 'en' });

const at = (hhmm: string, day = '2026-11-17') => new Date(`${day}T${hhmm}:00+09:00`);

test('plan, focus, interruption, reload, stop: the minutes add up on Today and Plan', async ({ app, page }) => {
  await page.clock.setFixedTime(at('09:30')); // Tuesday
  const plan = new PlanPage(page, 'en');
  const today = new TodayPage(page, 'en');

  await app.open('/plan');
  await plan.addBox({ title: 'Nov newsletter', category: 'newsletter', day: 'Nov 17, 2026', start: '10:00', minutes: 90 });
  await plan.addBox({ title: 'SEO article', category: 'seo', day: 'Nov 19, 2026', start: '14:00', minutes: 90 });
  await expect(plan.grid.getByRole('button', { name: /^Marketing: Nov newsletter/ })).toBeVisible();
  await expect(plan.grid.getByRole('button', { name: /^Marketing: SEO article/ })).toBeVisible();
  await expect(plan.budgetFigure('planned')).toHaveText('3 hr');

  await page.clock.setFixedTime(at('10:00'));
  await app.goTo('today');
  await today.startBox('Nov newsletter');

  await page.clock.setFixedTime(at('10:40'));
  await today.interrupt('customer call');

  // Reload in the middle of the sales call: the timer is instants in IndexedDB, nothing is lost.
  await page.clock.setFixedTime(at('10:50'));
  await page.reload();
  await expect(today.timer.getByText('Interrupting: Nov newsletter')).toBeVisible();
  await expect(today.timer.getByText('0:10:00')).toBeVisible();

  await page.clock.setFixedTime(at('10:55'));
  await today.backToBox();
  await expect(today.timer.getByText('Left in the box: 35 min')).toBeVisible();

  await page.clock.setFixedTime(at('11:30'));
  await today.stop();
  await app.screenshot('en-today-after-timer');

  // 40 + 35 = 75 min marketing, 15 min sales; 3 h planned; share 75 / 90 min.
  const budget = page.getByRole('region', { name: 'Marketing time this week' });
  await expect(budget.getByRole('term').filter({ hasText: /^\s*Logged$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('1 hr 15 min');
  await expect(page.getByText('15 min lost to sales')).toBeVisible();
  await expect(budget.getByText('1 hr 15 min / 1 hr 30 min = 83%')).toBeVisible();

  await app.goTo('plan');
  await expect(plan.budgetFigure('logged')).toHaveText('1 hr 15 min');
  await expect(plan.budgetFigure('planned')).toHaveText('3 hr');
  await expect(plan.timeLog.getByText('Total 1 hr 30 min · Marketing 1 hr 15 min · Sales 15 min')).toBeVisible();
  await expect(plan.timeLog.getByText('Interruption')).toBeVisible();
  await expect(plan.timeLog.getByText('customer call')).toBeVisible();
  await app.screenshot('en-plan-after-timer');
});

test('a timer left running overnight is asked about, not counted', async ({ app, page }) => {
  await page.clock.setFixedTime(at('17:00'));
  const today = new TodayPage(page, 'en');
  await app.open('/today');
  await today.timer.getByRole('button', { name: 'Start' }).click();
  await expect(today.timer.getByRole('button', { name: 'Stop' })).toBeVisible();

  // The laptop is closed at 17:00 and opened the next morning.
  await page.clock.setFixedTime(at('08:30', '2026-11-18'));
  await page.reload();
  const dialog = page.getByRole('dialog', { name: 'Your timer is still running' });
  await expect(dialog).toBeVisible();
  await app.screenshot('en-timer-review');
  await dialog.getByRole('button', { name: /Stop at Nov 17, 5:00 PM/ }).click();
  await expect(dialog).toBeHidden();
  await expect(today.timer.getByRole('button', { name: 'Start' })).toBeVisible();

  await app.goTo('plan');
  // Nothing of the night was logged: the entry ends when the user was last there.
  await expect(page.getByText('Nothing logged in this period yet.')).toBeVisible();
});

test('time away while the timer runs (page hidden for an hour) can be left out', async ({ app, page }) => {
  await page.clock.setFixedTime(at('13:00'));
  const today = new TodayPage(page, 'en');
  await app.open('/today');
  await today.timer.getByRole('button', { name: 'Start' }).click();
  await expect(today.timer.getByRole('button', { name: 'Stop' })).toBeVisible();

  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await page.clock.setFixedTime(at('13:20'));
  await setVisibility('hidden');
  await page.clock.setFixedTime(at('14:30'));
  await setVisibility('visible');

  const dialog = page.getByRole('dialog', { name: 'You were away' });
  await expect(dialog).toContainText('from Nov 17, 1:20 PM to Nov 17, 2:30 PM (1 hr 10 min)');
  await dialog.getByRole('button', { name: 'Discard the time away' }).click();
  await expect(dialog).toBeHidden();

  await page.clock.setFixedTime(at('14:40'));
  await today.stop();
  // 20 min before leaving + 10 min after coming back; the hour away is not counted.
  await expect(page.getByText('30 min of 8 hr logged')).toBeVisible();
});

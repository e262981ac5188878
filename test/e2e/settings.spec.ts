/** Settings: validated inline, saved at once, applied at once, surviving a reload. */
import { test, expect } from './fixtures';
import { MESSAGES } from './pages/labels';

test.use({ language: 'ja' });

test('changes survive a reload, and the language applies at once', async ({ app, settings, page }) => {
  await app.open('/settings');
  await expect(app.heading('settings')).toBeVisible();

  await settings.setNumber('weeklyBudgetHours', '10.5');
  await settings.expectSaved();
  await settings.setNumber('followUpSlaHours', '48');
  await settings.setNumber('staleLeadDays', '45');
  await settings.field('weekStartsOn').selectOption({ label: '日曜日' });
  await settings.field('fiscalYearStartMonth').selectOption({ label: '1月' });
  await settings.field('currency').selectOption('USD');
  await settings.field('userName').fill('山田 花子');
  await settings.field('companyName').fill('株式会社ふたつぼうし');

  // Language: switching to English relabels everything without a reload.
  await settings.field('language').selectOption('en');
  app.switchLanguage('en');
  settings.language = 'en';
  await expect(app.heading('settings')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.navLink('leads')).toBeVisible();
  await app.screenshot('en-settings-changed');

  await page.reload();
  await expect(app.heading('settings')).toBeVisible();
  await expect(settings.field('weeklyBudgetHours')).toHaveValue('10.5');
  await expect(settings.field('followUpSlaHours')).toHaveValue('48');
  await expect(settings.field('staleLeadDays')).toHaveValue('45');
  await expect(settings.field('weekStartsOn')).toHaveValue('0');
  await expect(settings.field('fiscalYearStartMonth')).toHaveValue('1');
  await expect(settings.field('currency')).toHaveValue('USD');
  await expect(settings.field('userName')).toHaveValue('山田 花子');
  await expect(settings.field('companyName')).toHaveValue('株式会社ふたつぼうし');
  await expect(settings.field('language')).toHaveValue('en');

  // The budget set here is the one Today's budget bar uses.
  await app.goTo('today');
  const budget = page.getByRole('region', { name: MESSAGES.en.budget.title });
  await expect(budget.getByRole('term').filter({ hasText: /^\s*Budget$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('10 hr 30 min');
});

test('invalid values get an inline message in the user’s language and are not saved', async ({ app, settings, page }) => {
  await app.open('/settings');
  const budget = settings.field('weeklyBudgetHours');
  await budget.fill('81');
  await expect(page.getByRole('alert').filter({ hasText: '0〜80 の値を入力してください。' })).toBeVisible();
  await expect(budget).toHaveAttribute('aria-invalid', 'true');
  await budget.fill('7.3');
  await expect(page.getByRole('alert').filter({ hasText: '15 分単位で入力してください' })).toBeVisible();
  await budget.fill('abc');
  await expect(page.getByRole('alert').filter({ hasText: '数値を入力してください。' })).toBeVisible();

  const sla = settings.field('followUpSlaHours');
  await sla.fill('0');
  await expect(page.getByRole('alert').filter({ hasText: '1〜720 の値を入力してください。' })).toBeVisible();
  await sla.fill('1.5');
  await expect(page.getByRole('alert').filter({ hasText: '整数を入力してください。' })).toBeVisible();

  // Leaving the field keeps the invalid text and its message: it was not saved, and says so.
  await page.keyboard.press('Tab');
  await expect(sla).toHaveValue('1.5');
  await expect(page.getByRole('alert').filter({ hasText: '整数を入力してください。' })).toBeVisible();

  await app.screenshot('ja-settings-invalid');
  await page.reload();
  await expect(settings.field('weeklyBudgetHours')).toHaveValue('8');
  await expect(settings.field('followUpSlaHours')).toHaveValue('24');
});

test('restoring the defaults asks first, and then applies', async ({ app, settings, page }) => {
  await app.open('/settings');
  await settings.setNumber('weeklyBudgetHours', '12');
  await settings.expectSaved();
  await settings.button('resetDefaults').click();
  const dialog = page.getByRole('dialog', { name: MESSAGES.ja.settings.confirmResetTitle });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(settings.field('weeklyBudgetHours')).toHaveValue('12');
  await settings.button('resetDefaults').click();
  await dialog.getByRole('button', { name: MESSAGES.ja.settings.resetDefaults }).click();
  await expect(settings.field('weeklyBudgetHours')).toHaveValue('8');
});

test('the theme can be forced to dark', async ({ app, settings, page }) => {
  await app.open('/settings');
  await settings.field('theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.screenshot('ja-settings-dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

/**
 * Issue 5 (metrics), as a user would: type four weeks of emails sent and opens by keyboard in the
 * grid and see the open rate computed; be refused bad input without losing anything; import a
 * CSV with an unknown metric name (mapped) and a value for a week already entered (added); see
 * the trend chart. Then, with the sample data, the overview, the grid and the import in ja and en.
 * The clock is fixed and motion reduced (Chart.js animates by Date.now, which a fixed clock stops).
 */
import { test, expect } from './fixtures';
import { MetricsPage } from './pages/MetricsPage';
import { MESSAGES } from './pages/labels';

const WEDNESDAY = new Date('2026-11-18T12:00:00+09:00');

test.use({ language: 'en' });

test('four weeks typed in the grid, the open rate, bad input, a CSV import and the trend chart', async ({ app, page }) => {
  await page.clock.setFixedTime(WEDNESDAY);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const metrics = new MetricsPage(page, 'en');
  await app.open('/metrics');
  await expect(page.getByRole('heading', { name: 'No numbers yet' })).toBeVisible();

  await page.getByRole('button', { name: 'Enter numbers' }).click();
  await expect(metrics.tab('entry')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('columnheader', { name: /Nov 16, 2026/ })).toContainText('This week');

  // Emails sent, across by Tab; Enter saves and moves down to Email opens.
  await metrics.cell('Emails sent', 'Oct 26, 2026').click();
  for (const value of ['200', '220', '240']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type('260');
  await page.keyboard.press('Enter');
  await expect(metrics.cell('Email opens', 'Nov 16, 2026')).toBeFocused();
  // Email opens, back across by Shift+Tab.
  for (const value of ['65', '72', '55']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Shift+Tab');
  }
  await page.keyboard.type('40');
  // Arrow keys move when everything is selected: up to Emails sent, which shows what was saved.
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('ArrowUp');
  await expect(metrics.cell('Emails sent', 'Oct 26, 2026')).toBeFocused();
  await page.keyboard.press('Control+ArrowRight');
  await expect(metrics.cell('Emails sent', 'Nov 2, 2026')).toBeFocused();
  await expect(metrics.cell('Emails sent', 'Nov 2, 2026')).toHaveValue('220');

  // Derived ratio, computed and read-only: "n / d = x%".
  const openRate = metrics.ratioRow('openRate');
  await expect(openRate.getByRole('cell')).toHaveText(['—', '—', '—', '—', '40 / 200 = 20%', '55 / 220 = 25%', '72 / 240 = 30%', '65 / 260 = 25%']);
  await expect(openRate.getByRole('textbox')).toHaveCount(0);

  // Bad input: a clear message, nothing saved, the typing kept until fixed or taken back.
  const views = metrics.cell('Page views', 'Nov 16, 2026');
  await views.click();
  await page.keyboard.type('abc');
  await page.keyboard.press('Tab');
  await expect(metrics.gridErrors).toContainText('Page views, week of Nov 16, 2026: Enter a number. Not saved; the previous value is kept.');
  await expect(views).toHaveAttribute('aria-invalid', 'true');
  await expect(views).toHaveValue('abc');
  await views.click();
  // A cell selects its content when it takes focus, as in a spreadsheet; wait for it as a person would.
  await expect(views).toHaveJSProperty('selectionEnd', 3);
  await expect(views).toHaveJSProperty('selectionStart', 0);
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect(metrics.gridErrors).toContainText('The value cannot be negative');
  await expect(views).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(views).toHaveValue('');
  await expect(metrics.gridErrors).toBeEmpty();
  await app.screenshot('en-metrics-grid');

  // Clearing a cell deletes its value, with Undo.
  await metrics.cell('Emails sent', 'Oct 26, 2026').click();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the value of Emails sent, week of Oct 26, 2026.' })).toBeVisible();
  await expect(openRate.getByRole('cell').nth(4)).toHaveText('40 / 0 = —');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(metrics.cell('Emails sent', 'Oct 26, 2026')).toHaveValue('200');

  // Nothing lives only in memory.
  await page.reload();
  await metrics.openTab('entry');
  await expect(metrics.cell('Emails sent', 'Nov 16, 2026')).toHaveValue('260');
  await expect(openRate.getByRole('cell').nth(7)).toHaveText('65 / 260 = 25%');

  // CSV import: a broken line first.
  await metrics.openTab('import');
  await metrics.importText.fill('date,metric,value\n2026-11-31,Page views,abc\n');
  await expect(page.getByText('1 value: 0 ready, 1 with errors.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Not a date/ })).toContainText('Value: Enter a number.');
  await expect(page.getByRole('button', { name: /^Import \d+ values?$/ })).toBeDisabled();

  // Then the real file: one unknown name, one value for a week already entered (260 sent).
  await metrics.importText.fill(
    ['date,metric,value', '2026-11-16,Page views,3200', '2026-11-10,PV,2900', '2026-11-02,Page views,2500', '2026-11-17,Emails sent,40', '2025-11-12,Page views,2800'].join('\n'),
  );
  await expect(page.getByText('Match the metric names first (1 left).')).toBeVisible();
  await metrics.mapping('PV').selectOption({ label: 'Page views' });
  const duplicates = page.getByRole('region', { name: 'A value for the same week or month (1)' });
  await expect(duplicates).toBeVisible();
  await expect(page.getByText('Choose Replace or Add for the values that meet.')).toBeVisible();
  await expect(metrics.importButton(5)).toBeDisabled();
  await metrics.mode('add').check();
  // Stored 260, 40 in the file: replace would give 40, add gives 300.
  await expect(duplicates.getByRole('row', { name: /Emails sent/ }).getByRole('cell')).toHaveText(['Emails sent', 'Nov 16, 2026', '260', '40', '40', '300']);
  await app.screenshot('en-metrics-import');
  await metrics.importButton(5).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 5 values: 4 new, 1 updated.' })).toBeVisible();

  await page.getByRole('button', { name: 'See the trends' }).click();
  await expect(metrics.tab('overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { level: 2, name: 'Week of Nov 16, 2026' })).toBeVisible();
  const openRateCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Open rate' }) });
  await expect(openRateCard).toContainText('65 / 300 = 22%');
  await expect(openRateCard).toContainText('Previous week: 72 / 240 = 30%');
  const viewsCard = page.getByRole('listitem').filter({ has: metrics.card('Page views') });
  await expect(viewsCard).toContainText('3,200');
  await expect(viewsCard).toContainText('vs previous week+300 / 2,900 = +10%');
  // The same week last year is the week containing Nov 16, 2025: Mon Nov 10 – Sun Nov 16.
  await expect(viewsCard).toContainText('vs same week last year+400 / 2,800 = +14%');

  await metrics.card('Page views').click();
  const detail = metrics.detail('Page views');
  await expect(detail).toBeVisible();
  const chart = metrics.detailChart('Page views');
  await expect(chart).toBeVisible();
  await expect.poll(() => chart.evaluate((canvas: HTMLCanvasElement) => canvas.width)).toBeGreaterThan(300);
  await detail.getByText('Show the numbers').click();
  await expect(detail.getByRole('row', { name: /Nov 9, 2026/ })).toContainText('2,900');
  await expect(detail.getByRole('row', { name: /Nov 16, 2026/ }).getByRole('cell')).toHaveText(['3,200', 'Nov 10, 2025', '2,800']);
  await expect(detail.getByText('A year earlier', { exact: true }).first()).toBeVisible();
  await app.screenshot('en-metrics-trend-import');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(metrics.card('Page views')).toBeFocused();
});

test('definitions: add, rename, archive with undo, reorder', async ({ app, page }) => {
  await page.clock.setFixedTime(WEDNESDAY);
  const metrics = new MetricsPage(page, 'en');
  await app.open('/metrics');
  await metrics.openTab('definitions');
  await page.getByRole('button', { name: 'Add metric' }).click();
  const dialog = page.getByRole('dialog', { name: 'New metric' });
  await dialog.getByLabel('Name').fill('page views');
  await dialog.getByRole('button', { name: 'Add metric' }).click();
  await expect(dialog.getByText('Another metric already has this name.')).toBeVisible();
  await dialog.getByLabel('Name').fill('Newsletter subscribers');
  await dialog.getByLabel('Unit').fill('people');
  await dialog.getByLabel('Counted').selectOption('month');
  await dialog.getByRole('button', { name: 'Add metric' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Newsletter subscribers/ })).toContainText('Monthly');

  await page.getByRole('button', { name: 'Edit Page views' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit metric' });
  await edit.getByLabel('Name').fill('Sessions');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('rowheader', { name: 'Sessions (Page views)' })).toBeVisible();

  await page.getByRole('button', { name: 'Archive Business cards exchanged' }).click();
  await expect(page.getByRole('row', { name: /Business cards exchanged/ })).toContainText('Archived');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Business cards exchanged/ })).toContainText('Active');

  await page.getByRole('button', { name: 'Move Email opens up' }).click();
  await expect(page.getByRole('button', { name: 'Move Email opens up' })).toBeFocused();
  const names = page.getByRole('rowheader');
  await expect(names.nth(0)).toHaveText('Business cards exchanged');
  await expect(names.nth(1)).toHaveText('Email opens');
  await expect(names.nth(2)).toHaveText('Emails sent');

  await metrics.openTab('entry');
  await page.getByRole('radio', { name: 'Monthly' }).check();
  await expect(page.getByRole('rowheader', { name: /Newsletter subscribers/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Newsletter subscribers, November 2026' })).toBeVisible();

  // The tabs by keyboard: Alt+digit from anywhere, arrows between the tabs.
  await page.keyboard.press('Alt+4');
  await expect(metrics.tab('import')).toBeFocused();
  await expect(metrics.importText).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(metrics.tab('definitions')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(metrics.tab('overview')).toBeFocused();
});

for (const language of ['ja', 'en'] as const) {
  test.describe(`with the sample data, in ${language}`, () => {
    test.use({ language });
    test('overview, grid and import look right', async ({ app, settings, page }) => {
      await page.clock.setFixedTime(WEDNESDAY);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const m = MESSAGES[language];
      const metrics = new MetricsPage(page, language);
      await app.open('/settings');
      await settings.button('loadSample').click();
      await expect(page.getByRole('status').filter({ hasText: m.settings.sampleLoaded })).toBeVisible({ timeout: 20_000 });

      await app.goTo('metrics');
      await metrics.openTab('overview');
      // One small multiple per active metric; the sample quarter held no webinar, so that card
      // says so instead of drawing an empty chart.
      await expect(page.getByRole('img', { name: new RegExp(`^${m.metrics.builtin['page-views']}`) })).toBeVisible();
      await expect(page.locator('.metric-card canvas')).toHaveCount(6);
      await expect(page.getByText(m.metrics.overview.noSeriesMonths.replace('{{count}}', '12'))).toBeVisible();
      await expect(page.getByRole('heading', { level: 3, name: m.metrics.ratio.openRate })).toBeVisible();
      await app.screenshot(`${language}-metrics-overview`);
      // The charts take their colours from the theme, and follow it when it changes.
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      await app.screenshot(`${language}-metrics-overview-dark`);
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });

      // By month: weekly numbers rolled up by days, monthly ones as they are.
      await page.getByRole('radio', { name: m.metrics.overview.byMonth, exact: true }).check();
      // November is half entered: the overview opens on October, the last month entered in full.
      await expect(page.getByRole('heading', { level: 2, name: language === 'ja' ? '2026年10月' : 'October 2026' })).toBeVisible();
      await expect(page.getByText(m.metrics.overview.splitNote)).toBeVisible();
      await app.screenshot(`${language}-metrics-overview-month`);
      await page.getByRole('radio', { name: m.metrics.overview.byWeek, exact: true }).check();

      const views = metrics.builtinName('page-views');
      await metrics.card(views).click();
      await expect(metrics.detailChart(views)).toBeVisible();
      await app.screenshot(`${language}-metrics-trend`);

      await metrics.openTab('entry');
      await expect(metrics.cell(metrics.builtinName('email-opens'), language === 'ja' ? '2026/11/09' : 'Nov 9, 2026')).not.toHaveValue('');
      await app.screenshot(`${language}-metrics-grid`);

      await metrics.openTab('definitions');
      await expect(page.getByRole('rowheader', { name: metrics.builtinName('webinar-attendees') })).toBeVisible();
      await app.screenshot(`${language}-metrics-definitions`);

      await metrics.openTab('import');
      await metrics.importText.fill(
        language === 'ja'
          ? '日付,指標,値\n2026/11/16,PV数,3200\n2026/11/16,セッション,900\n2026/11/17,メール開封数,abc\n'
          : 'date,metric,value\n2026-11-16,Page views,3200\n2026-11-16,Sessions,900\n2026-11-17,Email opens,abc\n',
      );
      await metrics.mapping(language === 'ja' ? 'セッション' : 'Sessions').selectOption('__new');
      await expect(page.getByText(language === 'ja' ? '3 件の値：取り込み可能 2 件、エラー 1 件' : '3 values: 2 ready, 1 with errors.')).toBeVisible();
      await app.screenshot(`${language}-metrics-import`);
    });
  });
}

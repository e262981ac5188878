/** Sample data: loads into an empty database, shows up everywhere, clears again with undo. */
import { test, expect } from './fixtures';
import { MESSAGES } from './pages/labels';

for (const language of ['ja', 'en'] as const) {
  test.describe(`in ${language}`, () => {
  test.use({ language });
  test('load and clear the sample quarter', async ({ app, settings, page }) => {
    await app.open('/settings');
    const m = MESSAGES[app.language];
    await expect(settings.count(m.counts.leads)).toHaveText('0');
    await settings.button('loadSample').click();
    await expect(page.getByRole('status').filter({ hasText: m.settings.sampleLoaded })).toBeVisible({ timeout: 20_000 });
    await expect(settings.count(m.counts.leads)).not.toHaveText('0');
    await expect(settings.count(m.counts.timeEntries)).not.toHaveText('0');
    await expect(settings.button('loadSample')).toBeDisabled();

    for (const screen of ['today', 'plan', 'leads', 'wins', 'metrics', 'reports'] as const) {
      await app.goTo(screen);
      await app.screenshot(`${language}-sample-${screen}`);
    }

    await app.goTo('settings');
    const leadsBefore = await settings.count(m.counts.leads).textContent();
    await settings.button('clearSample').click();
    await page.getByRole('dialog', { name: m.settings.confirmClearTitle }).getByRole('button', { name: m.settings.clearSample }).click();
    await expect(settings.count(m.counts.leads)).toHaveText('0');
    await page.getByRole('button', { name: m.common.undo }).click();
    await expect(settings.count(m.counts.leads)).toHaveText(leadsBefore ?? '');

    // Survives a reload: it is in IndexedDB, not in memory.
    await page.reload();
    await expect(settings.count(m.counts.leads)).toHaveText(leadsBefore ?? '');
  });
  });
}

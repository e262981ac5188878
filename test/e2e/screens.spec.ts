/** Every screen opens in both languages, by mouse and by keyboard; screenshots for a human to look at. */
import { test, expect } from './fixtures';
import { SCREENS } from './pages/labels';

for (const language of ['ja', 'en'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    test('every screen opens from the navigation, with an honest empty state', async ({ app, page }) => {
      await app.open();
      // The OS language is the default.
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(app.heading('today')).toBeVisible();
      for (const screen of SCREENS) {
        await app.goTo(screen);
        await app.screenshot(`${language}-1280-${screen}`);
      }
    });

    test('looks right in a 1920×1080 window', async ({ app, page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await app.open();
      await app.screenshot(`${language}-1920-today`);
      await app.goTo('settings');
      await app.screenshot(`${language}-1920-settings`);
    });
  });
}

test('the keyboard reaches every screen: skip link, Tab through the navigation, Ctrl+, for Settings', async ({ app, page }) => {
  await app.open();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: app.messages.app.skipToContent })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.navLink('today')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(app.navLink('plan')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.heading('plan')).toBeVisible();
  // The new screen's heading takes focus, so the next Tab starts at the top of the screen.
  await expect(app.heading('plan')).toBeFocused();
  await page.keyboard.press('Control+Comma');
  await expect(app.heading('settings')).toBeVisible();
});

test('an unknown address lands on Today', async ({ app, page }) => {
  await page.goto('./#/no-such-screen');
  await expect(app.heading('today')).toBeVisible();
});

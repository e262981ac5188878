/** When IndexedDB cannot be used, a clear full-screen message instead of a blank page; nothing deleted. */
import { test, expect } from './fixtures';
import { MESSAGES } from './pages/labels';

test.use({ language: 'en' });

test('no IndexedDB (private mode, storage off)', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined });
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: MESSAGES.en.storage.title })).toBeVisible();
  await expect(page.getByText(MESSAGES.en.storage.noIndexedDb)).toBeVisible();
  await expect(page.getByRole('button', { name: MESSAGES.en.storage.retry })).toBeVisible();
});

test('data from a newer TwoHats is reported and left untouched', async ({ app, page }) => {
  await app.open('/settings');
  // Simulate a newer app: bump the schema on disk and add a store this version does not know.
  const before = await page.evaluate(async () => {
    const current = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('twohats');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const version = current.version;
    current.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open('twohats', version + 100);
      request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => location.reload();
    });
    return version + 100;
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: MESSAGES.en.storage.title })).toBeVisible();
  await expect(page.getByText(MESSAGES.en.storage.newerVersion)).toBeVisible();
  const after = await page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.find((d) => d.name === 'twohats')?.version;
  });
  expect(after).toBe(before);
});

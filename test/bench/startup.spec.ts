/**
 * Start-up benchmark: prints the initial JavaScript size (gzip) and the time until Today is
 * interactive in this machine's Chromium, with an empty database and with ten years of sample
 * data. Budgets (prints, never fails on them): initial JS ≤ 150 KB gzip, Today ≤ 0.5 s.
 * Run: `npm run bench:startup`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test, expect, type Page } from '@playwright/test';
import { generateSampleData, SAMPLE_SIZES } from '../../shared/sample';

const DIST = join(import.meta.dirname, '../../dist/renderer');
const RUNS = 7;

test('initial JavaScript size', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // The entry script and everything it preloads are what the first screen waits for.
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  expect(files.length).toBeGreaterThan(0);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(DIST, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  // The messages of the language in use load during start-up too (a separate chunk); count the larger one.
  const messages = readdirSync(join(DIST, 'assets'))
    .filter((f) => /^(en|ja)-.*\.js$/.test(f))
    .map((f) => gzipSync(readFileSync(join(DIST, 'assets', f)), { level: 9 }).length);
  const largest = Math.max(0, ...messages);
  console.log(
    `initial JS: ${files.length} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip + messages ${(largest / 1024).toFixed(1)} KB = ${((gzip + largest) / 1024).toFixed(1)} KB gzip (budget 150 KB gzip)`,
  );
});

async function timeToInteractive(page: Page): Promise<{ interactive: number; countsShown: number }> {
  await page.reload();
  await page.getByRole('navigation').waitFor();
  // Today's stored counts come from IndexedDB: wait until they are drawn too.
  await page.getByRole('definition').first().waitFor();
  return page.evaluate(() => ({
    interactive: performance.getEntriesByName('twohats:interactive')[0]?.startTime ?? Number.NaN,
    countsShown: performance.now(),
  }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measure(page: Page, label: string): Promise<void> {
  await timeToInteractive(page); // warm the HTTP and code caches, as a returning user has
  const runs: { interactive: number; countsShown: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timeToInteractive(page));
  console.log(
    `${label}: Today interactive ${median(runs.map((r) => r.interactive)).toFixed(0)} ms, counts shown ${median(runs.map((r) => r.countsShown)).toFixed(0)} ms (median of ${RUNS}, budget 500 ms)`,
  );
}

test('Today interactive, empty database and ten years of data', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation').waitFor();
  await measure(page, 'empty database');

  const data = generateSampleData({ seed: 7, now: Date.now(), timeZone: 'Asia/Tokyo', weeks: SAMPLE_SIZES.tenYears, language: 'ja' });
  const started = performance.now();
  for (const [table, rows] of Object.entries(data)) {
    for (let i = 0; i < rows.length; i += 5000) {
      await page.evaluate(
        async ({ table, chunk }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open('twohats');
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction(table, 'readwrite');
            for (const row of chunk) tx.objectStore(table).put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          db.close();
        },
        { table, chunk: rows.slice(i, i + 5000) as unknown[] },
      );
    }
  }
  const rows = Object.values(data).reduce((n, rows) => n + rows.length, 0);
  console.log(`loaded ${rows} rows of ten years' sample data in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await measure(page, 'ten years of data');
});

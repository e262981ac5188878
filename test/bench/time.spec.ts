/**
 * Time benchmark (issue 3): with ten years of sample entries in a real IndexedDB, the time to open
 * a week (boxes, entries and the budget figures) and to compute a quarter's totals, next to the
 * raw IndexedDB range read of the same rows. Prints figures; asserts nothing about time.
 * Run: `npm run bench:browser`.
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { test } from '@playwright/test';
import { SAMPLE_SIZES } from '../../shared/sample';

const ROOT = join(import.meta.dirname, '../../dist/bench');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

test('ten years: open a week and a quarter’s totals against the raw IndexedDB read', async ({ page }) => {
  // Serve the built bench page from disk under a fixed local origin.
  await page.route('http://bench.localhost/**', async (route) => {
    const path = normalize(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
    await route.fulfill({ body: readFileSync(join(ROOT, path)), contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
  });
  await page.goto('http://bench.localhost/index.html');
  await page.waitForFunction(() => 'twohatsBench' in window);
  const now = Date.parse('2026-11-18T15:00:00+09:00');
  const r = await page.evaluate(({ weeks, now }) => window.twohatsBench.run(weeks, now, 15), { weeks: SAMPLE_SIZES.tenYears, now });
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(`ten years: ${r.rows} time entries (loaded in ${(r.loadMs / 1000).toFixed(1)} s)`);
  console.log(`open a week: ${r.openWeekMs.toFixed(1)} ms vs raw read ${r.rawWeekMs.toFixed(1)} ms of ${r.weekRows} rows → ratio ${ratio(r.openWeekMs, r.rawWeekMs)} (target < 1.5)`);
  console.log(`quarter totals: ${r.quarterMs.toFixed(1)} ms vs raw read ${r.rawQuarterMs.toFixed(1)} ms of ${r.quarterRows} rows → ratio ${ratio(r.quarterMs, r.rawQuarterMs)} (target < 1.5)`);
});

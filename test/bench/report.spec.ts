/**
 * Report benchmark (issue 6): with ten years of sample data in a real IndexedDB, the time to
 * compute a quarterly report as the Reports screen does (indexed reads by the read plan + the
 * pure report model), next to the raw IndexedDB read of the same rows (target: ratio below 1.5),
 * and the time Chromium takes to print the report's print view to an A4 PDF (the engine
 * Electron's webContents.printToPDF uses). Prints figures; asserts nothing about time.
 * Run: `npm run bench:browser` (the bench build must include report.html: see vite.bench.config.ts).
 */
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { test } from '@playwright/test';
import { SAMPLE_SIZES } from '../../shared/sample';

const ROOT = join(import.meta.dirname, '../../dist/bench');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

test('ten years: a quarterly report against the raw IndexedDB read, and its PDF', async ({ page }) => {
  await page.route('http://bench.localhost/**', async (route) => {
    const path = normalize(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'report.html';
    await route.fulfill({ body: readFileSync(join(ROOT, path)), contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
  });
  await page.goto('http://bench.localhost/report.html');
  await page.waitForFunction(() => 'twohatsReportBench' in window);
  const now = Date.parse('2026-12-25T17:00:00+09:00');
  const r = await page.evaluate(({ weeks, now }) => window.twohatsReportBench.run(weeks, now, 9), { weeks: SAMPLE_SIZES.tenYears, now });
  const c = r.counts;
  const read = r.rowsRead;
  console.log(`ten years: ${c.timeEntries} time entries, ${c.leads} leads, ${c.leadEvents} lead events, ${c.wins} wins (loaded in ${(r.loadMs / 1000).toFixed(1)} s)`);
  console.log(`rows the FY2026 Q3 report reads: ${read.entries} entries, ${read.boxes} boxes, ${read.leads} leads, ${read.leadEvents} events, ${read.wins} wins, ${read.metricEntries} metric rows (raw read: ${r.rawRows} rows)`);
  console.log(`quarterly report: ${r.computeMs.toFixed(1)} ms (read ${r.readMs.toFixed(1)} ms + build ${r.buildMs.toFixed(1)} ms) vs raw IndexedDB read ${r.rawMs.toFixed(1)} ms → ratio ${(r.computeMs / r.rawMs).toFixed(2)} (target < 1.5)`);

  // One language per page load: i18next starts in the language it is given.
  for (const language of ['en', 'ja'] as const) {
    if (language !== 'en') {
      await page.reload();
      await page.waitForFunction(() => 'twohatsReportBench' in window);
      await page.evaluate(({ weeks, now }) => window.twohatsReportBench.run(weeks, now, 1), { weeks: SAMPLE_SIZES.tenYears, now });
    }
    const renderMs = await page.evaluate((l) => window.twohatsReportBench.render(l), language);
    const started = performance.now();
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pdfMs = performance.now() - started;
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    console.log(`PDF (${language}): print view drawn in ${renderMs.toFixed(0)} ms, printed to ${pages} A4 pages (${(pdf.length / 1024).toFixed(0)} KB) in ${pdfMs.toFixed(0)} ms`);
  }
});

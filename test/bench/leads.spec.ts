/**
 * Pipeline benchmark (issue 4, part 6): ten years of sample data (≈20,000 leads, ≈110,000
 * events) in a real IndexedDB, driven through the built app itself (dist/renderer, or
 * E2E_OUT_DIR): the first read of every lead, against IndexedDB's own getAll of both tables (the
 * floor); opening the list and the board; a stage change by keyboard until the card shows in its
 * new column (the incremental update); typing a filter; sorting. Prints figures, asserts nothing
 * about time. Run: `npm run build:renderer && npx playwright test -c test/e2e --project=bench --workers 1 leads.spec`.
 *
 * (Why the real app and not a page of test/bench/browser: vite.bench.config.ts builds only that
 * folder's index.html, and the list's cost is as much React and the virtual table as the maths.)
 */
import { test, expect, type Page } from '@playwright/test';
import { generateSampleData, SAMPLE_SIZES } from '../../shared/sample';
import { writeRaw } from '../e2e/pages/LeadBoardPage';

const RUNS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Time (in the page) from running `start` until `done` holds, checked every animation frame. */
async function timeUntil(page: Page, start: string, done: string): Promise<number> {
  return page.evaluate(
    async ({ start, done }) => {
      const t0 = performance.now();
      new Function(start)();
      const check = new Function(`return Boolean(${done})`) as () => boolean;
      while (!check()) await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - t0;
    },
    { start, done },
  );
}

test('ten years of leads: first read, list, board, a move, a filter, a sort', async ({ page }) => {
  // The real clock: Playwright's fake clock also stubs performance.measure, which this reads.
  const now = Date.now();
  await page.goto('./#/settings');
  await page.getByRole('navigation').first().waitFor();
  const data = generateSampleData({ seed: 7, now, timeZone: 'Asia/Tokyo', weeks: SAMPLE_SIZES.tenYears, language: 'ja' });
  const written = Date.now();
  await writeRaw(page, { initiatives: data.initiatives, leads: data.leads, leadEvents: data.leadEvents });
  console.log(`${data.leads.length} leads, ${data.leadEvents.length} events written in ${((Date.now() - written) / 1000).toFixed(1)} s`);
  const total = data.leads.length.toLocaleString('en-US');

  // The floor: IndexedDB's own getAll of both tables, no library, no maths.
  const raw: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    raw.push(
      await page.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('twohats');
          request.onsuccess = () => resolve(request.result);
        });
        const t0 = performance.now();
        const tx = db.transaction(['leads', 'leadEvents']);
        await Promise.all(
          ['leads', 'leadEvents'].map(
            (name) =>
              new Promise((resolve) => {
                tx.objectStore(name).getAll().onsuccess = resolve;
              }),
          ),
        );
        db.close();
        return performance.now() - t0;
      }),
    );
  }

  // Opening the list afresh (a reload: nothing in memory), until the count shows every lead.
  const open: { shown: number; read: number; rows: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto('./#/today');
    await page.reload();
    await page.getByRole('navigation').first().waitFor();
    const shown = await timeUntil(page, "location.hash = '#/leads/list'", `document.querySelector('[role="grid"] tbody tr[data-lead-id]') && document.body.textContent.includes('${total} leads')`);
    const measures = await page.evaluate(() => ({
      read: performance.getEntriesByName('twohats:leads-read').at(-1)?.duration ?? Number.NaN,
      rows: performance.getEntriesByName('twohats:leads-rows').at(-1)?.duration ?? Number.NaN,
    }));
    open.push({ shown, ...measures });
  }

  // Switching to the board and back: the rows stay in memory, only the view is drawn.
  const toBoard = await timeUntil(page, "location.hash = '#/leads/board'", `document.querySelector('[data-drop-stage="won"] [data-lead-id]')`);
  const toList = await timeUntil(page, "location.hash = '#/leads/list'", `document.querySelector('[role="grid"] tbody tr[data-lead-id]')`);

  // A stage change by keyboard (Alt+→ on the first new lead), until the card is in Contacted.
  await page.evaluate(() => (location.hash = '#/leads/board'));
  const card = page.locator('[data-drop-stage="new"] [role="button"][data-lead-id]').first();
  await card.waitFor();
  const moves: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const id = await page.locator('[data-drop-stage="new"] [role="button"][data-lead-id]').first().getAttribute('data-lead-id');
    await page.locator(`[data-lead-id="${id}"][role="button"]`).focus();
    moves.push(
      await timeUntil(
        page,
        `document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true }))`,
        `document.querySelector('[data-drop-stage="contacted"] [data-lead-id="${id}"]')`,
      ),
    );
  }

  // Typing a filter in the list (the table answers at a deferred priority), and sorting.
  await page.evaluate(() => (location.hash = '#/leads/list'));
  await page.getByRole('grid').waitFor();
  const word = data.leads[123]!.company.replace(/株式会社|有限会社/g, '').slice(0, 2);
  const filter = await timeUntil(
    page,
    `const input = document.querySelector('input[type="search"]');
     Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(word)});
     input.dispatchEvent(new Event('input', { bubbles: true }));`,
    `!document.querySelector('.lead-filters__count').textContent.startsWith('${total}')`,
  );
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.locator('.lead-filters__count')).toContainText(`${total} of ${total}`);
  const sort = await timeUntil(
    page,
    `[...document.querySelectorAll('th button')][0].click()`,
    `document.querySelector('th[aria-sort]')?.textContent.includes('Company')`,
  );
  const scrollFrames = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="lead-table-scroller"]')!;
    const times: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const t0 = performance.now();
      scroller.scrollTop = (scroller.scrollHeight * i) / 30;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[15]!;
  });

  const ms = (value: number) => `${value.toFixed(0)} ms`;
  console.log(`first read of every lead and event: ${ms(median(open.map((o) => o.read)))} vs raw getAll ${ms(median(raw))} (ratio ${(median(open.map((o) => o.read)) / median(raw)).toFixed(2)}); rows computed in ${ms(median(open.map((o) => o.rows)))}`);
  console.log(`list opened afresh (read + rows + sort + draw): ${ms(median(open.map((o) => o.shown)))} (median of ${RUNS}); board from the list ${ms(toBoard)}, back to the list ${ms(toList)}`);
  console.log(`stage change by keyboard until the card shows in its new column: ${ms(median(moves))} (median of ${RUNS}; budget: well under 300 ms)`);
  console.log(`filter "${word}" typed until counted: ${ms(filter)}; sort by company: ${ms(sort)}; scrolling the list: ${ms(scrollFrames)} per jump (two frames)`);
});

/**
 * Issue 6, as a user would: with the sample quarter loaded under a fixed clock, open the quarterly
 * report, check its key figures on screen, export the PDF, reopen the saved report (unchanged
 * after the data changed), print it through Chromium's print-to-PDF (the engine Electron's
 * printToPDF uses), read the PDF back with pdftotext and pdfinfo, and render every page to PNG
 * with pdftoppm for a human to look at: in English and in Japanese, for a busy quarter, an empty
 * one, and one with a hundred starred wins and a very long comment.
 *
 * The expected figures come from the report model itself (shared/domain/report) fed the same
 * sample (seed, weeks, clock, zone): the test checks that the screen and the PDF show exactly them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type Language } from './fixtures';
import { MESSAGES } from './pages/labels';
import { ReportsPage } from './pages/ReportsPage';
import { SettingsPage } from './pages/SettingsPage';
import { SAMPLE_SEED, SAMPLE_WEEKS } from '../../renderer/db/sample';
import { previousPeriod, resolvePeriod, type PeriodSpec } from '../../shared/domain/calendar';
import { defaultSettings } from '../../shared/domain/model';
import type { Ratio } from '../../shared/domain/ratio';
import { buildReport, type Report } from '../../shared/domain/report';
import { generateSampleData } from '../../shared/sample';

const TZ = 'Asia/Tokyo';
/** A Friday near the end of FY2026 Q3 (Oct–Dec 2026): the sample's 13 weeks cover the quarter. */
const NOW = Date.parse('2026-12-25T17:00:00+09:00');
const Q3: PeriodSpec = { kind: 'fiscal-quarter', anchor: '2026-12-25' };
const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
const USER = { en: { name: 'Hana Yamada', company: 'Futatsuboshi Ltd.' }, ja: { name: '山田 花子', company: '株式会社ふたつぼうし' } } as const;

function expectedReport(language: Language, spec: PeriodSpec): Report {
  const data = generateSampleData({ seed: SAMPLE_SEED, now: NOW, timeZone: TZ, weeks: SAMPLE_WEEKS, language });
  const settings = defaultSettings(NOW);
  const period = resolvePeriod(spec, TZ, settings);
  const previous = resolvePeriod(previousPeriod(spec, TZ), TZ, settings);
  return buildReport({
    spec,
    period,
    previous,
    now: NOW,
    cutoff: Math.min(NOW, period.end),
    timeZone: TZ,
    settings,
    entries: data.timeEntries,
    boxes: data.timeBoxes,
    leads: data.leads,
    leadEvents: data.leadEvents,
    initiatives: data.initiatives,
    wins: data.wins,
    metricDefinitions: data.metricDefinitions,
    metricEntries: data.metricEntries,
    goals: data.goals,
  });
}

/** Numbers written by the browser's own Intl, so the expectation uses the very same ICU data. */
async function formats(page: Page, language: Language) {
  const hoursText = MESSAGES[language].report.unit.hours;
  const intl = (value: number, options: Intl.NumberFormatOptions) => page.evaluate(([v, l, o]) => new Intl.NumberFormat(l, o).format(v), [value, language, options] as const);
  const money = (v: number) => intl(v, { style: 'currency', currency: 'JPY' });
  const count = (v: number) => intl(v, { maximumFractionDigits: 0 });
  const hours = async (ms: number) => hoursText.replace('{{value}}', await intl(ms / 3_600_000, { maximumFractionDigits: 1 }));
  const percent = (v: number) => intl(v, { style: 'percent', maximumFractionDigits: 0 });
  const ratio = async (r: Ratio, part: (v: number) => Promise<string> = count) =>
    `${await part(r.numerator)} / ${await part(r.denominator)} = ${r.denominator === 0 ? '—' : await percent(r.numerator / r.denominator)}`;
  return { money, count, hours, percent, ratio };
}

async function prepare(page: Page, language: Language, withHeader = true): Promise<void> {
  await page.clock.setFixedTime(NOW);
  // The browser's print dialog cannot be driven; the stub stands in for it (and can fail on demand).
  await page.addInitScript(() => {
    const w = window as unknown as { __printCalls: number; __printError?: string };
    w.__printCalls = 0;
    window.print = () => {
      if (w.__printError) throw new Error(w.__printError);
      w.__printCalls++;
    };
  });
  const settings = new SettingsPage(page, language);
  await page.goto('./#/settings');
  if (withHeader) {
    await settings.field('userName').fill(USER[language].name);
    await settings.field('companyName').fill(USER[language].company);
    await expectSaved(page, language);
  }
  await settings.button('loadSample').click();
  await expect(page.getByRole('status').filter({ hasText: MESSAGES[language].settings.sampleLoaded })).toBeVisible({ timeout: 20_000 });
}

/** Settings says "Saved" beside each field it saved; any of them will do. */
async function expectSaved(page: Page, language: Language): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: MESSAGES[language].settings.saved }).first()).toBeVisible();
}

interface PdfRead {
  pages: number;
  text: string;
  pageTexts: string[];
  pngs: string[];
}

/** Prints the open print view to A4 with Chromium, reads it back and renders every page to PNG. */
async function printAndRead(page: Page, name: string): Promise<PdfRead> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const file of readdirSync(ARTIFACTS)) if (file.startsWith(`${name}-`) && file.endsWith('.png')) rmSync(path.join(ARTIFACTS, file));
  const pdf = path.join(ARTIFACTS, `${name}.pdf`);
  await page.pdf({ path: pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(ARTIFACTS, name)]);
  const pngs = readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  return { pages, text, pageTexts: text.split('\f').filter((p) => p.trim() !== ''), pngs };
}

/** pdftotext -layout may space a line out; compare with runs of spaces squeezed. */
const squeeze = (text: string) => text.replace(/[ \u00a0]+/g, ' ');

for (const language of ['en', 'ja'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    test('a busy quarter: the figures on screen are the model’s, the PDF shows the same, a saved report stays as sent', async ({ page }) => {
      const m = MESSAGES[language].report;
      const reports = new ReportsPage(page, language);
      await prepare(page, language);
      const expected = expectedReport(language, Q3);
      expect(expected.isEmpty).toBe(false);
      const f = await formats(page, language);

      await page.goto('./#/reports');
      await reports.pickKind('fiscal-quarter');
      const doc = reports.document;
      await expect(doc.getByRole('heading', { level: 2 })).toContainText(language === 'ja' ? '四半期報告' : 'Quarterly report');
      const title = (await doc.getAttribute('aria-label')) ?? '';
      expect(title).toContain(language === 'ja' ? '2026年度 第3四半期' : 'FY2026 Q3');

      // The key figures, from results down to activity, exactly as the model computed them.
      const r = expected;
      const figures: [string, string][] = [
        [m.results.marketingRevenue, await f.money(r.results.marketingRevenue.value)],
        [m.results.totalRevenue, await f.money(r.results.totalRevenue.value)],
        [m.results.pipeline, await f.money(r.results.pipeline.value)],
        [m.results.weightedPipeline, await f.money(r.results.weightedPipeline.value)],
        [m.pipeline.marketingLeads, await f.count(r.pipeline.marketingLeads.value)],
        [m.pipeline.marketingLeadToOpportunity, await f.ratio(r.pipeline.marketingLeadToOpportunity.value)],
        [m.pipeline.winRate, await f.ratio(r.pipeline.winRate.value)],
        [m.pipeline.sla, await f.ratio(r.pipeline.sla.value)],
        [m.time.budget, await f.hours(r.time.budget.value)],
        [m.time.marketing, await f.hours(r.time.marketing.value)],
        [m.time.share, await f.ratio(r.time.share.value, f.hours)],
        [m.time.boxesKept, await f.ratio(r.time.boxesKept.value)],
        [m.time.interruptionLoss, await f.hours(r.time.interruptionLoss.value)],
        [m.wins.total, await f.count(r.wins.total.value)],
      ];
      for (const [label, value] of figures) await expect(reports.row(label)).toContainText(value);
      // A rate with a zero denominator reads "—": the previous quarter closed no deal.
      expect(r.pipeline.winRate.previous.denominator).toBe(0);
      await expect(reports.row(m.pipeline.winRate)).toContainText('0 / 0 = —');
      // The headline leads with the money, in sentences.
      const headline = reports.section(m.section.headline);
      await expect(headline).toContainText(await f.money(r.results.marketingRevenue.value));
      await expect(headline).toContainText(await f.count(r.pipeline.marketingLeads.value));
      for (const section of ['results', 'pipeline', 'time', 'indicators', 'wins', 'problems', 'plan', 'definitions'] as const) {
        await expect(reports.section(m.section[section])).toBeVisible();
      }
      await page.screenshot({ path: path.join(ARTIFACTS, `report-${language}-screen.png`) });

      // Comment and plan, then Export PDF: a snapshot is kept in Saved reports.
      await reports.notes('comment').fill(language === 'ja' ? '展示会のリードが商談化しています。' : 'Trade show leads are turning into meetings.');
      await reports.notes('plan').fill(language === 'ja' ? '1月は新年のメルマガと展示会の準備。' : 'January: the New Year newsletter and the trade show.');
      await reports.exportPdf();
      expect(await page.evaluate(() => (window as unknown as { __printCalls: number }).__printCalls)).toBe(1);
      await expect(reports.saved.getByRole('rowheader', { name: title, exact: true })).toBeVisible();

      // The data changes (a bigger budget): the live report follows, the saved one does not.
      await page.goto('./#/settings');
      await new SettingsPage(page, language).setNumber('weeklyBudgetHours', '10');
      await expectSaved(page, language);
      await page.goto('./#/reports');
      await reports.pickKind('fiscal-quarter');
      const biggerBudget = r.time.budget.value * (10 / 8);
      await expect(reports.row(m.time.budget)).toContainText(await f.hours(biggerBudget));
      await reports.openSaved(title);
      await expect(page.getByRole('status').filter({ hasText: m.saved.viewing.split('{{date}}')[1]!.slice(0, 12) })).toBeVisible();
      for (const [label, value] of figures) await expect(reports.row(label)).toContainText(value);
      await expect(reports.section(m.section.comment)).toContainText(language === 'ja' ? '展示会のリード' : 'Trade show leads');

      // Print the saved report to PDF with Chromium, and read it back.
      const view = await reports.openPrintView(title);
      await expect(view.getByRole('region', { name: m.section.results, exact: true })).toBeVisible();
      const started = Date.now();
      const pdf = await printAndRead(page, `report-${language}-busy`);
      console.log(`[reports e2e] ${language} busy quarter: ${pdf.pages} A4 pages, printed in ${Date.now() - started} ms (pdf, pdftotext, pdftoppm)`);
      const text = squeeze(pdf.text);
      for (const [, value] of figures) expect(text).toContain(value);
      for (const section of ['headline', 'results', 'pipeline', 'time', 'indicators', 'wins', 'problems', 'plan', 'definitions'] as const) {
        expect(text).toContain(m.section[section]);
      }
      // Every page: the header (who, which period) and the footer "n / N".
      expect(pdf.pages).toBeGreaterThan(3);
      expect(pdf.pngs).toHaveLength(pdf.pages);
      expect(pdf.pageTexts).toHaveLength(pdf.pages);
      pdf.pageTexts.forEach((pageText, i) => {
        expect(pageText).toContain(USER[language].company);
        expect(pageText).toContain(USER[language].name);
        expect(squeeze(pageText)).toContain(`${i + 1} / ${pdf.pages}`);
      });
      await view.getByRole('button', { name: m.actions.close, exact: true }).click();
      await expect(view).toHaveCount(0);
    });

    test('an empty quarter says so, with no figures dressed as results; a failed export saves nothing', async ({ page }) => {
      const m = MESSAGES[language].report;
      const reports = new ReportsPage(page, language);
      await prepare(page, language, false);
      expect(expectedReport(language, { kind: 'fiscal-quarter', anchor: '2025-04-01' }).isEmpty).toBe(true);

      await page.goto('./#/reports');
      await reports.pickKind('fiscal-quarter');
      await reports.pickPeriod(language === 'ja' ? /^2025年度 第1四半期/ : /^FY2025 Q1/);
      const doc = reports.document;
      await expect(doc).toContainText(m.empty.title);
      await expect(reports.section(m.section.results)).toHaveCount(0);
      await expect(reports.section(m.section.time)).toHaveCount(0);
      await expect(reports.section(m.section.plan)).toBeVisible();
      await expect(reports.section(m.section.definitions)).toBeVisible();
      const title = (await doc.getAttribute('aria-label')) ?? '';

      // The print dialog fails: a clear message, and nothing added to Saved reports.
      await page.evaluate(() => ((window as unknown as { __printError?: string }).__printError = 'The printer service is not available.'));
      await reports.button('exportPdf').click();
      await expect(page.getByRole('alert').filter({ hasText: 'The printer service is not available.' })).toBeVisible();
      await expect(reports.saved).toContainText(m.saved.empty);
      await page.evaluate(() => delete (window as unknown as { __printError?: string }).__printError);

      await reports.exportPdf();
      await reports.openSaved(title);
      await reports.openPrintView(title);
      const pdf = await printAndRead(page, `report-${language}-empty`);
      console.log(`[reports e2e] ${language} empty quarter: ${pdf.pages} A4 pages`);
      const text = squeeze(pdf.text);
      expect(text).toContain(m.empty.title);
      expect(text).toContain(m.section.definitions);
      expect(text).not.toContain(m.section.results);
      expect(pdf.pages).toBe(1);
      expect(pdf.pngs).toHaveLength(pdf.pages);
      // No name or company set: the page header says what it is instead.
      expect(pdf.pageTexts[0]).toContain(m.docHeader.pageHeaderAnonymous);
    });
  });
}

test.describe('report language and CSV', () => {
  test.use({ language: 'en' });

  test('a Japanese report from the English app, and a CSV of its tables', async ({ page }) => {
    const reports = new ReportsPage(page, 'en');
    await prepare(page, 'en');
    const expected = expectedReport('en', Q3);
    await page.goto('./#/reports');
    await reports.pickKind('fiscal-quarter');
    await reports.reportLanguage('ja');
    const ja = MESSAGES.ja.report;
    await expect(reports.document.getByRole('heading', { level: 2 })).toContainText('四半期報告');
    await expect(reports.section(ja.section.headline)).toBeVisible();
    // The screen around the report stays English.
    await expect(page.getByRole('heading', { level: 1, name: MESSAGES.en.report.title })).toBeVisible();

    const download = await reports.exportCsv();
    expect(download.suggestedFilename()).toBe('TwoHats-report-FY2026-Q3.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('四半期報告');
    expect(csv).toContain(ja.results.marketingRevenue);
    // Money as a plain number for the spreadsheet, rates as written.
    expect(csv).toContain(`${ja.results.marketingRevenue},${expected.results.marketingRevenue.value},`);
    const l2o = expected.pipeline.marketingLeadToOpportunity.value;
    expect(csv).toContain(`${l2o.numerator} / ${l2o.denominator} = ${Math.round((l2o.numerator / l2o.denominator) * 100)}%`);

    await reports.reportLanguage('same');
    await expect(reports.document.getByRole('heading', { level: 2 })).toContainText('Quarterly report');
  });

  test('a hundred starred wins and a very long comment paginate cleanly', async ({ page }) => {
    const m = MESSAGES.en.report;
    const reports = new ReportsPage(page, 'en');
    await prepare(page, 'en');
    // 120 more starred wins in the quarter, written straight into IndexedDB (typing them would
    // take minutes); the app reads them after a reload.
    const start = Date.parse('2026-10-05T09:00:00+09:00');
    await page.evaluate(async (from) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('twohats');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('wins', 'readwrite');
      for (let i = 0; i < 120; i++) {
        tx.objectStore('wins').put({
          id: `stress-win-${i}`,
          at: from + i * 14 * 3_600_000,
          title: `Stress win ${i + 1}: a newsletter reader replied and asked for the case study about the production line`,
          type: i % 3 === 0 ? 'reply' : 'inquiry',
          tags: [],
          starred: 1,
          note: i % 4 === 0 ? 'Followed up the same day; meeting proposed for next week.' : undefined,
          createdAt: from,
          updatedAt: from,
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, start);
    await page.goto('./#/reports');
    await page.reload();
    await reports.pickKind('fiscal-quarter');
    const expected = expectedReport('en', Q3);
    const total = expected.wins.starredCount + 120;
    await expect(reports.document).toContainText(m.table.more.replace('{{shown}}', '100').replace('{{total}}', String(total)));

    const paragraph = 'The newsletter keeps bringing replies, and the trade show leads need a faster follow-up. ';
    const comment = Array.from({ length: 40 }, (_, i) => `${i + 1}. ${paragraph.repeat(3)}`).join('\n\n') + '\nEND OF COMMENT';
    await reports.notes('comment').fill(comment);
    await reports.exportPdf();
    const title = (await reports.document.getAttribute('aria-label')) ?? '';
    await reports.openSaved(title);
    await reports.openPrintView(title);
    const pdf = await printAndRead(page, 'report-en-long');
    console.log(`[reports e2e] 100 starred wins and a ${comment.length}-character comment: ${pdf.pages} A4 pages`);
    const text = squeeze(pdf.text);
    expect(text).toContain('END OF COMMENT');
    expect(text).toContain('40. The newsletter keeps bringing replies');
    expect(text).toContain(m.table.more.replace('{{shown}}', '100').replace('{{total}}', String(total)));
    pdf.pageTexts.forEach((pageText, i) => expect(squeeze(pageText)).toContain(`${i + 1} / ${pdf.pages}`));
  });
});

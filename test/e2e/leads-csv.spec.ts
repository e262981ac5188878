/**
 * Issue 4, part 8, as a user would: import leads from a UTF-8 spreadsheet and a Shift_JIS
 * business-card export (picked and dropped), see errors and duplicates before anything is saved,
 * fix or exclude rows, undo an import, export leads and initiatives as CSV with a BOM and import
 * the export back; and the bad files (not CSV, empty, an Excel workbook, no name column).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { CsvPage, fill } from './pages/CsvPage';
import { MESSAGES } from './pages/labels';

const fixture = (name: string) => new URL(`./fixtures/csv/${name}`, import.meta.url).pathname;
const NOW = new Date('2026-11-23T10:00:00+09:00');

for (const language of ['ja', 'en'] as const) {
  test.describe(`in ${language}`, () => {
    test.use({ language });

    test('a UTF-8 spreadsheet with a Japanese header, quotes and newlines in fields: map, preview, import, undo, redo', async ({ app, page }) => {
      await page.clock.setFixedTime(NOW);
      const csv = new CsvPage(page, language);
      await app.open('/leads/csv');
      await expect(csv.importSection).toBeVisible();
      await app.screenshot(`${language}-csv-empty`);

      await csv.choose(fixture('leads-utf8.csv'));
      await expect(csv.importSection.getByText(fill(csv.m.import.encoding, { encoding: 'UTF-8' }), { exact: true })).toBeVisible();
      await csv.expectMapped('company', '会社名');
      await csv.expectMapped('person', '氏名');
      await csv.expectMapped('title', '役職');
      await csv.expectMapped('email', 'メールアドレス');
      await csv.expectMapped('phone', '電話番号');
      await csv.expectMapped('source', '流入経路');
      await csv.expectMapped('createdAt', '登録日');
      await csv.expectMapped('value', '金額');
      await csv.expectMapped('note', '備考');
      await csv.expectMapped('department', null);

      await expect(csv.counts).toHaveText(csv.countsText(3, 0, 0));
      const first = csv.row(2);
      await expect(first).toContainText('株式会社 "テスト" 商事');
      await expect(first).toContainText('名刺交換のあと、');
      await expect(first).toContainText(language === 'ja' ? '展示会・名刺交換' : 'Trade show / business card');
      await expect(csv.row(4)).toContainText('He said "call me" next week');
      await app.screenshot(`${language}-csv-mapping-preview`);
      await csv.table.scrollIntoViewIfNeeded();
      await app.screenshot(`${language}-csv-preview`);

      await csv.importButton(3).click();
      await expect(csv.importedToast(3)).toBeVisible();
      const stored = await csv.storedLeads();
      expect(stored.map((l) => l.company)).toEqual(['株式会社 "テスト" 商事', 'サンプル工業株式会社', 'Acme Corp.']);
      expect(stored[0]).toMatchObject({ person: '山田 太郎', note: '名刺交換のあと、\n見積りの依頼あり', value: 1_200_000, source: 'trade-show', stage: 'new', createdAt: Date.parse('2026-11-10T00:00:00+09:00') });
      expect(stored[1]).toMatchObject({ source: 'newsletter', value: 500_000, note: 'ニュースレター経由, 資料請求も' });
      expect(stored[2]).toMatchObject({ source: 'web-form', phone: '+1 415 555 0100' });
      await app.screenshot(`${language}-csv-imported`);

      // Undo from the toast removes all three in one go; redo brings them back.
      await csv.importedToast(3).getByRole('button', { name: MESSAGES[language].common.undo }).click();
      await expect.poll(async () => (await csv.storedLeads()).length).toBe(0);
      await expect(csv.importSection.getByText(fill(csv.m.done.undone_other, { n: 3 }))).toBeVisible();
      await csv.importSection.getByRole('button', { name: csv.m.done.redo }).click();
      await expect.poll(async () => (await csv.storedLeads()).length).toBe(3);
      await expect(csv.importSection.getByRole('button', { name: csv.m.done.undo })).toBeVisible();
    });

    test('a Shift_JIS business-card export, dropped on the page: 姓 + 名, 部署 + 役職, trade show, the rest kept in the note', async ({ app, page }) => {
      await page.clock.setFixedTime(NOW);
      const csv = new CsvPage(page, language);
      await app.open('/leads/csv');
      await csv.drop('cards-sjis.csv', readFileSync(fixture('cards-sjis.csv')));
      await expect(csv.importSection.getByText(fill(csv.m.import.encoding, { encoding: 'Shift_JIS' }), { exact: true })).toBeVisible();
      await csv.expectMapped('person', '姓');
      await csv.expectMapped('personSecond', '名');
      await csv.expectMapped('department', '部署名');
      await csv.expectMapped('email', 'e-mail');
      await csv.expectMapped('phone', 'TEL会社');
      await csv.expectMapped('createdAt', '名刺交換日');
      await expect(csv.importSection.getByLabel(csv.m.mapping.defaultSource)).toHaveValue('trade-show');
      await expect(csv.importSection.getByRole('checkbox', { name: csv.m.mapping.otherColumnsToNote })).toBeChecked();
      await expect(csv.row(2)).toContainText('㈱髙橋製作所');
      await expect(csv.row(2)).toContainText('髙橋 一郎');
      await expect(csv.row(2)).toContainText('営業部 課長');
      await expect(csv.counts).toHaveText(csv.countsText(2, 0, 0));
      await app.screenshot(`${language}-csv-business-cards`);

      await csv.importButton(2).click();
      await expect(csv.importedToast(2)).toBeVisible();
      const stored = await csv.storedLeads();
      expect(stored[0]).toMatchObject({ company: '㈱髙橋製作所', person: '髙橋 一郎', title: '営業部 課長', source: 'trade-show', note: '携帯電話: 090-0000-2222\n住所: 東京都千代田区1-1' });
    });

    test('a row with errors blocks the import until it is fixed or excluded; nothing is half-imported', async ({ app, page }) => {
      await page.clock.setFixedTime(NOW);
      const csv = new CsvPage(page, language);
      const errors = MESSAGES[language].leads.error;
      await app.open('/leads/csv');
      await csv.choose(fixture('invalid-rows.csv'));
      await expect(csv.counts).toHaveText(csv.countsText(4, 2, 0));
      await expect(csv.row(3)).toContainText(fill(csv.m.preview.issue, { field: csv.m.mapping.field.email, message: errors.email }));
      await expect(csv.row(5)).toContainText(errors.nameRequired);
      await expect(csv.importButton(2)).toBeDisabled();
      await expect(csv.importSection.getByText(fill(csv.m.action.blockedErrors_other, { n: 2 }))).toBeVisible();
      await csv.filter('withErrors').check();
      await expect(csv.table.getByRole('row')).toHaveCount(3);
      await app.screenshot(`${language}-csv-errors`);
      expect(await csv.storedLeads()).toEqual([]);

      // Fix row 3 in the app: a wrong fix is refused in the dialog, a good one is applied.
      await csv.row(3).getByRole('button', { name: fill(csv.m.preview.fixRow, { line: 3 }) }).click();
      const dialog = page.getByRole('dialog', { name: fill(csv.m.edit.title, { line: 3 }) });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(csv.m.mapping.field.email)).toHaveValue('bob-at-bad.example');
      await dialog.getByLabel(csv.m.mapping.field.email).fill('still wrong');
      await dialog.getByRole('button', { name: csv.m.edit.apply }).click();
      await expect(dialog.getByText(errors.email)).toBeVisible();
      await dialog.getByLabel(csv.m.mapping.field.email).fill('bob@bad.example');
      await dialog.getByRole('button', { name: csv.m.edit.apply }).click();
      await expect(dialog).toBeHidden();
      await expect(csv.counts).toHaveText(csv.countsText(4, 1, 0));

      // Row 5 has no name at all: exclude it, visibly counted.
      await csv.excludeErrors(1).check();
      await csv.filter('all').check();
      await expect(csv.row(5)).toContainText(csv.m.preview.excluded);
      await csv.importButton(3).click();
      await expect(csv.importedToast(3)).toBeVisible();
      const stored = await csv.storedLeads();
      expect(stored.map((l) => [l.company, l.email])).toEqual(
        expect.arrayContaining([
          ['Good Co', 'alice@good.example'],
          ['Bad Mail Co', 'bob@bad.example'],
          ['Other Good Co', 'dan@other.example'],
        ]),
      );
      expect(stored).toHaveLength(3);
    });
  });
}

test.describe('errors, duplicates and the keyboard', () => {
  test.use({ language: 'en' });

  test('duplicates are flagged against saved leads and within the file; skip them or import anyway', async ({ app, page }) => {
    await page.clock.setFixedTime(NOW);
    const csv = new CsvPage(page, 'en');
    await app.open('/leads/csv');
    await csv.choose(fixture('leads-utf8.csv'));
    await csv.importButton(3).click();
    await expect(csv.importedToast(3)).toBeVisible();

    await csv.choose(fixture('duplicates.csv'));
    await expect(csv.counts).toHaveText(csv.countsText(4, 0, 2));
    await expect(csv.row(2)).toContainText(fill(csv.m.preview.duplicateExisting, { by: csv.m.preview.by.email }));
    await expect(csv.row(4)).toContainText(fill(csv.m.preview.duplicateFile, { by: csv.m.preview.by.name, line: 3 }));
    await expect(csv.duplicates('skip')).toBeChecked();
    await expect(csv.importButton(2)).toBeEnabled();
    await csv.table.scrollIntoViewIfNeeded();
    await app.screenshot('en-csv-duplicates');
    await csv.duplicates('importAnyway').check();
    await expect(csv.importButton(4)).toBeEnabled();
    await csv.duplicates('skip').check();
    await csv.importButton(2).click();
    await expect(csv.importedToast(2)).toBeVisible();
    expect((await csv.storedLeads()).map((l) => l.company)).toEqual(expect.arrayContaining(['Fresh Co', 'New Co']));
    expect(await csv.storedLeads()).toHaveLength(5);
  });

  test('Ctrl+O opens the file chooser and Ctrl+Enter imports', async ({ app, page }) => {
    await page.clock.setFixedTime(NOW);
    const csv = new CsvPage(page, 'en');
    await app.open('/leads/csv');
    await expect(csv.importSection).toBeVisible();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Control+O');
    await (await chooser).setFiles(fixture('leads-utf8.csv'));
    await expect(csv.importButton(3)).toBeEnabled();
    await page.keyboard.press('Control+Enter');
    await expect(csv.importedToast(3)).toBeVisible();
    expect(await csv.storedLeads()).toHaveLength(3);
  });

  test('files that cannot be imported say why, in words the user can act on', async ({ app, page }) => {
    const csv = new CsvPage(page, 'en');
    await app.open('/leads/csv');
    const cases: [string, Buffer, string][] = [
      ['empty.csv', Buffer.alloc(0), csv.m.problem.empty],
      ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), csv.m.problem.binary],
      ['leads.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0]), csv.m.problem.spreadsheet],
      ['header-only.csv', Buffer.from('会社名,氏名\r\n'), csv.m.problem.noRows],
      ['euc.csv', Buffer.from([0x61, 0x2c, 0x80, 0xa0, 0xfd, 0xfe, 0x0a]), csv.m.problem.unknownEncoding],
    ];
    for (const [name, buffer, message] of cases) {
      await csv.choose({ name, mimeType: 'text/csv', buffer });
      await expect(csv.problem()).toHaveText(`${name}: ${message}`);
    }
    await app.screenshot('en-csv-bad-file');

    // A file with neither a company nor a person column: said at once, and nothing to import.
    await csv.choose({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from('Email,Phone\na@b.example,03\n') });
    await expect(csv.importSection.getByRole('alert')).toHaveText(csv.m.mapping.noName);
    await expect(csv.importButton()).toBeDisabled();
    await expect(csv.importSection.getByText(csv.m.action.blockedNoName)).toBeVisible();
    await csv.mapping('person').selectOption({ index: 1 });
    await expect(csv.importSection.getByRole('alert')).toHaveCount(0);
  });

  test('export leads and initiatives: UTF-8 with BOM, CRLF, the user\'s labels, and the leads file imports back', async ({ app, page }) => {
    await page.clock.setFixedTime(NOW);
    const csv = new CsvPage(page, 'en');
    await app.open('/leads/csv');
    await expect(csv.exportButton('leads')).toBeDisabled();
    await csv.addInitiative({ id: 'ini-nov', name: 'Nov newsletter', channel: 'newsletter', status: 'running', start: Date.parse('2026-11-01T00:00:00+09:00'), end: Date.parse('2026-12-01T00:00:00+09:00') });
    await page.reload();
    await csv.choose({ name: 'with-initiative.csv', mimeType: 'text/csv', buffer: Buffer.from('Company,Name,Email,Campaign,Amount,Note\n"Acme, Inc.",Jo =Doe,jo@acme.example,Nov newsletter,"1,000","line 1\nline ""2"""\n') });
    await expect(csv.counts).toHaveText(csv.countsText(1, 0, 0));
    await csv.importButton(1).click();
    await expect(csv.importedToast(1)).toBeVisible();

    const download = page.waitForEvent('download');
    await csv.exportButton('leads').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('TwoHats-leads-2026-11-23.csv');
    const bytes = readFileSync(await file.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.startsWith('Lead ID,Created,Company,Person,Title,Email,Phone,Source,Source ID,Source detail,Initiative,Initiative ID,Stage,Stage ID,Value (JPY),')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text.split('\r\n')[1]).toContain('"Acme, Inc.",Jo =Doe,,jo@acme.example,,Other,other,,Nov newsletter,ini-nov,New,new,1000');
    expect(text).toContain('"line 1\nline ""2"""');

    const initiativesDownload = page.waitForEvent('download');
    await csv.exportButton('initiatives').click();
    const initiativesFile = await initiativesDownload;
    expect(initiativesFile.suggestedFilename()).toBe('TwoHats-initiatives-2026-11-23.csv');
    const initiativesText = readFileSync(await initiativesFile.path()).toString('utf8');
    expect(initiativesText.startsWith('\uFEFFInitiative ID,Initiative,Channel,Channel ID,Status,Status ID,Start,End (exclusive),')).toBe(true);
    expect(initiativesText).toContain('ini-nov,Nov newsletter,Newsletter,newsletter,Running,running,2026-11-01 00:00,2026-12-01 00:00');

    // The export imports back as it is: mapped without help, and every row already saved.
    await csv.choose(await file.path());
    await expect(csv.importSection.getByText(fill(csv.m.import.encoding, { encoding: 'UTF-8 (BOM)' }), { exact: true })).toBeVisible();
    await csv.expectMapped('source', 'Source ID');
    await csv.expectMapped('initiative', 'Initiative');
    await csv.expectMapped('value', 'Value (JPY)');
    await expect(csv.importSection.getByText(csv.m.mapping.notImportedColumns)).toBeVisible();
    await expect(csv.counts).toHaveText(csv.countsText(1, 0, 1));
    await expect(csv.row(2)).toContainText(fill(csv.m.preview.duplicateExisting, { by: csv.m.preview.by.email }));
    await csv.duplicates('importAnyway').check();
    await csv.importButton(1).click();
    await expect(csv.importedToast(1)).toBeVisible();
    const stored = await csv.storedLeads();
    expect(stored).toHaveLength(2);
    const { id: _a, updatedAt: _b, ...first } = stored[0] as Record<string, unknown>;
    const { id: _c, updatedAt: _d, ...second } = stored[1] as Record<string, unknown>;
    expect(second).toEqual(first);
  });
});

test('50,000 rows: read, checked and imported without freezing the window (figures printed)', async ({ app, page }) => {
  test.slow();
  await page.clock.setFixedTime(NOW);
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  });
  const csv = new CsvPage(page, 'en');
  const lines = ['会社名,部署名,役職,姓,名,メールアドレス,電話番号,流入経路,登録日,金額,備考'];
  for (let i = 0; i < 50_000; i++) {
    lines.push(`株式会社サンプル${i},営業部,課長,山田,太郎${i},user${i}@example.jp,03-1234-${String(i % 10000).padStart(4, '0')},${['展示会', 'メルマガ', 'セミナー'][i % 3]},2026/${(i % 10) + 1}/${(i % 28) + 1},${(i % 100) * 10000},"メモ, ${i}"`);
  }
  const buffer = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
  // From a file on disk, as a user picks it: a buffer would be handed over by script in the page,
  // and that hand-over itself would count as a long task of the page.
  const big = test.info().outputPath('big.csv');
  writeFileSync(big, buffer);
  await app.open('/leads/csv');
  await expect(csv.importSection).toBeVisible();

  const figures: Record<string, string> = { 'file size': `${(buffer.length / 1e6).toFixed(1)} MB` };
  const record = (name: string, value: string) => {
    figures[name] = value;
    console.log(`  ${name}: ${value}`);
  };
  const resetLongTasks = () => page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
  const longest = async () => `${Math.max(0, ...(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks))).toFixed(0)} ms`;
  // Waiting by role and name walks the page's accessibility tree on its main thread; a plain
  // selector polled twice a second keeps the test's own work out of the long tasks measured.
  const waitForText = (selector: string, text: string, timeout = 120_000) =>
    page.waitForFunction(([s, t]) => [...document.querySelectorAll(s as string)].some((e) => e.textContent?.includes(t as string)), [selector, text], { polling: 500, timeout });
  const waitForEnabled = (text: string) =>
    page.waitForFunction((t) => [...document.querySelectorAll('button')].some((b) => b.textContent === t && !b.disabled), text, { polling: 500, timeout: 120_000 });

  await resetLongTasks();
  let start = Date.now();
  await csv.choose(big);
  await waitForEnabled(fill(csv.m.action.import_other, { n: 50_000 }));
  record('read + parse + check, to the preview', `${Date.now() - start} ms`);
  record('longest main-thread task while reading', await longest());
  await expect(csv.counts).toHaveText(csv.countsText(50_000, 0, 0));
  await app.screenshot('en-csv-50000-preview');

  await resetLongTasks();
  start = Date.now();
  await csv.mapping('note').selectOption('');
  await page.waitForFunction(() => !document.querySelector('#csv-check-progress'), undefined, { polling: 100 });
  await waitForEnabled(fill(csv.m.action.import_other, { n: 50_000 }));
  record('re-check after a mapping change', `${Date.now() - start} ms`);
  record('longest task while re-checking', await longest());

  await resetLongTasks();
  start = Date.now();
  await csv.importButton(50_000).click();
  await waitForText('.toast', fill(csv.m.done.toast_other, { n: 50_000 }));
  record('import, one transaction in 1,000-row chunks', `${Date.now() - start} ms`);
  record('longest task while importing', await longest());
  expect(await page.evaluate(() => document.querySelector('.csv-done')?.textContent ?? '')).toContain(fill(csv.m.done.imported_other, { n: 50_000, name: 'big.csv' }));

  await resetLongTasks();
  start = Date.now();
  const download = page.waitForEvent('download');
  await csv.exportButton('leads').click();
  await download;
  record('export 50,000 leads', `${Date.now() - start} ms`);
  record('longest task while exporting', await longest());

  await resetLongTasks();
  start = Date.now();
  await csv.importSection.getByRole('button', { name: csv.m.done.undo }).click();
  await waitForText('.csv-done', fill(csv.m.done.undone_other, { n: 50_000 }));
  record('undo, one transaction', `${Date.now() - start} ms`);
  record('longest task while undoing', await longest());
  expect(await csv.storedLeads()).toEqual([]);
  console.table(figures);
});

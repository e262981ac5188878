/**
 * 50,000 rows through every step of an import, and back out as an export. Prints the time of each
 * step and the longest stretch without a yield (what would freeze the window); asserts only the
 * results, never the times (a slow machine must not fail the build).
 */
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../shared/csv/decode';
import { parseCsv } from '../../../shared/csv/parse';
import { guessMapping } from '../../../shared/csv/mapping';
import { sourceMatcher } from '../../../shared/csv/sources';
import { convertRecord, initiativeLookup } from '../../../shared/csv/convert';
import { findDuplicates, keysOfLeads } from '../../../shared/csv/duplicates';
import { mapInSlices } from '../../../shared/csv/slices';
import { leadsCsv } from '../../../shared/csv/write';
import type { Lead } from '../../../shared/domain/model';

const ROWS = 50_000;
const SOURCES = ['展示会', 'メルマガ', 'Web問い合わせフォーム', 'セミナー', '紹介', '資料請求'];

function bigCsv(): string {
  const lines = ['会社名,部署名,役職,姓,名,メールアドレス,電話番号,流入経路,登録日,金額,備考'];
  for (let i = 0; i < ROWS; i++) {
    const note = i % 7 === 0 ? `"打ち合わせ済み, ""至急""\n第${i}回"` : `メモ${i}`;
    lines.push(`株式会社サンプル${i % 5000},営業部,課長,山田,太郎${i},user${i}@example.jp,03-1234-${String(i % 10000).padStart(4, '0')},${SOURCES[i % SOURCES.length]},2026/${(i % 12) + 1}/${(i % 28) + 1} 10:${String(i % 60).padStart(2, '0')},${(i % 100) * 10000},${note}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A yield that records the longest synchronous stretch between two yields. */
function stopwatch() {
  let last = performance.now();
  let longest = 0;
  return {
    yieldControl: async () => {
      longest = Math.max(longest, performance.now() - last);
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = performance.now();
    },
    finish: () => Math.max(longest, performance.now() - last),
  };
}

describe(`${ROWS.toLocaleString('en')} rows`, () => {
  it('import and export, timed', async () => {
    const text = bigCsv();
    const bytes = new TextEncoder().encode(`\uFEFF${text}`);
    const times: Record<string, string> = {};
    const time = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
      const start = performance.now();
      const result = await fn();
      times[name] = `${(performance.now() - start).toFixed(0)} ms`;
      return result;
    };

    const decoded = await time('decode (UTF-8, strict)', () => decodeCsvBytes(bytes, (label, options) => new TextDecoder(label, options)));
    if (!decoded.ok) throw new Error(decoded.reason);

    const parseWatch = stopwatch();
    const parsed = await time('parse (128 K-character slices)', () => parseCsv(decoded.text, { yieldControl: parseWatch.yieldControl }));
    times['parse: longest slice'] = `${parseWatch.finish().toFixed(0)} ms`;
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.table.records).toHaveLength(ROWS);

    const { headers, records } = parsed.table;
    const ctx = {
      mapping: guessMapping(headers),
      headers,
      defaultSource: 'other' as const,
      matcher: sourceMatcher([]),
      sourceChoices: {},
      initiativeFor: initiativeLookup([]),
      timeZone: 'Asia/Tokyo',
      now: Date.UTC(2027, 0, 1),
      fractionDigits: 0,
      otherColumnsToNote: false,
      columnName: (i: number) => `#${i}`,
    };
    const convertWatch = stopwatch();
    const rows = await time('convert + validate (1,000-row slices)', () => mapInSlices(records, (r, i) => convertRecord(r, i, ctx), { yieldControl: convertWatch.yieldControl }));
    times['convert: longest slice'] = `${convertWatch.finish().toFixed(0)} ms`;
    if (!rows) throw new Error('cancelled');
    expect(rows.filter((r) => r.issues.length > 0)).toEqual([]);
    expect(rows[7]?.draft).toMatchObject({ person: '山田 太郎7', title: '営業部 課長', source: 'newsletter', note: '打ち合わせ済み, "至急"\n第7回' });

    const existing = keysOfLeads(rows.slice(0, 20_000).map((r) => r.draft));
    const duplicates = await time('duplicates (against 20,000 saved leads)', () =>
      findDuplicates(
        rows.map((r) => ({ line: r.line, emailKey: r.emailKey, nameKey: r.nameKey, hasErrors: false })),
        existing,
      ),
    );
    expect(duplicates.filter(Boolean)).toHaveLength(20_000);

    const leads: Lead[] = rows.map((r, i) => ({ ...r.draft, id: `lead-${i}`, createdAt: r.draft.createdAt ?? 0, stage: 'new', updatedAt: 0 }));
    const exportWatch = stopwatch();
    const csv = await time('export (CSV text, 1,000-lead slices)', () =>
      leadsCsv(leads, new Map(), { header: (c) => c, source: (s) => s, stage: (s) => s, lossReason: (s) => s }, { timeZone: 'Asia/Tokyo', fractionDigits: 0 }, { sliceSize: 1000, yieldControl: exportWatch.yieldControl }),
    );
    times['export: longest slice'] = `${exportWatch.finish().toFixed(0)} ms`;
    expect(csv.split('\r\n').length).toBeGreaterThan(ROWS);

    console.log(`CSV import of ${ROWS.toLocaleString('en')} rows (${(bytes.length / 1e6).toFixed(1)} MB):`);
    console.table(times);
  }, 120_000);
});

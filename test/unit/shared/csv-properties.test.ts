/**
 * Round trips: whatever a lead holds (quotes, commas, newlines, BOMs, leading = + - @, Japanese),
 * exporting it and importing the file gives the same lead back, and parsing is the inverse of
 * writing for any table of strings, whatever the slice size.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCsvBytes, type DecoderFactory } from '../../../shared/csv/decode';
import { parseCsv } from '../../../shared/csv/parse';
import { guessMapping } from '../../../shared/csv/mapping';
import { sourceMatcher } from '../../../shared/csv/sources';
import { convertRecord, initiativeLookup } from '../../../shared/csv/convert';
import { leadsCsv, toCsv, LEAD_EXPORT_COLUMNS } from '../../../shared/csv/write';
import { unescapeFormula } from '../../../shared/csv/text';
import { formatDateTimePlain, zonedInstant } from '../../../shared/csv/values';
import { TZDate } from '@date-fns/tz';
import { normalizeLeadDraft } from '../../../shared/domain/lead-input';
import { SOURCE_IDS, type Lead } from '../../../shared/domain/model';

const decoder: DecoderFactory = (label, options) => new TextDecoder(label, options);
const MINUTE = 60_000;

// Characters that break naive CSV code, plus ordinary Japanese and Latin text.
const tricky = fc.constantFrom('"', ',', '\n', '\r\n', '\r', '\uFEFF', "'", '=', '+', '-', '@', '\t', ' ', '　', '株', '式', '会', '社', 'ｶ', 'a', 'Z', '1', '髙', '😀');
const text = (maxLength: number) => fc.array(tricky, { maxLength }).map((parts) => parts.join(''));
const nonEmpty = (maxLength: number) => fc.tuple(fc.constantFrom('A', '山', 'x'), text(maxLength)).map(([a, b]) => a + b);

const leadArb = fc.record({
  company: nonEmpty(30),
  person: text(20),
  title: text(20),
  email: fc.option(fc.constantFrom('a@b.example', 'Yamada.Taro@example.co.jp', "o'neil+tag@x.example"), { nil: undefined }),
  phone: fc.option(fc.constantFrom('+81 3-1234-5678', '03-1234-5678', '-', '=1+1'), { nil: undefined }),
  source: fc.constantFrom(...SOURCE_IDS),
  sourceDetail: text(20),
  note: text(60),
  value: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: undefined }),
  createdAt: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2026, 10, 1) }),
  initiative: fc.boolean(),
});

// What the app stores: normalizeLeadDraft trims and drops empty fields, and newlines in notes
// come back as "\n" (the import uses one line ending everywhere).
const stored = (draft: Parameters<typeof normalizeLeadDraft>[0]) => {
  const clean = normalizeLeadDraft(draft);
  for (const key of ['company', 'person', 'title', 'sourceDetail', 'note'] as const) {
    const value = clean[key];
    if (typeof value === 'string') (clean as Record<string, unknown>)[key] = value.replace(/\r\n?/g, '\n');
  }
  return normalizeLeadDraft(clean);
};

describe('CSV round trips', () => {
  it('export → bytes → import gives every lead back', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(leadArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 64, max: 4096 }), async (rows, sliceChars) => {
        const leads: Lead[] = rows.map((r, i) => {
          const draft = stored({ company: r.company, person: r.person, title: r.title, email: r.email, phone: r.phone, source: r.source, sourceDetail: r.sourceDetail, note: r.note, value: r.value });
          return { ...draft, id: `lead-${i}`, createdAt: r.createdAt, stage: 'new', updatedAt: r.createdAt, ...(r.initiative ? { initiativeId: 'ini-1' } : {}) };
        });
        const csv = await leadsCsv(leads, new Map([['ini-1', 'Nov "newsletter", 2026']]), { header: (c) => c, source: (s) => s, stage: (s) => s, lossReason: (s) => s }, { timeZone: 'Asia/Tokyo', fractionDigits: 0 });
        const decoded = decodeCsvBytes(new TextEncoder().encode(csv), decoder);
        expect(decoded.ok && decoded.encoding).toBe('utf-8-bom');
        if (!decoded.ok) return;
        const parsed = await parseCsv(decoded.text, { sliceChars, yieldControl: () => Promise.resolve() });
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const { headers, records } = parsed.table;
        expect(headers).toEqual([...LEAD_EXPORT_COLUMNS]);
        const mapping = guessMapping(headers, { source: ['sourceId'], createdAt: ['createdAt'], sourceDetail: ['sourceDetail'], initiative: ['initiative'], person: ['person'] });
        const ctx = {
          mapping,
          headers,
          defaultSource: 'other' as const,
          matcher: sourceMatcher([]),
          sourceChoices: {},
          initiativeFor: initiativeLookup([{ id: 'ini-1', name: 'Nov "newsletter", 2026', archived: 0, start: 0 }]),
          timeZone: 'Asia/Tokyo',
          now: Date.UTC(2027, 0, 1),
          fractionDigits: 0,
          otherColumnsToNote: false,
          columnName: (i: number) => `#${i}`,
        };
        const back = records.map((record, i) => convertRecord(record, i, ctx));
        expect(back).toHaveLength(leads.length);
        back.forEach((row, i) => {
          const lead = leads[i] as Lead;
          expect(row.issues).toEqual([]);
          const { id: _id, stage: _stage, updatedAt: _u, createdAt, ...rest } = lead;
          expect(row.draft).toEqual({ ...rest, createdAt: Math.floor(createdAt / MINUTE) * MINUTE });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('parse(write(table)) is the table, for any strings and any slice size', async () => {
    const cell = text(12);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 16, max: 512 }), fc.infiniteStream(cell), async (width, height, sliceChars, cells) => {
        const header = Array.from({ length: width }, (_, i) => `h${i}`);
        // A first cell that is not blank keeps every record (blank records are skipped on purpose).
        const rows = Array.from({ length: height }, () => Array.from({ length: width }, (_, c) => (c === 0 ? `r${cells.next().value}` : (cells.next().value as string))));
        const csv = toCsv(header, rows);
        const parsed = await parseCsv(csv.slice(1), { sliceChars: Math.max(1024, sliceChars) });
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.table.records.map((r) => r.cells.map(unescapeFormula))).toEqual(rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the remembered zone offsets agree with TZDate', () => {
  const zones = fc.constantFrom('Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns', 'Australia/Lord_Howe', 'UTC');
  const pad = (n: number) => String(n).padStart(2, '0');

  it('when writing an instant as local time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }), zones, (instant, zone) => {
        const d = new TZDate(instant, zone);
        expect(formatDateTimePlain(instant, zone)).toBe(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('when reading local time, DST gaps and overlaps included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), zones, (y, mo, d, h, mi, zone) => {
        expect(zonedInstant(y, mo, d, h, mi, 0, zone)).toBe(new TZDate(y, mo - 1, d, h, mi, 0, zone).getTime());
      }),
      { numRuns: 2000 },
    );
  });

  it('on the spring-forward and fall-back days themselves', () => {
    for (const [zone, y, mo, d] of [['America/Los_Angeles', 2026, 3, 8], ['America/Los_Angeles', 2026, 11, 1], ['Europe/Berlin', 2026, 3, 29], ['Europe/Berlin', 2026, 10, 25], ['Australia/Lord_Howe', 2026, 4, 5]] as const) {
      for (let h = 0; h < 24; h++) for (const mi of [0, 15, 30, 59]) expect(zonedInstant(y, mo, d, h, mi, 0, zone), `${zone} ${h}:${mi}`).toBe(new TZDate(y, mo - 1, d, h, mi, 0, zone).getTime());
    }
  });
});

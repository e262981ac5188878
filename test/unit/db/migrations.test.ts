/**
 * Schema upgrades must keep every row. For each released version, this opens a database of that
 * version filled with rows as that version wrote them, reopens it with the current code, and
 * checks every row. When you add a version, add its fixture to FIXTURES_BY_VERSION.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { openDatabase } from '../../../renderer/db/open';
import { LATEST_VERSION, SCHEMA_VERSIONS, type SchemaVersion } from '../../../renderer/db/schema';
import { fixtureRows } from './fixtures';

/** Rows as each version wrote them, and what the current code must read back from them. */
const FIXTURES_BY_VERSION: Record<number, { rows: Record<string, unknown[]>; expected: Record<string, unknown[]> }> = {
  1: { rows: fixtureRows(), expected: fixtureRows() },
};

let names: string[] = [];
afterEach(async () => {
  await Promise.all(names.map((name) => Dexie.delete(name)));
  names = [];
});

function uniqueName(): string {
  const name = `migration-${names.length}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
}

async function fill(db: Dexie, rows: Record<string, unknown[]>): Promise<void> {
  await db.transaction('rw', Object.keys(rows), async () => {
    for (const [table, tableRows] of Object.entries(rows)) await db.table(table).bulkAdd(tableRows);
  });
}

async function readAll(db: Dexie, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) out[table] = await db.table(table).orderBy(':id').toArray();
  return out;
}

describe('schema versions', () => {
  it('are numbered 1, 2, 3… with no gaps', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('each released version has a fixture', () => {
    for (const { version } of SCHEMA_VERSIONS) expect(FIXTURES_BY_VERSION[version], `fixture for v${version}`).toBeDefined();
  });
});

describe.each(SCHEMA_VERSIONS.map((v) => v.version))('a filled database of version %i', (version) => {
  it(`opens with the current code (v${LATEST_VERSION}) and keeps every row`, async () => {
    const name = uniqueName();
    const fixture = FIXTURES_BY_VERSION[version]!;
    const old = new TwoHatsDatabase(name, SCHEMA_VERSIONS.slice(0, version));
    await fill(old, fixture.rows);
    old.close();

    const current = new TwoHatsDatabase(name);
    await current.open();
    expect(current.verno).toBe(LATEST_VERSION);
    expect(await readAll(current, Object.keys(fixture.expected))).toEqual(sortedById(fixture.expected));
    // Indexes the screens rely on answer on the upgraded data.
    expect(await current.timeEntries.where('[kind+start]').between(['marketing', 0], ['marketing', Infinity]).count()).toBeGreaterThan(0);
    expect(await current.leadEvents.where('[leadId+at]').between(['lead-1', 0], ['lead-1', Infinity]).count()).toBe(2);
    current.close();
  });
});

describe('the upgrade harness', () => {
  // Proves the harness runs `upgrade` over existing rows, using a future version defined here only.
  it('runs a new version’s upgrade over every existing row inside the open', async () => {
    const name = uniqueName();
    const old = new TwoHatsDatabase(name);
    await fill(old, fixtureRows());
    old.close();

    const next: SchemaVersion = {
      version: LATEST_VERSION + 1,
      stores: { leads: 'id, createdAt, stage, [stage+createdAt], source, initiativeId, email, nextActionAt, companyKey' },
      upgrade: async (tx) => {
        await tx
          .table('leads')
          .toCollection()
          .modify((lead: { company: string; companyKey?: string }) => {
            lead.companyKey = lead.company.toLowerCase();
          });
      },
    };
    const upgraded = new TwoHatsDatabase(name, [...SCHEMA_VERSIONS, next]);
    await upgraded.open();
    const leads = await upgraded.table('leads').where('companyKey').equals('acme').toArray();
    expect(leads.map((l: { id: string }) => l.id)).toEqual(['lead-1']);
    expect(await upgraded.timeEntries.count()).toBe(fixtureRows().timeEntries!.length);
    upgraded.close();
  });

  it('refuses to open a database written by a newer version, and leaves it as it was', async () => {
    const name = uniqueName();
    const newer = new TwoHatsDatabase(name, [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {} }]);
    await fill(newer, { leads: fixtureRows().leads! });
    newer.close();

    expect(await openDatabase(() => new TwoHatsDatabase(name))).toEqual({ ok: false, failure: { cause: 'newer-version' } });

    const again = new TwoHatsDatabase(name, [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {} }]);
    expect(await again.leads.count()).toBe(fixtureRows().leads!.length);
    again.close();
  });
});

function sortedById(rows: Record<string, unknown[]>): Record<string, unknown[]> {
  return Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [table, [...list].sort((a, b) => String((a as { id: unknown }).id).localeCompare(String((b as { id: unknown }).id)))]),
  );
}

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TwoHatsDatabase } from '../../../renderer/db/database';
import { classifyOpenError, openDatabase } from '../../../renderer/db/open';
import { SCHEMA_VERSIONS, LATEST_VERSION } from '../../../renderer/db/schema';

describe('openDatabase', () => {
  it('opens a new database at the latest version', async () => {
    const result = await openDatabase(() => new TwoHatsDatabase('open-fresh'));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.db.verno).toBe(LATEST_VERSION);
      result.db.close();
    }
    await Dexie.delete('open-fresh');
  });

  it('reports a database from a newer app as such, and does not delete it', async () => {
    const newer = new TwoHatsDatabase('open-newer', [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {} }]);
    await newer.leads.add({ id: 'kept', createdAt: 1, company: 'A', person: 'B', source: 'seo', stage: 'new', updatedAt: 1 });
    newer.close();
    const result = await openDatabase(() => new TwoHatsDatabase('open-newer'));
    expect(result).toEqual({ ok: false, failure: { cause: 'newer-version' } });
    const again = new TwoHatsDatabase('open-newer', [...SCHEMA_VERSIONS, { version: LATEST_VERSION + 1, stores: {} }]);
    expect(await again.leads.get('kept')).toBeDefined();
    again.close();
    await Dexie.delete('open-newer');
  });
});

describe('classifyOpenError', () => {
  it.each([
    [{ name: 'VersionError' }, { cause: 'newer-version' }],
    [{ name: 'MissingAPIError' }, { cause: 'no-indexeddb' }],
    [{ name: 'OpenFailedError', inner: { name: 'QuotaExceededError' } }, { cause: 'quota' }],
    [{ name: 'OpenFailedError', inner: { name: 'SecurityError' } }, { cause: 'no-indexeddb' }],
  ])('%o → %o', (error, failure) => {
    expect(classifyOpenError(error)).toEqual(failure);
  });

  it('keeps the message of anything else', () => {
    expect(classifyOpenError(new Error('disk on fire'))).toEqual({ cause: 'unknown', message: 'disk on fire' });
  });
});

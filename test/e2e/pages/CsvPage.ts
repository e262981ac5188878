import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../fixtures';
import { MESSAGES } from './labels';

/** Widened to strings: the Japanese messages have the English shape, not its literal texts. */
type CsvMessages = (typeof MESSAGES)['ja']['leadCsv'];
export type MappingField = keyof CsvMessages['mapping']['field'];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Import {{n}} leads" with n = 3 → "Import 3 leads"; numbers as the app formats them. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => {
    const value = params[key];
    return typeof value === 'number' ? value.toLocaleString('en-US') : String(value ?? '');
  });
}

/** A template as a pattern: every placeholder matches anything. */
export function pattern(template: string): RegExp {
  return new RegExp(`^${template.split(/{{\s*\w+\s*}}/).map(escape).join('.+')}$`);
}

/** Leads → Import / export. */
export class CsvPage {
  constructor(
    readonly page: Page,
    public language: Language,
  ) {}

  get m(): CsvMessages {
    return MESSAGES[this.language].leadCsv as CsvMessages;
  }

  private plural(group: object, key: string, n: number): string {
    const form = this.language === 'en' && n === 1 ? `${key}_one` : `${key}_other`;
    return fill((group as Record<string, string>)[form] as string, { n });
  }

  get importSection(): Locator {
    return this.page.getByRole('region', { name: this.m.import.title });
  }

  get exportSection(): Locator {
    return this.page.getByRole('region', { name: this.m.export.title });
  }

  get fileInput(): Locator {
    return this.page.getByLabel(this.m.import.choose, { exact: true });
  }

  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.fileInput.setInputFiles(file);
  }

  /** Drops a file on the drop zone the way a file manager does (a DataTransfer with one File). */
  async drop(name: string, bytes: Buffer, type = 'text/csv'): Promise<void> {
    const zone = this.page.getByTestId('csv-drop-zone');
    const transfer = await this.page.evaluateHandle(
      ({ name, data, type }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], name, { type }));
        return dt;
      },
      { name, data: [...bytes], type },
    );
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    await zone.dispatchEvent('drop', { dataTransfer: transfer });
  }

  mapping(field: MappingField): Locator {
    return this.importSection.getByLabel(this.m.mapping.field[field], { exact: true });
  }

  /** The option text a mapping select shows for a column (its name, plus an example when it has one). */
  async expectMapped(field: MappingField, columnName: string | null): Promise<void> {
    const select = this.mapping(field);
    if (columnName === null) {
      await expect(select).toHaveValue('');
      return;
    }
    const selected = select.locator('option:checked');
    await expect(selected).toHaveText(new RegExp(`^${escape(columnName)}`));
  }

  get preview(): Locator {
    return this.importSection.getByRole('region', { name: this.m.preview.title });
  }

  get table(): Locator {
    return this.preview.getByRole('table');
  }

  /** A preview row by its spreadsheet row number. */
  row(line: number): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: String(line), exact: true }) });
  }

  get counts(): Locator {
    return this.importSection.getByRole('group', { name: this.m.action.group }).getByRole('status');
  }

  countsText(rows: number, errors: number, duplicates: number): string {
    return fill(this.m.preview.counts, {
      rows: this.plural(this.m.import, 'rows', rows),
      errors: this.plural(this.m.preview, 'errors', errors),
      duplicates: this.plural(this.m.preview, 'duplicates', duplicates),
    });
  }

  importButton(n?: number): Locator {
    const name = n === undefined ? pattern(this.m.action.import_other) : this.plural(this.m.action, 'import', n);
    return this.importSection.getByRole('button', { name, exact: n !== undefined });
  }

  excludeErrors(n: number): Locator {
    return this.importSection.getByRole('checkbox', { name: this.plural(this.m.options, 'excludeErrors', n) });
  }

  duplicates(choice: 'skip' | 'importAnyway'): Locator {
    return this.importSection.getByRole('radio', { name: this.m.options[choice] });
  }

  filter(which: 'all' | 'withErrors' | 'duplicates'): Locator {
    return this.preview.getByRole('radio', { name: which === 'all' ? this.m.preview.all : pattern(this.m.preview[which]) });
  }

  problem(): Locator {
    return this.importSection.getByRole('alert');
  }

  toast(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  importedToast(n: number): Locator {
    return this.toast(this.plural(this.m.done, 'toast', n));
  }

  exportButton(kind: 'leads' | 'initiatives'): Locator {
    return this.exportSection.getByRole('button', { name: kind === 'leads' ? this.m.export.exportLeads : this.m.export.exportInitiatives });
  }

  /** The leads as stored in IndexedDB, oldest first: what the import really wrote. */
  storedLeads(): Promise<Record<string, unknown>[]> {
    return this.page.evaluate(
      () =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const open = indexedDB.open('twohats');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('leads').objectStore('leads').index('createdAt').getAll();
            request.onsuccess = () => {
              db.close();
              resolve(request.result as Record<string, unknown>[]);
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );
  }

  /** Adds an initiative straight into IndexedDB (Initiatives has its own tests). */
  addInitiative(initiative: { id: string; name: string; channel: string; status: string; start: number; end: number }): Promise<void> {
    return this.page.evaluate(
      (row) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('twohats');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('initiatives', 'readwrite');
            tx.objectStore('initiatives').put({ ...row, archived: 0, createdAt: row.start, updatedAt: row.start });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      initiative,
    );
  }
}

import * as realFs from 'node:fs/promises';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BaseWindow, Dialog, SaveDialogOptions, Shell, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSavedFiles, PDF_OPTIONS, printCurrentWindowToPdf } from '../../../electron/pdf';
import type { AtomicWriteFs } from '../../../electron/files';
import { as } from './fakes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'twohats-pdf-'));
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.7 report');
const request = { suggestedName: 'TwoHats-report-2026-11.pdf' };

function fakeWebContents(print: () => Promise<Buffer> = async () => PDF) {
  const printToPDF = vi.fn(print);
  return { webContents: as<Pick<WebContents, 'printToPDF'>>({ printToPDF }), printToPDF };
}

/** A save dialog that answers `filePath` (or cancels), remembering what it was asked. */
function fakeDialog(answer: { canceled: boolean; filePath?: string } | Error) {
  const calls: { window: unknown; options: SaveDialogOptions }[] = [];
  const showSaveDialog = async (...args: unknown[]) => {
    const [window, options] = args.length === 2 ? args : [null, args[0]];
    calls.push({ window, options: options as SaveDialogOptions });
    if (answer instanceof Error) throw answer;
    return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
  };
  return { dialog: as<Pick<Dialog, 'showSaveDialog'>>({ showSaveDialog }), calls };
}

const options = (window: BaseWindow | null = null) => ({ window, defaultDir: '/home/user/Downloads' });

describe('printCurrentWindowToPdf', () => {
  it('prints A4 portrait with the print stylesheet, asks where, and writes the PDF there', async () => {
    const { webContents, printToPDF } = fakeWebContents();
    const target = path.join(dir, 'TwoHats-report-2026-11.pdf');
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: target });
    const window = as<BaseWindow>({});
    const result = await printCurrentWindowToPdf(webContents, dialog, realFs, request, options(window));
    expect(result).toEqual({ status: 'saved', path: target });
    expect(printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', landscape: false, printBackground: true, preferCSSPageSize: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.window).toBe(window);
    expect(calls[0]?.options.defaultPath).toBe(path.join('/home/user/Downloads', 'TwoHats-report-2026-11.pdf'));
    expect(calls[0]?.options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
    expect(await readFile(target)).toEqual(PDF);
    expect(await readdir(dir)).toEqual(['TwoHats-report-2026-11.pdf']);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { webContents } = fakeWebContents();
    const { dialog } = fakeDialog({ canceled: true });
    expect(await printCurrentWindowToPdf(webContents, dialog, realFs, request, options())).toEqual({ status: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a failed print before asking for a place', async () => {
    const { webContents } = fakeWebContents(() => Promise.reject(new Error('renderer gone')));
    const { dialog, calls } = fakeDialog({ canceled: false, filePath: path.join(dir, 'x.pdf') });
    const result = await printCurrentWindowToPdf(webContents, dialog, realFs, request, options());
    expect(result).toEqual({ status: 'failed', message: 'Could not make the PDF (renderer gone).' });
    expect(calls).toHaveLength(0);
  });

  it('says so when the window is gone', async () => {
    const { dialog } = fakeDialog({ canceled: false, filePath: path.join(dir, 'x.pdf') });
    expect(await printCurrentWindowToPdf(null, dialog, realFs, request, options())).toMatchObject({ status: 'failed' });
  });

  it('gives a clear message and leaves no partial file when the folder cannot be written', async () => {
    const { webContents } = fakeWebContents();
    const locked = path.join(dir, 'locked');
    await realFs.mkdir(locked);
    await chmod(locked, 0o500);
    const target = path.join(locked, 'report.pdf');
    const { dialog } = fakeDialog({ canceled: false, filePath: target });
    // Root may write anywhere; a refusing fs stands in for the permission error then.
    const fs: AtomicWriteFs = process.getuid?.() === 0 ? { ...realFs, open: () => Promise.reject(Object.assign(new Error('EACCES: denied'), { code: 'EACCES' })) } : realFs;
    const result = await printCurrentWindowToPdf(webContents, dialog, fs, request, options());
    expect(result).toEqual({ status: 'failed', message: 'Could not save “report.pdf”: you do not have permission to write there. Choose another folder.' });
    await chmod(locked, 0o700);
    expect(await readdir(locked)).toEqual([]);
  });

  it('keeps the old file whole when the disk fills up mid-write', async () => {
    const { webContents } = fakeWebContents();
    const target = path.join(dir, 'report.pdf');
    await writeFile(target, 'last month’s report');
    const { dialog } = fakeDialog({ canceled: false, filePath: target });
    const full: AtomicWriteFs = {
      ...realFs,
      open: async (file, flags) => {
        const handle = await realFs.open(file, flags);
        return Object.assign(Object.create(handle) as realFs.FileHandle, {
          writeFile: async () => {
            throw Object.assign(new Error('ENOSPC: full'), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
        });
      },
    };
    const result = await printCurrentWindowToPdf(webContents, dialog, full, request, options());
    expect(result).toMatchObject({ status: 'failed', message: expect.stringContaining('the disk is full') });
    expect(await readFile(target, 'utf8')).toBe('last month’s report');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('reports a dialog that cannot open', async () => {
    const { webContents } = fakeWebContents();
    const { dialog } = fakeDialog(new Error('no display'));
    expect(await printCurrentWindowToPdf(webContents, dialog, realFs, request, options())).toEqual({
      status: 'failed',
      message: 'Could not open the save dialog (no display).',
    });
  });
});

describe('createSavedFiles', () => {
  it('shows only files this app saved', () => {
    const showItemInFolder = vi.fn();
    const files = createSavedFiles(as<Pick<Shell, 'showItemInFolder'>>({ showItemInFolder }));
    const saved = path.join(dir, 'TwoHats-report-2026-11.pdf');
    expect(files.remember({ status: 'saved', path: saved })).toEqual({ status: 'saved', path: saved });
    files.remember({ status: 'cancelled' });
    files.showInFolder(saved);
    expect(showItemInFolder).toHaveBeenCalledWith(saved);
    expect(() => files.showInFolder('/etc/passwd')).toThrow(/refused/);
    expect(() => files.showInFolder(path.join(dir, 'other.pdf'))).toThrow(/refused/);
    expect(showItemInFolder).toHaveBeenCalledTimes(1);
  });
});

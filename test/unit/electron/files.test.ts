import * as realFs from 'node:fs/promises';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BaseWindow, Dialog, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSaveError, saveFileWithDialog, writeFileAtomic, type AtomicWriteFs } from '../../../electron/files';
import type { SaveFileRequest } from '../../../shared/bridge';
import { as } from './fakes';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'twohats-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('writeFileAtomic', () => {
  it('writes text and bytes, and replaces an existing file', async () => {
    const target = path.join(dir, 'report.pdf');
    await writeFileAtomic(target, new Uint8Array([37, 80, 68, 70]), realFs);
    expect(await readFile(target)).toEqual(Buffer.from('%PDF'));
    await writeFileAtomic(target, '営業とマーケティング', realFs);
    expect(await readFile(target, 'utf8')).toBe('営業とマーケティング');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('leaves the target untouched and no temporary file when the rename fails', async () => {
    const target = path.join(dir, 'backup.json');
    await writeFile(target, 'the old backup');
    const failing: AtomicWriteFs = { ...realFs, rename: () => Promise.reject(errno('EXDEV')) };
    await expect(writeFileAtomic(target, 'the new backup', failing)).rejects.toThrow(/EXDEV/);
    expect(await readFile(target, 'utf8')).toBe('the old backup');
    expect(await readdir(dir)).toEqual(['backup.json']);
  });

  it('removes a half-written temporary file when the disk fills up', async () => {
    const target = path.join(dir, 'report.pdf');
    await writeFile(target, 'the old report');
    const failing: AtomicWriteFs = {
      ...realFs,
      open: async (file, flags) => {
        const handle = await realFs.open(file, flags);
        // Half the bytes reach the disk, then the write fails as on a full disk.
        return Object.assign(Object.create(handle) as realFs.FileHandle, {
          writeFile: async (data: string | Uint8Array) => {
            await handle.writeFile(typeof data === 'string' ? data.slice(0, data.length / 2) : data.subarray(0, data.length / 2));
            throw errno('ENOSPC');
          },
          close: () => handle.close(),
        });
      },
    };
    await expect(writeFileAtomic(target, 'x'.repeat(10_000), failing)).rejects.toThrow(/ENOSPC/);
    expect(await readFile(target, 'utf8')).toBe('the old report');
    expect(await readdir(dir)).toEqual(['report.pdf']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    const target = path.join(dir, 'missing', 'report.pdf');
    await expect(writeFileAtomic(target, 'x', realFs)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('flushes the data before renaming it into place', async () => {
    const target = path.join(dir, 'report.pdf');
    const steps: string[] = [];
    const tracing: AtomicWriteFs = {
      ...realFs,
      open: async (file, flags) => {
        steps.push(`open ${flags}`);
        const handle = await realFs.open(file, flags);
        return Object.assign(Object.create(handle) as realFs.FileHandle, {
          writeFile: (data: string | Uint8Array) => (steps.push('write'), handle.writeFile(data)),
          sync: () => (steps.push('sync'), handle.sync()),
          close: () => (steps.push('close'), handle.close()),
        });
      },
      rename: (from, to) => (steps.push('rename'), realFs.rename(from, to)),
    };
    await writeFileAtomic(target, 'data', tracing);
    expect(steps).toEqual(['open wx', 'write', 'sync', 'close', 'rename']);
  });
});

describe('saveFileWithDialog', () => {
  const request: SaveFileRequest = {
    suggestedName: 'TwoHats-report-2026-11.pdf',
    data: new Uint8Array([37, 80, 68, 70]),
    filter: { name: 'PDF', extensions: ['pdf'] },
  };

  function fakeDialog(answer: { canceled: boolean; filePath: string } | Error) {
    const calls: unknown[][] = [];
    const dialog = {
      showSaveDialog: (...args: unknown[]) => {
        calls.push(args);
        return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
      },
    };
    return { dialog: as<Pick<Dialog, 'showSaveDialog'>>(dialog), calls };
  }

  it('starts in Downloads with the suggested name and the filter, attached to the window', async () => {
    const { dialog, calls } = fakeDialog({ canceled: true, filePath: '' });
    const window = as<BaseWindow>({ id: 1 });
    await saveFileWithDialog(request, { dialog, window, fs: realFs, downloadsDir: '/home/u/Downloads' });
    expect(calls).toHaveLength(1);
    const [parent, options] = calls[0] as [unknown, SaveDialogOptions];
    expect(parent).toBe(window);
    expect(options.defaultPath).toBe(path.join('/home/u/Downloads', 'TwoHats-report-2026-11.pdf'));
    expect(options.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });

  it('opens a free-standing dialog when there is no window', async () => {
    const { dialog, calls } = fakeDialog({ canceled: true, filePath: '' });
    await saveFileWithDialog(request, { dialog, window: null, fs: realFs, downloadsDir: dir });
    expect(calls[0]).toHaveLength(1);
  });

  it('reports a cancelled dialog and writes nothing', async () => {
    const { dialog } = fakeDialog({ canceled: true, filePath: '' });
    expect(await saveFileWithDialog(request, { dialog, window: null, fs: realFs, downloadsDir: dir })).toEqual({ status: 'cancelled' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves where the user chose', async () => {
    const chosen = path.join(dir, '11月の報告.pdf');
    const { dialog } = fakeDialog({ canceled: false, filePath: chosen });
    expect(await saveFileWithDialog(request, { dialog, window: null, fs: realFs, downloadsDir: dir })).toEqual({ status: 'saved', path: chosen });
    expect(await readFile(chosen)).toEqual(Buffer.from('%PDF'));
  });

  it('reports a failed write with a sentence the user can act on', async () => {
    const chosen = path.join(dir, 'report.pdf');
    const { dialog } = fakeDialog({ canceled: false, filePath: chosen });
    const fs: AtomicWriteFs = { ...realFs, rename: () => Promise.reject(errno('ENOSPC')) };
    expect(await saveFileWithDialog(request, { dialog, window: null, fs, downloadsDir: dir })).toEqual({
      status: 'failed',
      message: 'Could not save “report.pdf”: the disk is full. Free some space or choose another drive.',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reports a dialog that could not open', async () => {
    const { dialog } = fakeDialog(new Error('no display'));
    const result = await saveFileWithDialog(request, { dialog, window: null, fs: realFs, downloadsDir: dir });
    expect(result).toEqual({ status: 'failed', message: 'Could not open the save dialog (no display).' });
  });
});

describe('describeSaveError', () => {
  it('names the file and explains known errors', () => {
    expect(describeSaveError(errno('EACCES'), '/x/a.pdf')).toMatch(/^Could not save “a.pdf”: you do not have permission/);
    expect(describeSaveError(errno('EBUSY'), '/x/a.pdf')).toMatch(/open in another app/);
    expect(describeSaveError(errno('EROFS'), '/x/a.pdf')).toMatch(/read-only/);
  });

  it('falls back to the code or the message', () => {
    expect(describeSaveError(errno('EWEIRD'), '/x/a.pdf')).toBe('Could not save “a.pdf” (EWEIRD).');
    expect(describeSaveError(new Error('boom'), '/x/a.pdf')).toBe('Could not save “a.pdf” (boom).');
    expect(describeSaveError('boom', '/x/a.pdf')).toBe('Could not save “a.pdf” (boom).');
  });
});

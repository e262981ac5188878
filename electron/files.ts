/**
 * Saving the files the renderer hands over (report PDFs, backups, CSV exports). A save either
 * replaces the target completely or leaves it as it was: the bytes go to a temporary file next to
 * it, are flushed to disk, and only then renamed over the target (a rename within one folder is
 * atomic). A crash or a full disk never leaves half a report behind.
 */
import { randomUUID } from 'node:crypto';
import type fsPromises from 'node:fs/promises';
import path from 'node:path';
import type { BaseWindow, Dialog } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '../shared/bridge';

export type AtomicWriteFs = Pick<typeof fsPromises, 'open' | 'rename' | 'rm'>;

export async function writeFileAtomic(target: string, data: string | Uint8Array, fs: AtomicWriteFs): Promise<void> {
  // Short and hidden: the target's own name may already be near the file system's length limit.
  const temp = path.join(path.dirname(target), `.twohats-${randomUUID().slice(0, 8)}.tmp`);
  let handle: fsPromises.FileHandle | undefined;
  try {
    handle = await fs.open(temp, 'wx');
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'you do not have permission to write there. Choose another folder.',
  EPERM: 'the file or folder is protected, or the file is open in another app. Close it or choose another name.',
  EBUSY: 'the file is open in another app. Close it and save again.',
  ENOSPC: 'the disk is full. Free some space or choose another drive.',
  EDQUOT: 'your disk quota is used up. Free some space or choose another drive.',
  EROFS: 'that drive is read-only. Choose another folder.',
  ENOENT: 'the folder no longer exists. Choose another folder.',
  EISDIR: 'a folder already has that name. Choose another name.',
  ENAMETOOLONG: 'the name is too long. Choose a shorter name.',
};

/** A sentence the user can act on, rather than an errno. */
export function describeSaveError(error: unknown, filePath: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const name = path.basename(filePath);
  const reason = code !== undefined ? REASONS[code] : undefined;
  if (reason) return `Could not save “${name}”: ${reason}`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not save “${name}” (${code ?? detail}).`;
}

export interface SaveDialogDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** The dialog is attached to this window (a sheet on macOS); none when it is gone. */
  window: BaseWindow | null;
  fs: AtomicWriteFs;
  /** Where the dialog opens first: app.getPath('downloads'). */
  downloadsDir: string;
}

/** Asks where to save (the request has been validated by ipc.ts), then writes atomically. */
export async function saveFileWithDialog(request: SaveFileRequest, deps: SaveDialogDeps): Promise<SaveFileResult> {
  const options = {
    defaultPath: path.join(deps.downloadsDir, request.suggestedName),
    filters: [{ name: request.filter.name, extensions: request.filter.extensions }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  };
  let chosen: string | undefined;
  try {
    const result = deps.window ? await deps.dialog.showSaveDialog(deps.window, options) : await deps.dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return { status: 'cancelled' };
    chosen = result.filePath;
  } catch (error) {
    return { status: 'failed', message: `Could not open the save dialog (${error instanceof Error ? error.message : String(error)}).` };
  }
  try {
    await writeFileAtomic(chosen, request.data, deps.fs);
    return { status: 'saved', path: chosen };
  } catch (error) {
    return { status: 'failed', message: describeSaveError(error, chosen) };
  }
}

/**
 * The report PDF: Chromium's own print-to-PDF of the window's print view (the renderer has put
 * the report's print view on screen, with its print stylesheet: A4 portrait, its header and its
 * page numbers in @page margin boxes), then the save dialog, then an atomic write (files.ts). The
 * PDF is made before the dialog opens, so a failure is reported without asking for a place first,
 * and a cancelled dialog or an unwritable folder leaves no file behind.
 */
import path from 'node:path';
import type { BaseWindow, Dialog, Shell, WebContents } from 'electron';
import type { PrintToPdfRequest, SaveFileResult } from '../shared/bridge';
import { describeSaveError, writeFileAtomic, type AtomicWriteFs } from './files';

/**
 * The print options. The page size, margins, header and page numbers come from the print
 * stylesheet (`preferCSSPageSize`, @page margin boxes), the same one the browser's print dialog
 * uses, so the two shells print the same pages; Chromium's own header and footer stay off.
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  landscape: false,
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: false,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
} as const satisfies Electron.PrintToPDFOptions;

export interface PdfSaveOptions {
  /** The dialog is attached to this window (a sheet on macOS); none when it is gone. */
  window: BaseWindow | null;
  /** Where the dialog opens first: app.getPath('documents') or 'downloads'. */
  defaultDir: string;
}

export async function printCurrentWindowToPdf(
  webContents: Pick<WebContents, 'printToPDF'> | null,
  dialog: Pick<Dialog, 'showSaveDialog'>,
  fs: AtomicWriteFs,
  request: PrintToPdfRequest,
  options: PdfSaveOptions,
): Promise<SaveFileResult> {
  if (!webContents) return { status: 'failed', message: 'The TwoHats window is closed, so there is nothing to print.' };
  let pdf: Uint8Array;
  try {
    pdf = await webContents.printToPDF(PDF_OPTIONS);
  } catch (error) {
    return { status: 'failed', message: `Could not make the PDF (${error instanceof Error ? error.message : String(error)}).` };
  }
  const dialogOptions = {
    defaultPath: path.join(options.defaultDir, request.suggestedName),
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  };
  let chosen: string;
  try {
    const result = options.window ? await dialog.showSaveDialog(options.window, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
    if (result.canceled || !result.filePath) return { status: 'cancelled' };
    chosen = result.filePath;
  } catch (error) {
    return { status: 'failed', message: `Could not open the save dialog (${error instanceof Error ? error.message : String(error)}).` };
  }
  try {
    await writeFileAtomic(chosen, pdf, fs);
    return { status: 'saved', path: chosen };
  } catch (error) {
    return { status: 'failed', message: describeSaveError(error, chosen) };
  }
}

/**
 * "Show in folder" for the files this app saved in this session, and only those: the renderer
 * shows web content, so it may not point the file manager at an arbitrary path.
 */
export function createSavedFiles(shell: Pick<Shell, 'showItemInFolder'>) {
  const saved = new Set<string>();
  return {
    /** Passes a save result through, remembering the path of a saved file. */
    remember(result: SaveFileResult): SaveFileResult {
      if (result.status === 'saved' && result.path) saved.add(path.resolve(result.path));
      return result;
    },
    showInFolder(filePath: string): void {
      const resolved = path.resolve(filePath);
      if (!saved.has(resolved)) throw new Error('showInFolder refused: TwoHats did not save that file.');
      shell.showItemInFolder(resolved);
    },
  };
}

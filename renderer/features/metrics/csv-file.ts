/** Reading a CSV file the user picked or dropped: its bytes to text, whatever Excel saved it as. */

/** Far above any export of weekly or daily metrics; protects the window from a wrong file. */
export const CSV_MAX_BYTES = 20 * 1024 * 1024;

/**
 * UTF-8 (with or without BOM), or Shift_JIS, which Excel on a Japanese Windows still writes by
 * default. UTF-8 is tried strictly first: Shift_JIS would turn UTF-8 bytes into mojibake without
 * complaint, while Shift_JIS text is almost never valid UTF-8.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'shift_jis' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'shift_jis' };
  }
}

export type CsvFileResult = { ok: true; text: string; name: string } | { ok: false; error: 'metrics.import.fileTooLarge' | 'metrics.import.fileUnreadable' };

export async function readCsvFile(file: File): Promise<CsvFileResult> {
  if (file.size > CSV_MAX_BYTES) return { ok: false, error: 'metrics.import.fileTooLarge' };
  try {
    const { text } = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    return { ok: true, text, name: file.name };
  } catch {
    return { ok: false, error: 'metrics.import.fileUnreadable' };
  }
}

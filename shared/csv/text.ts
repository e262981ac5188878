/** Text normalisation shared by header guessing, source matching and duplicate detection. */

/**
 * A comparison key: NFKC (full-width ＡＢＣ１２３ and half-width ｶﾅ fold to their usual forms,
 * ㈱ to (株)), lower case, without any whitespace (ideographic spaces included).
 */
export function foldKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * A header key: like `foldKey`, and without the punctuation people put in column names
 * ("E-mail", "名前（姓）", "Value (JPY)", "TEL_会社"), so "e-mail" and "Email" meet.
 */
export function headerKey(text: string): string {
  return foldKey(text).replace(/[-_・:：()[\]{}【】「」/.。,、'"＊*#]/g, '');
}

/**
 * Spreadsheets run a cell that starts with =, +, -, @, tab or CR as a formula, so exports put a
 * single quote in front of such cells (OWASP's advice against CSV injection). Reading one back
 * drops that quote again, so a phone number "+81 3 …" survives the round trip unchanged. Text
 * that itself starts with quotes before such a character gets one more, so it survives too; a
 * leading newline counts as well, because the import reads a CR as a newline.
 */
export const FORMULA_START = /^'*[=+\-@\t\r\n]/;

export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/** A cell as the import uses it: formula escape removed, surrounding whitespace trimmed. */
export function cellText(cell: string | undefined): string {
  return cell === undefined ? '' : unescapeFormula(cell.trim()).trim();
}

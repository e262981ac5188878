/**
 * Every row of the file converted and checked, in slices (a 50,000-row file must not freeze the
 * window), again whenever the mapping, a choice, a fix, the initiatives or the saved leads change.
 * The previous result stays on screen while a new check runs, so the preview never blanks.
 */
import { useEffect, useMemo, useState } from 'react';
import { convertRecord, initiativeLookup, type ConvertContext, type ConvertedRow, type RowEdit } from '../../../../shared/csv/convert';
import { duplicateFinder, type DuplicateOf, type ExistingKeys } from '../../../../shared/csv/duplicates';
import { mapInSlices } from '../../../../shared/csv/slices';
import type { CsvRecord } from '../../../../shared/csv/parse';
import type { Initiative } from '../../../../shared/domain/model';
import type { ImportChoices, LoadedFile } from './importStore';
import { SOURCE_MATCHER } from './matcher';
import { yieldToBrowser } from './yield';


export interface CheckedRow extends ConvertedRow {
  duplicate: DuplicateOf | null;
  edited: boolean;
}

export interface ImportCheck {
  rows: CheckedRow[] | null;
  /** 0–1 while a check runs; null when the rows on screen are current. */
  progress: number | null;
}

export function useImportCheck(file: LoadedFile | null, ctx: ConvertContext | null, edits: Record<number, RowEdit> | undefined, existing: ExistingKeys | undefined): ImportCheck {
  const [state, setState] = useState<ImportCheck>({ rows: null, progress: null });

  useEffect(() => {
    if (!file || !ctx || !edits || !existing) return;
    let cancelled = false;
    const run = async () => {
      // Conversion and the duplicate check go row by row in file order, in the same slices.
      const duplicateOf = duplicateFinder(existing);
      const check = (record: CsvRecord, index: number): CheckedRow => {
        const row = convertRecord(record, index, ctx, edits[index]);
        const duplicate = duplicateOf({ line: row.line, emailKey: row.emailKey, nameKey: row.nameKey, hasErrors: row.issues.length > 0 });
        return Object.assign(row, { duplicate, edited: edits[index] !== undefined });
      };
      // Small files are checked in one slice, before the next paint: no flash of a progress bar.
      const rows = await mapInSlices(file.table.records, check, {
        yieldControl: yieldToBrowser,
        isCancelled: () => cancelled,
        onProgress: (done, total) => {
          if (!cancelled && done < total) setState((s) => ({ rows: s.rows, progress: done / total }));
        },
      });
      if (rows && !cancelled) setState({ rows, progress: null });
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [file, ctx, edits, existing]);

  // A different file never shows the last file's rows.
  const [shownFile, setShownFile] = useState(file);
  if (shownFile !== file) {
    setShownFile(file);
    setState({ rows: null, progress: null });
  }
  return state;
}

/** The conversion context for the current choices; a new object only when the conversion changes. */
export function useConvertContext(
  file: LoadedFile | null,
  choices: ImportChoices | null,
  initiatives: Initiative[] | undefined,
  options: { timeZone: string; fractionDigits: number; columnName: (index: number) => string },
): ConvertContext | null {
  const { timeZone, fractionDigits, columnName } = options;
  const mapping = choices?.mapping;
  const defaultSource = choices?.defaultSource;
  const sourceChoices = choices?.sourceChoices;
  const otherColumnsToNote = choices?.otherColumnsToNote;
  return useMemo(() => {
    if (!file || !mapping || !defaultSource || !sourceChoices || otherColumnsToNote === undefined || !initiatives) return null;
    return {
      mapping,
      headers: file.table.headers,
      defaultSource,
      matcher: SOURCE_MATCHER,
      sourceChoices,
      initiativeFor: initiativeLookup(initiatives),
      timeZone,
      now: file.readAt,
      fractionDigits,
      otherColumnsToNote,
      columnName,
    };
  }, [file, mapping, defaultSource, sourceChoices, otherColumnsToNote, initiatives, timeZone, fractionDigits, columnName]);
}

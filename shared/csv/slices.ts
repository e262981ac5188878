/** Work over many items in slices, giving the event loop a turn between them (see parse.ts). */

export interface SliceRun {
  /** Items per slice. */
  sliceSize?: number;
  onProgress?: (done: number, total: number) => void;
  yieldControl?: () => Promise<void>;
  isCancelled?: () => boolean;
}

/** Maps every item; resolves to null when cancelled. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R, run: SliceRun = {}): Promise<R[] | null> {
  const size = Math.max(1, run.sliceSize ?? 1000);
  const out: R[] = new Array(items.length);
  for (let start = 0; start < items.length; start += size) {
    const end = Math.min(items.length, start + size);
    for (let i = start; i < end; i++) out[i] = fn(items[i] as T, i);
    run.onProgress?.(end, items.length);
    if (run.isCancelled?.()) return null;
    if (end < items.length && run.yieldControl) await run.yieldControl();
  }
  return out;
}

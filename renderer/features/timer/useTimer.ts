/** Live reads for the focus timer: the stored timer row and the box it runs on. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { RunningTimer, TimeBox } from '../../../shared/domain/model';
import { useDb } from '../../app/services';

/** The running (or paused) timer, null when there is none, undefined while loading. */
export function useTimer(): RunningTimer | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.timer.get('current')) ?? null, [db]);
}

export function useBox(id: string | undefined): TimeBox | undefined {
  const db = useDb();
  return useLiveQuery(() => (id ? db.timeBoxes.get(id) : undefined), [db, id]);
}

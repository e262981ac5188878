/** How a timer is named on screen, in the tray and in notifications. */
import type { TFunction } from 'i18next';
import type { RunningTimer, TimeBox } from '../../../shared/domain/model';

export function timerLabel(t: TFunction, timer: Pick<RunningTimer, 'kind' | 'category' | 'note'>, box: Pick<TimeBox, 'title'> | undefined): string {
  if (box?.title) return box.title;
  const base = t('timer.adHocTitle', { kind: t(`kind.${timer.kind}`), category: t(`category.${timer.category}`) });
  return timer.note ? `${base} — ${timer.note}` : base;
}

/** "1:05:09" — a clock reads better than "1 h 5 min" for something ticking. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

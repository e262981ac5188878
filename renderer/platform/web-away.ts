/**
 * The browser's stand-in for the desktop's idle and sleep detection. A page cannot see system
 * idle time, but it can see that it was hidden for a long time, and that its own heartbeat
 * stopped (the laptop slept with the page visible). Either becomes an `away` event, asked about
 * on the user's return, so the browser build never counts a night as work either.
 */
import type { ShellEvent } from '../../shared/bridge';

const HEARTBEAT_MS = 30_000;

export function watchAway(emit: (event: ShellEvent) => void, idleMinutes: () => number): () => void {
  let hiddenAt: number | null = document.visibilityState === 'hidden' ? Date.now() : null;
  let lastBeat = Date.now();
  const threshold = () => idleMinutes() * 60_000;

  const onVisibility = () => {
    const now = Date.now();
    if (document.visibilityState === 'hidden') {
      hiddenAt = now;
      return;
    }
    if (hiddenAt !== null && now - hiddenAt >= threshold()) emit({ type: 'away', from: hiddenAt, to: now, reason: 'idle' });
    hiddenAt = null;
    lastBeat = now;
  };

  const beat = setInterval(() => {
    const now = Date.now();
    // A heartbeat far later than scheduled means the machine slept; hidden time is handled above.
    if (hiddenAt === null && now - lastBeat >= HEARTBEAT_MS + threshold()) {
      emit({ type: 'away', from: lastBeat, to: now, reason: 'suspend' });
    }
    lastBeat = now;
  }, HEARTBEAT_MS);

  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearInterval(beat);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

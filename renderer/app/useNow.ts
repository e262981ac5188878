/**
 * The current instant for display, refreshed every `intervalMs`, so "today" rolls over at
 * midnight without a reload. Figures are computed from it, never from a clock read in render.
 */
import { useEffect, useState } from 'react';

export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The clock, for event handlers (a write stamped when the user acted), never for rendering. */
export const instantOfAction = (): number => Date.now();

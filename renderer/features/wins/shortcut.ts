/**
 * The keyboard of the quick capture.
 *
 * Open from anywhere: Ctrl+Shift+K (⌘⇧K on macOS). Chosen because it is free everywhere the app
 * runs: Ctrl/Cmd+W and Ctrl+Shift+W close windows or tabs, Ctrl+J opens the browser's downloads,
 * Ctrl+Shift+N/T are reserved by Chromium (a page cannot even see them), Ctrl/Cmd+1…6 and
 * Ctrl/Cmd+, are the screens, and Ctrl/Cmd+Shift+Space is the timer's global shortcut. Ctrl+K
 * without Shift is left alone because Japanese IMEs and text fields use it while typing.
 *
 * Inside the capture: Enter saves (from any one-line field or the star), Ctrl/Cmd+Enter saves
 * from anywhere (the note too), Ctrl/Cmd+D toggles the star — the browsers' "bookmark this
 * (☆)" key, so it is both memorable and safe to take over. A starred win is therefore: the
 * chord, the title, Ctrl+D, Enter — three keystrokes plus the title.
 */
import { useEffect } from 'react';
import { useCapture } from '../../stores/capture';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Ctrl on Windows and Linux, ⌘ on macOS: the "command" modifier of each platform. */
export function hasCommandKey(event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey'>): boolean {
  return isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

/**
 * Whether `event` is `letter` with this layout. `key` first (so Dvorak's K is K); the physical
 * key (`code`) only when the layout does not produce Latin letters (Cyrillic, Greek…), and with
 * macOS's Option, which turns letters into symbols.
 */
export function isLetter(event: Pick<KeyboardEvent, 'key' | 'code'>, letter: string): boolean {
  const key = event.key.toLowerCase();
  if (/^[a-z]$/.test(key)) return key === letter;
  return event.code === `Key${letter.toUpperCase()}`;
}

export function isCaptureShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return hasCommandKey(event) && event.shiftKey && !event.altKey && isLetter(event, 'k');
}

export function isStarShortcut(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return hasCommandKey(event) && !event.shiftKey && !event.altKey && isLetter(event, 'd');
}

export function isSaveShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return hasCommandKey(event) && !event.shiftKey && !event.altKey && event.key === 'Enter';
}

/** As shown to the user: "Ctrl+Shift+K" / "⌘⇧K". */
export const captureKeysLabel = isMac ? '⌘⇧K' : 'Ctrl+Shift+K';
export const starKeysLabel = isMac ? '⌘D' : 'Ctrl+D';
/** As `aria-keyshortcuts` wants it. */
export const captureAriaKeys = isMac ? 'Meta+Shift+K' : 'Control+Shift+K';

/** Marks the capture's title field, so a second press of the shortcut puts the cursor back there. */
export const CAPTURE_TITLE_ATTRIBUTE = 'data-win-capture-title';

/**
 * Opens the quick capture from anywhere in the app with Ctrl/Cmd+Shift+K. Call once, in App.
 * While the capture is open, the shortcut brings the cursor back to its title instead.
 * Works on top of another dialog too (logging a win while adding a lead): the capture stacks
 * above it and focus returns to it afterwards.
 */
export function useCaptureShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || event.repeat || !isCaptureShortcut(event)) return;
      event.preventDefault();
      const capture = useCapture.getState();
      if (capture.open) document.querySelector<HTMLElement>(`[${CAPTURE_TITLE_ATTRIBUTE}]`)?.focus();
      else capture.openCapture();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

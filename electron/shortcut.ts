/**
 * The global start/stop shortcut. One accelerator at a time: configuring a new one releases the
 * old one first, so a changed setting never leaves a stale shortcut bound in every other app.
 */
import type { GlobalShortcut } from 'electron';

/** Electron's modifier names (accelerators are case-insensitive). */
const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);

/**
 * Modifiers that make a shortcut safe to take system-wide. Shift and AltGr alone only type
 * another character: "Shift+A" would take the capital A away from every other app.
 */
const COMMAND_MODIFIERS = new Set(['command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'super', 'meta']);

const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
]);

/** Keys nobody types text with, so they may stand alone as a global shortcut. */
const STANDALONE_KEY = /^(f([1-9]|1\d|2[0-4])|volume(up|down|mute)|media(nexttrack|previoustrack|stop|playpause)|printscreen)$/;

/** Characters an accelerator is spelled with: printable ASCII, no spaces ("Space" is a word). */
const ACCELERATOR_CHARACTERS = /^[!-~]*$/;
export const ACCELERATOR_MAX_LENGTH = 60;

function isKey(token: string): boolean {
  if (NAMED_KEYS.has(token) || /^f([1-9]|1\d|2[0-4])$/.test(token) || /^num\d$/.test(token)) return true;
  // One letter, digit or punctuation mark; '+' is spelled "Plus" because it separates the parts.
  return token.length === 1 && token !== '+';
}

/**
 * Whether `accelerator` is modifiers + one key, as Electron parses it, and safe to take from every
 * other app: a letter, digit or Space needs Ctrl/Cmd, Alt or Super, since a bare "Space" would stop
 * the user typing spaces anywhere. F-keys and media keys may stand alone.
 */
export function isUsableAccelerator(accelerator: string): boolean {
  if (accelerator.length === 0 || accelerator.length > ACCELERATOR_MAX_LENGTH || !ACCELERATOR_CHARACTERS.test(accelerator)) return false;
  const tokens = accelerator.toLowerCase().split('+');
  const key = tokens.pop();
  if (key === undefined || !isKey(key)) return false;
  const modifiers = new Set(tokens);
  if (modifiers.size !== tokens.length || !tokens.every((token) => MODIFIERS.has(token))) return false;
  return STANDALONE_KEY.test(key) || tokens.some((token) => COMMAND_MODIFIERS.has(token));
}

export interface TimerShortcut {
  /**
   * Releases the current shortcut and registers `accelerator` ('' for none). Returns whether it is
   * registered: false when it is empty, not usable, or the OS refused it (another app holds it).
   */
  configure(accelerator: string): boolean;
  /** The accelerator registered now, or null. */
  current(): string | null;
  /** Releases the shortcut (on quit). */
  dispose(): void;
}

export function createTimerShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  onToggle: () => void,
): TimerShortcut {
  let registered: string | null = null;

  const release = () => {
    if (registered === null) return;
    globalShortcut.unregister(registered);
    registered = null;
  };

  return {
    configure(accelerator) {
      // The renderer sends its settings whenever they change; the same shortcut again is kept, so
      // it is never briefly free for another app to take.
      if (registered !== null && registered === accelerator) return true;
      // The old one goes even when the new one fails: a shortcut the settings no longer show must
      // not keep starting the timer. The renderer tells the user that the new one was refused.
      release();
      if (!isUsableAccelerator(accelerator)) return false;
      try {
        if (!globalShortcut.register(accelerator, onToggle)) return false;
      } catch (error) {
        // Electron throws on a string it cannot parse as an accelerator.
        console.warn(`The shortcut ${accelerator} could not be registered:`, error);
        return false;
      }
      registered = accelerator;
      return true;
    },
    current: () => registered,
    dispose: release,
  };
}

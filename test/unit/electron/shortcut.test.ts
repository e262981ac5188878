import { describe, expect, it, vi } from 'vitest';
import { createTimerShortcut, isUsableAccelerator } from '../../../electron/shortcut';
import { FakeGlobalShortcut } from './fakes';

const DEFAULT = 'CommandOrControl+Shift+Space';

function setUp(options?: ConstructorParameters<typeof FakeGlobalShortcut>[0]) {
  const globalShortcut = new FakeGlobalShortcut(options);
  const onToggle = vi.fn();
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  return { globalShortcut, onToggle, shortcut: createTimerShortcut(globalShortcut, onToggle), warn };
}

describe('isUsableAccelerator', () => {
  it.each([
    DEFAULT,
    'CmdOrCtrl+Shift+Space',
    'Ctrl+Alt+T',
    'Command+Option+P',
    'Super+F1',
    'Alt+Shift+1',
    'CmdOrCtrl+Plus',
    'Ctrl+;',
    'Ctrl+num5',
    'Ctrl+PageDown',
    'commandorcontrol+shift+space',
    'F13',
    'F24',
    'MediaPlayPause',
    'Shift+F9',
  ])('accepts %s', (accelerator) => {
    expect(isUsableAccelerator(accelerator)).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['Space', 'a bare key everyone types with'],
    ['A', 'a bare letter'],
    ['Shift+A', 'Shift alone only types a capital'],
    ['AltGr+E', 'AltGr alone types a character'],
    ['Ctrl+Shift', 'no key'],
    ['Ctrl+', 'an empty key'],
    ['+Ctrl+A', 'an empty modifier'],
    ['Ctrl++', "'+' is spelled Plus"],
    ['Ctrl+Ctrl+A', 'a modifier twice'],
    ['Ctrl+Hyper+A', 'an unknown modifier'],
    ['Ctrl+Banana', 'an unknown key'],
    ['Ctrl+F25', 'no such F-key'],
    ['Ctrl+A+B', 'two keys'],
    ['Ctrl+Shift+ Space', 'a space'],
    ['Ctrl + Shift + Space', 'spaced out, as people write shortcuts'],
    ['Ｃｔｒｌ＋Ｓｐａｃｅ', 'full-width letters from an IME'],
    ['Ctrl+Shift+\u3000', 'a non-ASCII character'],
    [`Ctrl+${'Shift+'.repeat(11)}A`, 'longer than 60 characters'],
  ])('refuses %j (%s)', (accelerator) => {
    expect(isUsableAccelerator(accelerator)).toBe(false);
  });
});

describe('createTimerShortcut', () => {
  it('registers the shortcut and toggles the timer when it is pressed', () => {
    const { globalShortcut, onToggle, shortcut } = setUp();
    expect(shortcut.configure(DEFAULT)).toBe(true);
    expect(shortcut.current()).toBe(DEFAULT);
    globalShortcut.press(DEFAULT);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('releases the previous shortcut before registering a new one', () => {
    const { globalShortcut, onToggle, shortcut } = setUp();
    shortcut.configure(DEFAULT);
    expect(shortcut.configure('Ctrl+Alt+T')).toBe(true);
    expect([...globalShortcut.registered.keys()]).toEqual(['Ctrl+Alt+T']);
    globalShortcut.press(DEFAULT);
    expect(onToggle).not.toHaveBeenCalled();
  });

  it('keeps the same shortcut registered when it is configured again', () => {
    const { globalShortcut, shortcut } = setUp();
    shortcut.configure(DEFAULT);
    const unregister = vi.spyOn(globalShortcut, 'unregister');
    const register = vi.spyOn(globalShortcut, 'register');
    expect(shortcut.configure(DEFAULT)).toBe(true);
    expect(unregister).not.toHaveBeenCalled();
    expect(register).not.toHaveBeenCalled();
  });

  it('answers false when another app holds the shortcut, and holds none then', () => {
    const { globalShortcut, shortcut } = setUp({ taken: ['Ctrl+Alt+T'] });
    shortcut.configure(DEFAULT);
    expect(shortcut.configure('Ctrl+Alt+T')).toBe(false);
    expect(shortcut.current()).toBeNull();
    // The old one is gone too: the settings no longer show it, so it must not start the timer.
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('tries again after a refusal, e.g. once the other app has let go', () => {
    const { shortcut } = setUp({ taken: ['Ctrl+Alt+T'] });
    expect(shortcut.configure('Ctrl+Alt+T')).toBe(false);
    expect(shortcut.configure(DEFAULT)).toBe(true);
  });

  it('answers false, without calling the OS, for an unusable accelerator', () => {
    const { globalShortcut, shortcut } = setUp();
    const register = vi.spyOn(globalShortcut, 'register');
    expect(shortcut.configure('Space')).toBe(false);
    expect(register).not.toHaveBeenCalled();
  });

  it('turns the shortcut off for an empty accelerator', () => {
    const { globalShortcut, shortcut } = setUp();
    shortcut.configure(DEFAULT);
    expect(shortcut.configure('')).toBe(false);
    expect(globalShortcut.registered.size).toBe(0);
    expect(shortcut.current()).toBeNull();
  });

  it('answers false when Electron throws on the accelerator', () => {
    const { shortcut, warn } = setUp({ unparsable: ['Ctrl+num0'] });
    expect(shortcut.configure('Ctrl+num0')).toBe(false);
    expect(shortcut.current()).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Ctrl+num0'), expect.any(Error));
  });

  it('releases the shortcut on dispose', () => {
    const { globalShortcut, shortcut } = setUp();
    shortcut.configure(DEFAULT);
    shortcut.dispose();
    expect(globalShortcut.registered.size).toBe(0);
    shortcut.dispose();
  });
});

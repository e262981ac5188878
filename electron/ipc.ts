/**
 * The main-process side of shared/bridge.ts. Every request is checked twice before it runs: it
 * must come from the app's own top-level frame, and its arguments must match the contract (the
 * renderer shows web content, so it is treated as untrusted input).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC_CHANNELS, type Bridge, type InvokeChannel } from '../shared/bridge';
import { LANGUAGES, LIMITS } from '../shared/domain/model/settings';
import { ACCELERATOR_MAX_LENGTH } from './shortcut';

export const IPC_LIMITS = {
  notificationText: 500,
  fileName: 200,
  /** A year of data with attachments stays far below this; a runaway renderer does not. */
  fileBytes: 300 * 1024 * 1024,
  filterName: 100,
  extensions: 10,
  timerLabel: 200,
  menuLabel: 60,
  /** Longer than any real path (Windows' long paths stop at 32,767 characters; most far sooner). */
  filePath: 4096,
} as const;

const TIMER_STATES = ['idle', 'running', 'paused'] as const;
const NO_CONTROL_CHARACTERS = /^\P{Cc}*$/u;

type Limits = { [K in keyof typeof IPC_LIMITS]: number };

/** The arguments of each bridge method, as the main process accepts them. */
export function ipcArgumentSchemas(limits: Limits = IPC_LIMITS) {
  const fileName = z
    .string()
    .min(1)
    .max(limits.fileName)
    .refine((name) => !hasForbiddenCharacter(name), 'must be a file name without folders')
    .refine((name) => name.trim() !== '' && name !== '.' && name !== '..' && !name.endsWith('.') && !name.endsWith(' '), 'must be a usable file name');
  const fileData = z.union([
    z.string().refine((text) => text.length <= limits.fileBytes && Buffer.byteLength(text, 'utf8') <= limits.fileBytes, 'is too large'),
    z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= limits.fileBytes, 'is too large'),
  ]);
  const filter = z.strictObject({
    name: z.string().min(1).max(limits.filterName),
    extensions: z
      .array(z.union([z.literal('*'), z.string().regex(/^[A-Za-z0-9]{1,16}$/)]))
      .min(1)
      .max(limits.extensions),
  });
  const text = z.string().max(limits.notificationText);
  const menuLabel = z.string().min(1).max(limits.menuLabel);
  const timerStatus = z.strictObject({
    state: z.enum(TIMER_STATES),
    label: z.string().max(limits.timerLabel),
    // z.number() refuses NaN and ±Infinity, which would print as "NaN:NaN" in the tray.
    runningSince: z.number().nullable(),
    menuLabels: z.strictObject({ start: menuLabel, stop: menuLabel, open: menuLabel, quit: menuLabel }),
  });
  const timerShell = z.strictObject({
    // Short and free of control characters; '' turns the shortcut off (the Settings field may be
    // cleared). The Settings field is free text, so a typo ("Ctrl + Space", full-width letters
    // from an IME) is answered by shortcut.ts with shortcutRegistered: false, not refused here:
    // refusing the call would also drop the idle threshold that comes with it.
    shortcut: z.string().max(ACCELERATOR_MAX_LENGTH).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters'),
    idleMinutes: z.number().int().min(LIMITS.idleMinutes.min).max(LIMITS.idleMinutes.max),
  });

  const pdfName = fileName.refine((name) => name.toLowerCase().endsWith('.pdf'), 'must end in .pdf');
  const filePath = z.string().min(1).max(limits.filePath).regex(NO_CONTROL_CHARACTERS, 'must not contain control characters');

  return {
    getSystemInfo: z.tuple([]),
    setLanguage: z.tuple([z.enum(LANGUAGES)]),
    notify: z.tuple([text, text]),
    saveFile: z.tuple([z.strictObject({ suggestedName: fileName, data: fileData, filter })]),
    printToPdf: z.tuple([z.strictObject({ suggestedName: pdfName })]),
    showInFolder: z.tuple([filePath]),
    setTimerStatus: z.tuple([timerStatus]),
    configureTimerShell: z.tuple([timerShell]),
  } satisfies { [K in InvokeChannel]: z.ZodType<Parameters<Bridge[K]>> };
}

/** What the main process does for each request, once it has been checked. */
export type BridgeHandlers = {
  [K in InvokeChannel]: (...args: Parameters<Bridge[K]>) => ReturnType<Bridge[K]> | Awaited<ReturnType<Bridge[K]>>;
};

export type SenderCheck = (frame: IpcMainInvokeEvent['senderFrame']) => boolean;

/**
 * Registers one `ipcMain.handle` per request channel (menuCommand and shellEvent flow the other way).
 * Returns the function that removes them again.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: BridgeHandlers,
  isTrustedSender: SenderCheck,
  limits: Limits = IPC_LIMITS,
): () => void {
  const schemas = ipcArgumentSchemas(limits);
  // Spelled out per channel so the compiler checks each one against the contract, and refuses a
  // build where a bridge method has no handler.
  const routes: { [K in InvokeChannel]: (args: unknown[]) => ReturnType<BridgeHandlers[K]> } = {
    getSystemInfo: (args) => handlers.getSystemInfo(...parse('getSystemInfo', schemas.getSystemInfo, args)),
    setLanguage: (args) => handlers.setLanguage(...parse('setLanguage', schemas.setLanguage, args)),
    notify: (args) => handlers.notify(...parse('notify', schemas.notify, args)),
    saveFile: (args) => handlers.saveFile(...parse('saveFile', schemas.saveFile, args)),
    printToPdf: (args) => handlers.printToPdf(...parse('printToPdf', schemas.printToPdf, args)),
    showInFolder: (args) => handlers.showInFolder(...parse('showInFolder', schemas.showInFolder, args)),
    setTimerStatus: (args) => handlers.setTimerStatus(...parse('setTimerStatus', schemas.setTimerStatus, args)),
    configureTimerShell: (args) => handlers.configureTimerShell(...parse('configureTimerShell', schemas.configureTimerShell, args)),
  };

  const channels = Object.keys(routes) as InvokeChannel[];
  for (const channel of channels) {
    ipcMain.handle(IPC_CHANNELS[channel], async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame)) {
        throw new Error(`${channel} refused: the request did not come from the TwoHats window.`);
      }
      return routes[channel](args);
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(IPC_CHANNELS[channel]);
  };
}

/** Folder separators (either kind), what Windows refuses in names, and control characters. */
function hasForbiddenCharacter(name: string): boolean {
  for (const character of name) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f || '/\\<>:"|?*'.includes(character)) return true;
  }
  return false;
}

function parse<T>(channel: InvokeChannel, schema: z.ZodType<T>, args: unknown[]): T {
  const result = schema.safeParse(args);
  if (result.success) return result.data;
  // Paths and messages only: echoing the input could copy megabytes into the log.
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
  throw new Error(`${channel} refused: invalid arguments (${problems}).`);
}

/**
 * The main-process side of shared/bridge.ts. Every request is checked twice before it runs: it
 * must come from the app's own top-level frame, and its arguments must match the contract (the
 * renderer shows web content, so it is treated as untrusted input).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { IPC_CHANNELS, type Bridge, type InvokeChannel } from '../shared/bridge';
import { LANGUAGES } from '../shared/domain/model/settings';

export const IPC_LIMITS = {
  notificationText: 500,
  fileName: 200,
  /** A year of data with attachments stays far below this; a runaway renderer does not. */
  fileBytes: 300 * 1024 * 1024,
  filterName: 100,
  extensions: 10,
} as const;

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

  return {
    getSystemInfo: z.tuple([]),
    setLanguage: z.tuple([z.enum(LANGUAGES)]),
    notify: z.tuple([text, text]),
    saveFile: z.tuple([z.strictObject({ suggestedName: fileName, data: fileData, filter })]),
  } satisfies { [K in InvokeChannel]: z.ZodType<Parameters<Bridge[K]>> };
}

/** What the main process does for each request, once it has been checked. */
export type BridgeHandlers = {
  [K in InvokeChannel]: (...args: Parameters<Bridge[K]>) => ReturnType<Bridge[K]> | Awaited<ReturnType<Bridge[K]>>;
};

export type SenderCheck = (frame: IpcMainInvokeEvent['senderFrame']) => boolean;

/**
 * Registers one `ipcMain.handle` per request channel (menuCommand flows the other way).
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

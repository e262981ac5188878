// `npm start`: builds the app, then opens it in Electron, or, where the Electron binary could not
// be downloaded (offline, or behind a proxy), serves the same build to the browser instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// Fixed on purpose: the browser keeps IndexedDB per origin (host and port), so another port
// would open an empty app and seem to have lost the user's data.
const PREVIEW_HOST = '127.0.0.1';
const PREVIEW_PORT = 4173;

const build = await run(...npm(['run', 'build']));
if (build !== 0) process.exit(build);

const electron = electronBinary();
if (electron) {
  const env = { ...process.env };
  // Set by some tools; it would make Electron run as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  process.exit(await run(electron, ['.'], { env }));
}

const url = `http://${PREVIEW_HOST}:${PREVIEW_PORT}/`;
if (!(await portIsFree(PREVIEW_PORT, PREVIEW_HOST))) {
  console.error(
    `\nThe Electron binary is not installed, and port ${PREVIEW_PORT} is already in use, so the browser version cannot start.` +
      `\nIf TwoHats is already running, open ${url}; otherwise stop whatever uses the port and run npm start again.\n`,
  );
  process.exit(1);
}
console.log(
  [
    '',
    'The Electron binary is not installed: its download did not get through (offline, or a proxy blocked it).',
    'To get the desktop app, run `npm install` again with network access, or set ELECTRON_MIRROR to a mirror',
    'you can reach, and let Electron\'s install script run (it is already allowed in package.json, allowScripts).',
    `Meanwhile the same app is served in your browser at ${url} (Ctrl+C stops it).`,
    '',
  ].join('\n'),
);
const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
process.exit(await run(process.execPath, [vite, 'preview', '--host', PREVIEW_HOST, '--port', String(PREVIEW_PORT), '--strictPort']));

/**
 * The Electron executable, or null when it was never downloaded. `require('electron')` alone
 * would answer too, but when the binary is missing it first retries the download, which behind a
 * blocking proxy can hang for minutes; the path.txt its installer writes says the same at once.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile) || !existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) return null;
  }
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** npm itself, the way this script was started by it when possible (no shell needed on Windows). */
function npm(args) {
  const cli = process.env.npm_execpath;
  if (cli && /\.c?js$/.test(cli)) return [process.execPath, [cli, ...args]];
  return ['npm', args, { shell: process.platform === 'win32' }];
}

/** Runs a command in the project folder with this terminal, and resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectDir, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not run ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function portIsFree(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

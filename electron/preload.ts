/**
 * Runs in the sandboxed renderer before the page. A sandboxed preload can only require
 * 'electron'; esbuild bundles shared/ into it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../shared/bridge';
import { createBridge } from './preload-bridge';

const bridge = createBridge(ipcRenderer) satisfies Bridge;

contextBridge.exposeInMainWorld('twohats', bridge);

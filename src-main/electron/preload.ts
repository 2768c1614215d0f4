/**
 * Sandboxed preload (bundled to dist/main/preload.cjs). In a sandboxed renderer `require` only
 * offers a few modules; this bundle needs nothing but `electron`'s contextBridge and ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY, createBridge } from './bridgeApi';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createBridge(ipcRenderer));

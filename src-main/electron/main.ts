/**
 * Electron entry (bundled to dist/main/electron-main.cjs with `electron` external). The only
 * main-process file that imports `electron`; everything else receives the API from here.
 */
import { createServices } from '../services/index';
import { startApp } from './app';
import { setBoxLauncher } from '../sandbox/box';
import { utilityBoxLauncher } from './boxLauncher';

// a plain require (kept external by esbuild) hands over Electron's own module object, lazy getters
// intact, instead of an ESM-interop copy
const electron = require('electron') as typeof import('electron');

// files the clerk brings in are read in a utility process (src-main/sandbox): a hostile file
// cannot take the window and the clerk's unsaved work down with it
setBoxLauncher(utilityBoxLauncher(electron.utilityProcess));
startApp(electron, { createServices, mainDir: __dirname, env: process.env });

/**
 * Electron entry (bundled to dist/main/electron-main.cjs with `electron` external). The only
 * main-process file that imports `electron`; everything else receives the API from here.
 */
import * as electron from 'electron';
import { createServices } from '../services/index';
import { startApp } from './app';

startApp(electron, { createServices, mainDir: __dirname, env: process.env });

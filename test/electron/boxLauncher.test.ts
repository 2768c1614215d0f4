/**
 * The desktop app's box launcher forks the unpacked copy of the box in the installed app
 * (resources\\app.asar.unpacked\\dist\\main\\parse-box.cjs, see electron-builder.yml asarUnpack): a
 * utility process and the worker thread it starts load their script by path, which a file inside
 * app.asar cannot serve. In a development run (no asar) the path is used as it is.
 */
import { describe, expect, it } from 'vitest';
import { unpackedBoxPath, utilityBoxLauncher, type UtilityProcessApi } from '../../src-main/electron/boxLauncher';

const installed = 'C:\\Users\\张三\\AppData\\Local\\Programs\\法治年报\\resources\\app.asar\\dist\\main\\parse-box.cjs';
const unpackedCopy = 'C:\\Users\\张三\\AppData\\Local\\Programs\\法治年报\\resources\\app.asar.unpacked\\dist\\main\\parse-box.cjs';

describe('unpackedBoxPath', () => {
  it('turns the path inside app.asar into the unpacked copy when that copy is there', () => {
    expect(unpackedBoxPath(installed, (p) => p === unpackedCopy)).toBe(unpackedCopy);
    expect(unpackedBoxPath('/opt/法治年报/resources/app.asar/dist/main/parse-box.cjs', (p) => p === '/opt/法治年报/resources/app.asar.unpacked/dist/main/parse-box.cjs')).toBe(
      '/opt/法治年报/resources/app.asar.unpacked/dist/main/parse-box.cjs',
    );
  });
  it('keeps the path when there is no unpacked copy, or no asar at all', () => {
    expect(unpackedBoxPath(installed, () => false)).toBe(installed);
    expect(unpackedBoxPath('D:\\src\\fazhi\\dist\\main\\parse-box.cjs', () => true)).toBe('D:\\src\\fazhi\\dist\\main\\parse-box.cjs');
  });
});

it('the launcher forks the unpacked copy', () => {
  const forked: string[] = [];
  const fake: UtilityProcessApi = {
    fork(modulePath) {
      forked.push(modulePath);
      return { postMessage: () => undefined, on: () => undefined, once: () => undefined, kill: () => true };
    },
  };
  utilityBoxLauncher(fake, (p) => p === unpackedCopy)(installed);
  expect(forked).toEqual([unpackedCopy]);
});

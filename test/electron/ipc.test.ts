import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { IPC_CHANNELS } from '../../src-shared/bridge';
import { createServices } from '../../src-main/services';
import { FOREIGN_SENDER_MESSAGE, registerIpc } from '../../src-main/electron/ipc';
import { MAX_BACKUP_BYTES } from '../../src-shared/backup/size';
import { MAX_IMPORT_BYTES } from '../../src-shared/import/types';
import { MAX_SHEET_FILE_BYTES } from '../../src-shared/sheet/targets';
import { FakeBrowserWindow, FakeFrame, FakeWebContents, asReal, fakeElectron } from './fakeElectron';
import { tempDir } from '../support/tmp';

let tmp: { dir: string; cleanup: () => Promise<void> };
let f: ReturnType<typeof fakeElectron>;
let win: FakeBrowserWindow;
let reg: ReturnType<typeof registerIpc>;
let savePath: string | null;
let openPaths: string[];
let docs: string;

beforeEach(async () => {
  tmp = await tempDir('fazhi-ipc-');
  docs = path.join(tmp.dir, 'Documents');
  mkdirSync(docs);
  savePath = null;
  openPaths = [];
  f = fakeElectron({
    appData: tmp.dir,
    documents: docs,
    saveDialog: () => (savePath ? { canceled: false, filePath: savePath } : { canceled: true }),
    openDialog: () => ({ canceled: openPaths.length === 0, filePaths: openPaths }),
  });
  win = new FakeBrowserWindow({ width: 1280, height: 800 });
  const handlers = await createServices(path.join(tmp.dir, 'data'));
  reg = registerIpc(asReal(f.electron), {
    handlers,
    getWindow: () => asReal<BrowserWindow>(win),
    defaultSaveDir: () => docs,
    dataDir: path.join(docs, 'data'),
  });
});
afterEach(() => tmp.cleanup());

const ipc = () => f.electron.ipcMain;
const fromApp = () => ({ sender: win.webContents, frame: win.webContents.mainFrame });

describe('IPC accepts only the main frame of our window on app://fazhi', () => {
  const refusals: Array<[string, () => { sender: FakeWebContents; frame: FakeFrame | null }]> = [
    ['a missing sender frame (navigated away or destroyed)', () => ({ sender: win.webContents, frame: null })],
    ['a foreign page loaded in our window', () => ({ sender: win.webContents, frame: new FakeFrame('https://evil.example/', null, 1, 1) })],
    ['a file:// page', () => ({ sender: win.webContents, frame: new FakeFrame('file:///C:/x.html', null, 1, 1) })],
    ['a subframe on the app origin', () => ({ sender: win.webContents, frame: win.webContents.subframe('app://fazhi/index.html') })],
    ['another web contents on the app origin', () => {
      const other = new FakeWebContents();
      return { sender: other, frame: other.mainFrame };
    }],
  ];

  for (const [what, from] of refusals) {
    it(`refuses ${what} on every channel, before anything runs`, async () => {
      for (const channel of Object.values(IPC_CHANNELS)) {
        if (channel === IPC_CHANNELS.menu) continue;
        await expect(ipc().invoke(channel, from(), 'demo.create', {}), channel).rejects.toThrow(FOREIGN_SENDER_MESSAGE);
      }
      expect(f.dialogCalls.save).toHaveLength(0);
      expect(f.dialogCalls.open).toHaveLength(0);
      expect(win.webContents.printCalls).toHaveLength(0);
      // the refused demo.create really did not run: the data folder still has no year
      const years = (await ipc().invoke(IPC_CHANNELS.call, fromApp(), 'years.list', {})) as { value: unknown[] };
      expect(years.value).toEqual([]);
    });
  }

  it('dispatches a call from our window to the services', async () => {
    const info = (await ipc().invoke(IPC_CHANNELS.call, fromApp(), 'app.info', {})) as any;
    expect(info.ok).toBe(true);
    expect(info.value.dataDir).toBe(path.join(tmp.dir, 'data'));
    const demo = (await ipc().invoke(IPC_CHANNELS.call, fromApp(), 'demo.create', {})) as any;
    expect(demo.ok).toBe(true);
    const years = (await ipc().invoke(IPC_CHANNELS.call, fromApp(), 'years.list', {})) as any;
    expect(years.value).toHaveLength(1);
  });

  it('answers unknown methods and bad input with a Chinese message, not a crash', async () => {
    const r = (await ipc().invoke(IPC_CHANNELS.call, fromApp(), 'fs.readFile', {})) as any;
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(r.error.message).toContain('未知的操作');
    const bad = (await ipc().invoke(IPC_CHANNELS.call, fromApp(), 'ledger.list', { year: 'x' })) as any;
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toMatch(/年度/);
  });
});

describe('saving, opening and showing files', () => {
  it('saves the bytes where the clerk chose, offering the right filter and a clean name', async () => {
    savePath = path.join(docs, '2025年报告.docx');
    const data = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]);
    const r = await ipc().invoke(IPC_CHANNELS.saveFile, fromApp(), '../../某镇2025年法治政府建设情况报告.docx', data);
    expect(r).toEqual({ path: savePath });
    expect([...readFileSync(savePath)]).toEqual([...data]);
    const opts = f.dialogCalls.save[0];
    expect(opts.defaultPath).toBe(path.join(docs, '某镇2025年法治政府建设情况报告.docx'));
    expect(opts.filters[0]).toEqual({ name: 'Word 文档', extensions: ['docx'] });
    expect(opts.filters[1]).toEqual({ name: '备份文件', extensions: ['json'] });
  });

  it('returns null and writes nothing when the save dialog is cancelled', async () => {
    const r = await ipc().invoke(IPC_CHANNELS.saveFile, fromApp(), 'a.json', new Uint8Array([1]));
    expect(r).toBeNull();
    expect(f.dialogCalls.save[0].filters[0].extensions).toEqual(['json']);
  });

  it('refuses to save something that is not bytes', async () => {
    savePath = path.join(docs, 'x.docx');
    await expect(ipc().invoke(IPC_CHANNELS.saveFile, fromApp(), 'x.docx', 'text')).rejects.toThrow('文件内容无效');
    expect(existsSync(savePath)).toBe(false);
  });

  it('reveals the data folder (关于) but nothing inside it by name', async () => {
    await ipc().invoke(IPC_CHANNELS.showInFolder, fromApp(), path.join(docs, 'data'));
    expect(f.shown).toEqual([path.join(docs, 'data')]);
    await expect(ipc().invoke(IPC_CHANNELS.showInFolder, fromApp(), path.join(docs, 'data', '..', '..'))).rejects.toThrow('只能打开');
  });

  it('shows only files this session saved in the file manager', async () => {
    savePath = path.join(docs, 'r.docx');
    await ipc().invoke(IPC_CHANNELS.saveFile, fromApp(), 'r.docx', new Uint8Array([1]));
    await ipc().invoke(IPC_CHANNELS.showInFolder, fromApp(), savePath);
    expect(f.shown).toEqual([savePath]);
    await expect(ipc().invoke(IPC_CHANNELS.showInFolder, fromApp(), 'C:\\Windows\\System32\\cmd.exe')).rejects.toThrow(
      '只能打开数据文件夹或本次由法治年报保存的文件所在的文件夹',
    );
    await expect(ipc().invoke(IPC_CHANNELS.showInFolder, fromApp(), path.join(docs, 'other.docx'))).rejects.toThrow();
    expect(f.shown).toEqual([savePath]);
  });

  it('opens a chosen file and returns its name and bytes', async () => {
    const p = path.join(docs, '备份.json');
    writeFileSync(p, '{"a":1}');
    openPaths = [p];
    const r = (await ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [{ name: '备份文件', extensions: ['json'] }], 'backup')) as any;
    expect(r.fileName).toBe('备份.json');
    expect(r.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(r.data).toString()).toBe('{"a":1}');
    expect(f.dialogCalls.open[0].properties).toEqual(['openFile']);
  });

  it('refuses a file over its kind’s bound by its size, in that kind’s words; a 60 MB backup is read (the restore takes up to 200 MB)', async () => {
    const sparse = (name: string, bytes: number) => {
      const p = path.join(docs, name);
      writeFileSync(p, '');
      truncateSync(p, bytes); // sparse: costs no disk
      return p;
    };
    openPaths = [sparse('去年报告.docx', MAX_IMPORT_BYTES + 1)];
    await expect(ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [], 'report')).rejects.toThrow(/^文件过大（50\.0 MB），超过 50 MB 上限；年度报告通常只有几百 KB/);
    openPaths = [sparse('台账.xlsx', MAX_SHEET_FILE_BYTES + 1)];
    await expect(ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [], 'sheet')).rejects.toThrow(/^文件太大（30\.0 MB），一次导入的文件不能超过 30 MB/);
    openPaths = [sparse('大备份.json', MAX_BACKUP_BYTES + 1)];
    await expect(ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [], 'backup')).rejects.toThrow(/^备份文件过大（200 MB，超过 200 MB）/);
    // over the report's bound, under the backup's: a backup of this size is handed over whole
    openPaths = [sparse('备份.json', 60 * 1024 * 1024)];
    const r = (await ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [], 'backup')) as { data: Uint8Array };
    expect(r.data.byteLength).toBe(60 * 1024 * 1024);
    // a kind the shell does not know is refused before the dialog opens
    const dialogs = f.dialogCalls.open.length;
    await expect(ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [], 'anything')).rejects.toThrow('要打开的文件种类无效');
    expect(f.dialogCalls.open.length).toBe(dialogs);
  });

  it('returns null when the open dialog is cancelled and rejects malformed filters', async () => {
    expect(await ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [], 'report')).toBeNull();
    await expect(ipc().invoke(IPC_CHANNELS.openFile, fromApp(), [{ name: 'x', extensions: ['../..'] }], 'report')).rejects.toThrow(
      '文件类型筛选无效',
    );
  });
});

describe('printing', () => {
  it('saves the page as a PDF (print CSS, A4) where the clerk chose, named like the report', async () => {
    savePath = path.join(docs, '报告.pdf');
    const r = await ipc().invoke(IPC_CHANNELS.printToPdf, fromApp(), '../横街镇2024年法治政府建设年度报告.docx');
    expect(r).toEqual({ path: savePath });
    expect(win.webContents.printToPdfCalls).toEqual([{ printBackground: true, preferCSSPageSize: true }]);
    expect(readFileSync(savePath, 'utf8')).toBe('%PDF-1.7 fake');
    const opts = f.dialogCalls.save.at(-1);
    expect(opts.defaultPath).toBe(path.join(docs, '横街镇2024年法治政府建设年度报告.pdf'));
    expect(opts.filters[0]).toEqual({ name: 'PDF 文件', extensions: ['pdf'] });
  });

  it('opens the system print dialog for our window', async () => {
    await ipc().invoke(IPC_CHANNELS.print, fromApp());
    expect(win.webContents.printCalls).toEqual([{ silent: false, printBackground: true }]);
  });

  it('treats a cancelled print dialog as done and reports real failures in Chinese', async () => {
    win.webContents.printResult = [false, 'Print job canceled'];
    await expect(ipc().invoke(IPC_CHANNELS.print, fromApp())).resolves.toBeUndefined();
    win.webContents.printResult = [false, 'Printer is offline'];
    await expect(ipc().invoke(IPC_CHANNELS.print, fromApp())).rejects.toThrow('打印失败：Printer is offline');
  });
});

it('dispose removes every handler it registered', () => {
  reg.dispose();
  expect(ipc().handlers.size).toBe(0);
});

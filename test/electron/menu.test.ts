import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { MENU_COMMANDS, type MenuCommand } from '../../src-shared/bridge';
import { buildMenuTemplate, installMenu } from '../../src-main/electron/menu';
import { asReal, fakeElectron } from './fakeElectron';

const sub = (m: MenuItemConstructorOptions) => (m.submenu as MenuItemConstructorOptions[]).filter((i) => i.type !== 'separator');
const labels = (m: MenuItemConstructorOptions) => sub(m).map((i) => i.label);
const click = (i: MenuItemConstructorOptions) => (i.click as unknown as () => void)();

describe('application menu', () => {
  it('has the four Chinese menus with their items in order', () => {
    const t = buildMenuTemplate({ send: () => undefined, devTools: false, reload: () => undefined });
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(labels(t[0]!)).toEqual(['新建年度', '导出Word', '打印', '备份', '恢复', '退出']);
    expect(labels(t[1]!)).toEqual(['撤销', '重做', '剪切', '复制', '粘贴', '全选']);
    expect(labels(t[2]!)).toEqual(['重新加载', '实际大小', '放大', '缩小', '全屏']);
    expect(labels(t[3]!)).toEqual(['关于']);
  });

  it('sends each app command to the renderer when clicked', () => {
    const sent: MenuCommand[] = [];
    const t = buildMenuTemplate({ send: (c) => sent.push(c), devTools: false, reload: () => undefined });
    for (const item of [...sub(t[0]!), ...sub(t[3]!)]) if (item.click) click(item);
    expect(sent).toEqual(['new-year', 'export-word', 'print', 'backup', 'restore', 'about']);
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('uses native roles for quitting, editing and view items', () => {
    const t = buildMenuTemplate({ send: () => undefined, devTools: false, reload: () => undefined });
    expect(sub(t[0]!).at(-1)!.role).toBe('quit');
    expect(sub(t[1]!).map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(sub(t[2]!).map((i) => i.role)).toEqual([undefined, 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('reloads through the shell (not the native role), so a reload held for a save stays a reload', () => {
    let reloads = 0;
    const t = buildMenuTemplate({ send: () => undefined, devTools: false, reload: () => reloads++ });
    const item = sub(t[2]!).find((i) => i.label === '重新加载')!;
    expect(item.accelerator).toBe('CmdOrCtrl+R');
    click(item);
    expect(reloads).toBe(1);
  });

  it('offers developer tools only in development builds', () => {
    const packaged = JSON.stringify(buildMenuTemplate({ send: () => undefined, devTools: false, reload: () => undefined }));
    expect(packaged).not.toContain('toggleDevTools');
    const dev = buildMenuTemplate({ send: () => undefined, devTools: true, reload: () => undefined });
    expect(sub(dev[2]!).map((i) => i.role)).toContain('toggleDevTools');
  });

  it('installs itself as the application menu', () => {
    const f = fakeElectron({ appData: '/tmp/x', documents: '/tmp/d' });
    installMenu(asReal(f.electron.Menu), { send: () => undefined, devTools: false, reload: () => undefined });
    expect((f.menus.set as { template: unknown[] }).template).toHaveLength(4);
  });
});

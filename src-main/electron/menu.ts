/**
 * The Chinese application menu. Items that are app commands (new year, export, print, backup,
 * restore, about) are not handled here: they are sent to the renderer, which owns the screens and
 * the confirmations; only editing and view roles are native.
 */
import type { Menu, MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../src-shared/bridge';

export interface MenuOptions {
  /** sends a command to the renderer of the main window */
  send: (command: MenuCommand) => void;
  /** developer tools only in unpackaged (development) runs */
  devTools: boolean;
  /** reloads through the shell so a reload held for a save does not turn into a close (leaving.ts) */
  reload: () => void;
}

export function buildMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => opts.send(cmd),
  });
  const view: MenuItemConstructorOptions[] = [
    { label: '重新加载', accelerator: 'CmdOrCtrl+R', click: () => opts.reload() },
    { type: 'separator' },
    { label: '实际大小', role: 'resetZoom' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  if (opts.devTools) view.push({ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' });
  return [
    {
      label: '文件',
      submenu: [
        command('新建年度', 'new-year', 'CmdOrCtrl+N'),
        command('导出Word', 'export-word', 'CmdOrCtrl+E'),
        command('打印', 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('备份', 'backup'),
        command('恢复', 'restore'),
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [command('关于', 'about')] },
  ];
}

export function installMenu(Menu: Pick<typeof import('electron').Menu, 'buildFromTemplate' | 'setApplicationMenu'>, opts: MenuOptions): Menu {
  const menu = Menu.buildFromTemplate(buildMenuTemplate(opts));
  Menu.setApplicationMenu(menu);
  return menu;
}

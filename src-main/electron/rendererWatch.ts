/**
 * Keeps the clerk from facing an invisible or blank app. Security and DLP software on township PCs
 * (360, 天擎) inject DLLs into Chromium's sandboxed renderer and can kill it at start; the window
 * is shown only on `ready-to-show`, so without this the app would hold the single-instance lock
 * with nothing on screen, and a second launch would only surface a blank window. Here:
 * - the window is shown after a time limit even if the page never painted;
 * - a renderer that dies, a page that fails to load, or a renderer that hangs gets a Chinese
 *   message with what to do (reload / quit) and a line in the shell log;
 * - a second launch while the renderer is gone reloads it instead of showing a white window.
 * Data is not at risk in any of these: the services live in the main process and every save the
 * renderer confirmed was already written; only what was typed in the last moment may be missing.
 */
import type { App, BrowserWindow, Dialog, Shell } from 'electron';
import type { ShellLog } from './shellLog';

/** How long a window may stay unpainted before it is shown anyway (a loaded 2-core PC paints in ~1 s). */
export const SHOW_TIMEOUT_MS = 8000;
/** This many renderer deaths within CRASH_WINDOW_MS point at something outside the app (security software). */
export const REPEATED_CRASHES = 3;
export const CRASH_WINDOW_MS = 60_000;

const REASONS: Record<string, string> = {
  'abnormal-exit': '界面进程异常退出',
  killed: '界面进程被其他程序结束',
  crashed: '界面进程崩溃',
  oom: '界面进程内存不足',
  'launch-failed': '界面进程无法启动',
  'integrity-failure': '程序文件校验失败（可能被其他软件修改）',
};

export interface RendererWatchDeps {
  dialog: Pick<Dialog, 'showMessageBox'>;
  app: Pick<App, 'quit'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  log: ShellLog;
  now?: () => number;
  showTimeoutMs?: number;
}

export interface RendererWatch {
  /** the renderer is gone and not yet reloaded */
  isGone(): boolean;
  /** a second launch: bring the window up, reloading a renderer that is gone */
  revive(): void;
  dispose(): void;
}

export function watchRenderer(win: BrowserWindow, deps: RendererWatchDeps): RendererWatch {
  const now = deps.now ?? Date.now;
  const wc = win.webContents;
  let gone = false;
  let asking = false;
  const crashes: number[] = [];

  const showWindow = () => {
    if (win.isDestroyed()) return;
    if (!win.isVisible()) win.show();
  };

  const timer = setTimeout(() => {
    if (win.isDestroyed() || win.isVisible()) return;
    deps.log.write(`window: not ready after ${deps.showTimeoutMs ?? SHOW_TIMEOUT_MS} ms, shown anyway (url ${wc.getURL()})`);
    showWindow();
  }, deps.showTimeoutMs ?? SHOW_TIMEOUT_MS);
  timer.unref?.();
  win.once('ready-to-show', () => clearTimeout(timer));
  win.once('closed', () => clearTimeout(timer));

  const reload = () => {
    if (win.isDestroyed()) return;
    gone = false;
    wc.reload();
  };

  /** One message at a time: a crash loop must not stack dialogs. */
  const ask = async (message: string, detail: string, buttons: Array<[string, () => void]>, cancelId = buttons.length - 1) => {
    if (asking || win.isDestroyed()) return;
    asking = true;
    showWindow();
    try {
      const { response } = await deps.dialog.showMessageBox(win, {
        type: 'error',
        title: '法治年报',
        message,
        detail,
        buttons: buttons.map(([label]) => label),
        defaultId: 0,
        cancelId,
        noLink: true,
      });
      buttons[response]?.[1]();
    } catch (err) {
      deps.log.write(`dialog failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      asking = false;
    }
  };

  const quit = () => deps.app.quit();
  const showLog = () => deps.shell.showItemInFolder(deps.log.file);

  wc.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    gone = true;
    clearTimeout(timer);
    const t = now();
    crashes.push(t);
    while (crashes.length && crashes[0]! < t - CRASH_WINDOW_MS) crashes.shift();
    deps.log.write(`renderer gone: reason ${details.reason}, exit code ${details.exitCode}, ${crashes.length} in the last minute`);
    const why = REASONS[details.reason] ?? '界面进程意外退出';
    const repeated = crashes.length >= REPEATED_CRASHES;
    const detail = [
      `原因：${why}。`,
      '已经保存的数据不受影响；最后几秒内输入、尚未保存的文字可能需要重新输入。',
      repeated
        ? '短时间内已多次出现，很可能是安全软件（如 360、天擎）拦截了法治年报：请在安全软件中把法治年报加入信任列表后再试，或联系信息化管理人员。'
        : '如果反复出现，可能是安全软件（如 360、天擎）拦截了本程序。',
      `记录已写入：${deps.log.file}`,
    ].join('\n');
    const buttons: Array<[string, () => void]> = repeated
      ? [['重新加载', reload], ['打开日志所在文件夹', showLog], ['退出', quit]]
      : [['重新加载', reload], ['退出', quit]];
    void ask('法治年报的界面意外关闭', detail, buttons);
  });

  wc.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced by another (a reload), not a failure
    if (!isMainFrame || errorCode === -3) return;
    clearTimeout(timer);
    deps.log.write(`load failed: ${errorCode} ${errorDescription} (${validatedURL})`);
    void ask(
      '法治年报的界面无法加载',
      `错误代码：${errorCode}。\n程序文件可能不完整或被安全软件拦截，可以重新加载；仍然不行请重新安装法治年报（数据不会丢失）。\n记录已写入：${deps.log.file}`,
      [['重新加载', reload], ['退出', quit]],
    );
  });

  wc.on('preload-error', (_event, preloadPath, error) => {
    deps.log.write(`preload error in ${preloadPath}: ${error?.message ?? String(error)}`);
  });

  wc.on('unresponsive', () => {
    deps.log.write('renderer unresponsive');
    void ask(
      '法治年报的界面没有响应',
      '可以继续等待（正在处理大量数据时会这样），或者重新加载界面。已经保存的数据不受影响。',
      [['继续等待', () => undefined], ['重新加载', reload]],
      0,
    );
  });

  return {
    isGone: () => gone,
    revive() {
      if (win.isDestroyed()) return;
      if (gone) reload();
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    },
    dispose: () => clearTimeout(timer),
  };
}

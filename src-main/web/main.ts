/**
 * `npm run web`: the app in the browser without Electron. Prints the one address (with its
 * token) that opens it; the data folder is the desktop app's unless --data or FAZHI_DATA_DIR says.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../services/dataDir';
import { startWebBridge } from './server';

interface Args {
  dataDir: string;
  port: number;
}

/** node:util's parser, as the CLI uses: --data DIR / --data=DIR, --port N, -h; anything else is refused. */
function parseWebArgs(argv: string[]): Args {
  let values: { data?: string; port?: string; help?: boolean };
  try {
    values = parseArgs({ args: argv, options: { data: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }).values;
  } catch (e) {
    const opt = /'(-{1,2}[^']+)'/.exec(e instanceof Error ? e.message : '')?.[1];
    fail(opt ? `未知参数或缺少取值：${opt}` : '参数有误');
  }
  if (values.help) {
    process.stdout.write('用法：node dist/main/web.cjs [--data 数据文件夹] [--port 端口]\n');
    process.exit(0);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('端口应为 0–65535 的整数（0 表示自动选择）');
  return { dataDir: path.resolve(values.data ?? defaultDataDir()), port };
}

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

async function main() {
  const args = parseWebArgs(process.argv.slice(2));
  // dist/main/web.cjs → dist/renderer
  const rendererDir = path.resolve(__dirname, '..', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) fail('界面尚未构建：请先运行 npm run build');
  const bridge = await startWebBridge({ dataDir: args.dataDir, port: args.port, rendererDir });
  process.stdout.write(`法治年报已启动：${bridge.url}?token=${bridge.token}\n`);
  process.stdout.write(`数据文件夹：${args.dataDir}\n按 Ctrl+C 退出。\n`);
  const stop = () => {
    void bridge.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EADDRINUSE') fail('端口已被占用，请换一个端口（--port）或使用 0 自动选择');
  fail(`启动失败：${err instanceof Error ? err.message : String(err)}`);
});

/**
 * `npm run web`: the app in the browser without Electron. Prints the one address (with its
 * token) that opens it; the data folder is the desktop app's unless --data or FAZHI_DATA_DIR says.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { defaultDataDir } from '../services/dataDir';
import { startWebBridge } from './server';

interface Args {
  dataDir: string;
  port: number;
}

function parseArgs(argv: string[]): Args {
  let dataDir: string | undefined;
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) fail(`参数 ${a} 缺少取值`);
      return v;
    };
    if (a === '--data') dataDir = next();
    else if (a.startsWith('--data=')) dataDir = a.slice('--data='.length);
    else if (a === '--port') port = Number(next());
    else if (a.startsWith('--port=')) port = Number(a.slice('--port='.length));
    else if (a === '--help' || a === '-h') {
      process.stdout.write('用法：node dist/main/web.cjs [--data 数据文件夹] [--port 端口]\n');
      process.exit(0);
    } else fail(`未知参数：${a}`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail('端口应为 0–65535 的整数（0 表示自动选择）');
  return { dataDir: path.resolve(dataDir ?? defaultDataDir()), port };
}

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(2);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
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

import path from 'node:path';
import { coreBench, printTable } from './core';
import { soakBench } from './soak';
import { uiBench } from './ui';
import { importBench } from './importBench';
import { corpusBench, proofreadBench, textScanBench } from './proofread';
import { sheetBench } from './sheet';
import { startBench } from './start';
import { draftBench } from './draft';

const root = process.env.FAZHI_ROOT ?? path.resolve(__dirname, '../..');
const args = process.argv.slice(2);

async function main() {
  if (args.includes('--soak')) {
    const n = Number(args[args.indexOf('--soak') + 1]);
    printTable('法治年报 断电模拟（长跑）', await soakBench(root, Number.isInteger(n) && n > 0 ? n : 1000));
    return;
  }
  // `--proofread` / `--sheet` / `--overview` (概览's rows of the UI table): only that table
  if (args.includes('--proofread')) return printTable('法治年报 基准（校对）', [...proofreadBench(), ...textScanBench(), ...(await corpusBench(root))]);
  if (args.includes('--sheet')) return printTable('法治年报 基准（Excel 导入导出）', await sheetBench());
  if (args.includes('--draft')) return printTable('法治年报 基准（起草）', await draftBench());
  if (args.includes('--overview')) return printTable('法治年报 基准（概览）', await uiBench(root, { overviewOnly: true }));
  // `--typing`: only the browser steps that measure typing (filter the ledger, keys in the report editor)
  if (args.includes('--typing')) return printTable('法治年报 基准（界面：筛选与按键）', await uiBench(root, { typingOnly: true }));
  if (args.includes('--start')) return printTable('法治年报 基准（命令行与桌面版启动）', await startBench(root));
  if (!args.includes('--ui')) printTable('法治年报 基准（核心）', await coreBench(root));
  if (!args.includes('--ui')) printTable('法治年报 基准（命令行与桌面版启动）', await startBench(root));
  if (!args.includes('--ui')) printTable('法治年报 基准（导入）', await importBench(root));
  if (!args.includes('--ui')) printTable('法治年报 基准（校对）', [...proofreadBench(), ...textScanBench(), ...(await corpusBench(root))]);
  if (!args.includes('--ui')) printTable('法治年报 基准（Excel 导入导出）', await sheetBench());
  if (!args.includes('--ui')) printTable('法治年报 基准（起草）', await draftBench());
  if (!args.includes('--core')) printTable('法治年报 基准（浏览器版界面，Chromium）', await uiBench(root));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

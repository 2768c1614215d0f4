import path from 'node:path';
import { coreBench, printTable } from './core';

const root = process.env.FAZHI_ROOT ?? path.resolve(__dirname, '../..');

async function main() {
  const rows = await coreBench(root);
  printTable('法治年报 基准（核心）', rows);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * `fazhi ledger import`, `fazhi mediation import` and `fazhi xlsx`: the spreadsheet import and the
 * year's workbook on the command line. Same services as the app: preview, then one addMany.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Call } from '../../src-shared/contract';
import { AppError } from '../../src-shared/errors';
import { TARGETS_BY_KIND, sheetFileTooBig, targetLabel, type SheetKind, type SheetMapping, type SheetTarget } from '../../src-shared/sheet/targets';
import { writeFileAtomic } from '../store';
import { optStr, yearArg, type ParsedArgs } from './args';
import type { Io } from './io';

/** `{"日期":"date","活动":"活动名称","序号":null}`: fields by id or by their Chinese label; null / "" / "不导入" leave a column out. */
export function parseMappingFlag(raw: string, kind: SheetKind): SheetMapping {
  let text = raw.trim();
  if (!text.startsWith('{') && existsSync(text) && statSync(text).isFile()) text = readFileSync(text, 'utf8');
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', '--mapping 应为 JSON，如 {"日期":"date","活动":"活动名称","序号":null}');
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new AppError('VALIDATION', '--mapping 应为 JSON 对象：{"列名":"字段"}');
  const out: SheetMapping = {};
  for (const [col, v] of Object.entries(obj as Record<string, unknown>)) {
    if (v === null || v === '' || v === '不导入') {
      out[col] = null;
      continue;
    }
    if (typeof v !== 'string') throw new AppError('VALIDATION', `--mapping 中“${col}”的值必须是字段名`);
    const spec = TARGETS_BY_KIND[kind].find((t) => t.target === v || t.label === v);
    if (!spec) {
      const known = TARGETS_BY_KIND[kind].map((t) => `${t.target}（${t.label}）`).join('、');
      throw new AppError('VALIDATION', `--mapping 中“${col}”对应的字段“${v}”无效（可用：${known}）`);
    }
    out[col] = spec.target;
  }
  return out;
}

export async function sheetImport(kind: SheetKind, parsed: ParsedArgs, io: Io, call: Call): Promise<void> {
  const { flags, command } = parsed;
  const fileArg = command[2] ?? optStr(flags, 'from');
  if (!fileArg) throw new AppError('VALIDATION', `缺少要导入的文件：fazhi ${kind} import 文件.xlsx --data DIR --year Y`);
  const file = path.resolve(fileArg);
  if (!existsSync(file) || !statSync(file).isFile()) throw new AppError('NOT_FOUND', `文件不存在：${file}`);
  const year = yearArg(flags);
  const mappingRaw = optStr(flags, 'mapping');
  const mapping = mappingRaw !== undefined ? parseMappingFlag(mappingRaw, kind) : undefined;
  // a 1 GB file is refused by its size, never read into memory
  const size = statSync(file).size;
  const tooBig = sheetFileTooBig(size);
  if (tooBig) throw new AppError('VALIDATION', tooBig);
  const data = new Uint8Array(readFileSync(file));
  const p = await call('sheet.preview', { kind, fileName: path.basename(file), data, year, ...(mapping ? { mapping } : {}) });
  const good = p.rows.filter((r) => r.status === 'ok');
  const dryRun = Boolean(flags['dry-run']);
  let added: { added: number; ids: string[] } | null = null;
  if (!dryRun && good.length && !p.missing.length) {
    const fullMapping = Object.fromEntries(p.columns.map((c) => [c.key, c.target]));
    const remember = { key: p.mappingKey, headers: p.columns.map((c) => c.key), mapping: fullMapping, values: p.values };
    const entries = good.map((r) => r.fields!);
    added = kind === 'ledger'
      ? await call('ledger.addMany', { year, entries: entries as never, remember })
      : await call('mediation.addMany', { year, entries: entries as never, remember });
  }
  if (flags.json) {
    io.out(
      JSON.stringify(
        {
          file,
          sheet: p.sheetName,
          headerRows: p.headerRows,
          mapping: Object.fromEntries(p.columns.map((c) => [c.key, c.target])),
          mappingSource: p.mappingSource,
          leftOut: p.leftOut,
          counts: p.counts,
          problems: p.rows.filter((r) => r.status !== 'ok').map((r) => ({ row: r.row, status: r.status, problems: r.problems })),
          unknown: p.unknown,
          notes: p.notes,
          dryRun,
          added: added?.added ?? 0,
          ids: added?.ids ?? [],
        },
        null,
        2,
      ),
    );
  } else {
    const label = (t: SheetTarget | null) => (t ? targetLabel(kind, t) : '不导入');
    io.out(`读取：${file}（工作表“${p.sheetName}”，表头在第${p.headerRows.join('、')}行）`);
    io.out(`列对应（${p.mappingSource === 'remembered' ? '沿用上次确认的' : p.mappingSource === 'given' ? '按 --mapping' : '自动识别'}）：${p.columns.filter((c) => c.target).map((c) => `${c.key}→${label(c.target)}`).join('，')}`);
    if (p.leftOut.length) io.out(`不导入的列：${p.leftOut.join('、')}`);
    for (const n of p.notes) io.out(n);
    io.out(`可导入 ${p.counts.ok} 条；有问题 ${p.counts.problem} 条；与已有记录重复 ${p.counts.duplicate} 条（跳过）；空行 ${p.counts.blank} 行`);
    for (const r of p.rows.filter((x) => x.status !== 'ok').slice(0, 200)) io.out(`  第${r.row}行${r.status === 'duplicate' ? '（重复，跳过）' : ''}：${r.problems.join('；')}`);
    if (p.rows.filter((x) => x.status !== 'ok').length > 200) io.out('  ……（其余从略，可加 --json 查看全部）');
  }
  if (p.missing.length) throw new AppError('VALIDATION', `没有找到“${p.missing.map((t) => targetLabel(kind, t)).join('”“')}”对应的列，请用 --mapping 指定，如 --mapping '{"列名":"${p.missing[0]}"}'；没有导入任何记录`);
  if (!good.length) throw new AppError('VALIDATION', '没有可导入的记录（见上面的问题说明），没有导入任何记录');
  if (!flags.json) io.out(dryRun ? `试运行：将导入 ${good.length} 条，未写入任何数据` : `已导入 ${added!.added} 条`);
}

export async function xlsxExport(parsed: ParsedArgs, io: Io, call: Call, outFile: string): Promise<void> {
  const { flags } = parsed;
  const year = yearArg(flags);
  const sheetsRaw = optStr(flags, 'sheets');
  const sheets = sheetsRaw
    ?.split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean) as Array<'ledger' | 'mediation' | 'indicators'> | undefined;
  const r = await call('xlsx.export', { year, ...(sheets ? { sheets } : {}) });
  await writeFileAtomic(outFile, r.data);
  io.out(`已导出：${outFile}（${(r.data.byteLength / 1024).toFixed(1)} KB，建议文件名：${r.fileName}）`);
}

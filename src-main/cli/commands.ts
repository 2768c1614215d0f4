import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Call, Method, MethodInput, MethodOutputs } from '../../src-shared/contract';
import { findLedgerCategory, LEDGER_CATEGORIES } from '../../src-shared/catalog/ledgerCategories';
import { AppError, reviveError } from '../../src-shared/errors';
import { formatNumber } from '../../src-shared/report/printedReport';
import { createServices, defaultDataDir, dispatch } from '../services';
import { APP_VERSION } from '../services/version';
import { saveOutside } from '../store';
import { num, optStr, str, yearArg, type ParsedArgs } from './args';
import type { Io } from './io';
import { findCategory, findVillage } from '../../src-shared/domain/lookup';
import { backupFileTooBig } from '../../src-shared/backup/size';
import { createWaitWatch } from '../../src-shared/saving/waitWatch';
import type { WaitNotice } from '../../src-shared/methods/damaged';

// Each command's own module loads when that command runs: `fazhi export` does not load the
// importers, the drafting or the spreadsheet commands (dist/main/lazy/cli/, scripts/mainBundles.mjs).
const usage = () => import('./usage');
const importCommands = () => import('./importCommands');
const reportSet = () => import('./reportSetCommand');
const check = () => import('./checkCommand');
const drafting = () => import('./draftCommand');
const sheets = () => import('./sheetCommands');

function dataDirOf(flags: ParsedArgs['flags'], mustExist: boolean): string {
  const dir = path.resolve(optStr(flags, 'data') ?? defaultDataDir());
  if (mustExist && !(existsSync(dir) && statSync(dir).isDirectory()))
    throw new AppError('NOT_FOUND', `数据文件夹不存在：${dir}（可先运行 fazhi demo --data ${dir} 生成示例数据）`);
  return dir;
}

/** The clients this run opened: after the command, what their stores repaired is told (noticesOfRun). */
const opened: Call[] = [];

/** Where this run tells a waiting save (Io.note: stderr); set by `run`. */
let note: ((line: string) => void) | undefined;

/** The CLI is one more transport: every call goes through dispatch, so it validates like IPC and HTTP. */
async function client(dataDir: string): Promise<Call> {
  const handlers = await createServices(dataDir);
  // a save held up by another program (Windows: a scanner, WPS) is told once, not left looking stuck
  const watch = createWaitWatch(
    async () => {
      const r = await dispatch(handlers, 'data.waiting', {}, 'cli');
      return r.ok ? (r.value as WaitNotice | null) : null;
    },
    (n) => n && note?.(n.message),
    { set: (fn, ms) => setTimeout(fn, ms).unref(), clear: (h) => clearTimeout(h as NodeJS.Timeout) },
  );
  const call = (async <M extends Method>(method: M, input: MethodInput<M>) => {
    const r = await watch.track(dispatch(handlers, method, input, 'cli'));
    if (!r.ok) throw reviveError(r.error!);
    return r.value as MethodOutputs[M];
  }) as Call;
  opened.push(call);
  return call;
}

/**
 * What the data folders this run opened repaired on their own (a damaged file put back from its
 * backup, a restore finished after a crash): the desktop app shows it on 概览, a command line user
 * reads it after the command. Never throws: the command's own result stands.
 */
export async function noticesOfRun(): Promise<string[]> {
  const out: string[] = [];
  for (const call of opened) out.push(...(await call('data.notices', {}).catch(() => [])));
  return out;
}

function outFile(flags: ParsedArgs['flags'], name: string, label: string): string {
  const file = path.resolve(str(flags, name, label));
  const dir = path.dirname(file);
  if (!existsSync(dir)) throw new AppError('NOT_FOUND', `输出文件夹不存在：${dir}`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new AppError('VALIDATION', `输出路径是一个文件夹：${file}`);
  return file;
}

/** `tooBig` refuses the file by its size before a byte is read (a 3 GB file is never loaded). */
async function readInput(flags: ParsedArgs['flags'], name: string, label: string, tooBig?: (bytes: number) => string | null): Promise<Uint8Array<ArrayBuffer>> {
  const file = path.resolve(str(flags, name, label));
  if (!existsSync(file) || !statSync(file).isFile()) throw new AppError('NOT_FOUND', `文件不存在：${file}`);
  const refusal = tooBig?.(statSync(file).size);
  if (refusal) throw new AppError('VALIDATION', refusal);
  return new Uint8Array(await readFile(file));
}

export async function run(parsed: ParsedArgs, io: Io): Promise<void> {
  const { command, flags } = parsed;
  const [cmd, sub] = command;
  note = io.note;
  if (flags.version) return io.out(APP_VERSION);
  if (flags.help || !cmd || cmd === 'help') return io.out((await usage()).USAGE);

  switch (cmd) {
    case 'demo': {
      // replacing data needs the folder named explicitly, never the desktop app's by default
      if (flags.force && !optStr(flags, 'data')) throw new AppError('VALIDATION', '使用 --force 时必须用 --data 指明数据文件夹');
      const dir = dataDirOf(flags, false);
      const call = await client(dir);
      const s = await call('demo.create', { force: Boolean(flags.force) });
      const unit = await call('unit.get', {});
      return io.out(
        `已在 ${dir} 生成示例数据：${unit?.shortName ?? ''} ${s.year}年度，台账${s.ledgerCount}条，调解案件${s.mediationCount}件，报告${s.partCount}个部分`,
      );
    }
    case 'export': {
      const dir = dataDirOf(flags, true);
      const year = yearArg(flags);
      const file = outFile(flags, 'out', '输出文件，如 报告.docx');
      const fonts = optStr(flags, 'fonts');
      const edition = optStr(flags, 'edition');
      const call = await client(dir);
      const r = await call('export.docx', {
        year,
        ...(fonts !== undefined ? { fontPreset: fonts as 'standard' } : {}),
        ...(flags.draft ? { draft: true } : {}),
        // validated by the contract's schema, which names the two editions in Chinese
        ...(edition !== undefined ? { edition: edition as 'submit' } : {}),
      });
      await saveOutside(file, r.data, dir);
      io.out(`已导出：${file}（${(r.data.byteLength / 1024).toFixed(1)} KB，建议文件名：${r.fileName}）`);
      if (flags.pdf) {
        const pdfFile = file.replace(/\.docx$/i, '') + '.pdf';
        const { docxToPdf } = await import('../export/pdf');
        await saveOutside(pdfFile, await docxToPdf(r.data), dir);
        io.out(`已导出 PDF：${pdfFile}`);
      }
      // the file is written; a history that cannot be written (full data disk) is only a warning
      await call('export.recorded', { year, id: r.record.id }).catch((e: unknown) =>
        process.stderr.write(`注意：报告已导出，但导出记录未能写入：${e instanceof Error ? e.message : String(e)}\n`),
      );
      return;
    }
    case 'indicators': {
      const call = await client(dataDirOf(flags, true));
      const rows = await call('indicators.list', { year: yearArg(flags) });
      if (flags.json)
        return io.out(
          JSON.stringify(
            rows.map((r) => ({
              id: r.def.id,
              name: r.def.name,
              area: r.def.area,
              measure: r.def.measure,
              // the field's name before 0.1 renamed it (issue 12): scripts written against it keep working
              unit: r.def.measure,
              value: r.value,
              wording: r.wording,
              kind: r.def.source.type,
              source: r.origin,
              computed: r.computed,
              lastYear: r.lastYear,
            })),
            null,
            2,
          ),
        );
      for (const r of rows)
        io.out(`${r.def.area}\t${r.def.name}\t${r.value === null ? '—' : formatNumber(r.value)}${r.def.measure}${r.wording ? `（表述：${r.wording}）` : ''}\t${r.origin}`);
      return;
    }
    case 'ledger': {
      if (sub === 'categories') {
        for (const c of LEDGER_CATEGORIES) io.out(`${c.id}\t${c.name}`);
        return;
      }
      const call = await client(dataDirOf(flags, true));
      if (sub === 'import') return (await sheets()).sheetImport('ledger', parsed, io, call);
      const year = yearArg(flags);
      if (sub === 'list') {
        const list = await call('ledger.list', { year });
        if (flags.json) return io.out(JSON.stringify(list, null, 2));
        for (const e of list) io.out(`${e.id}\t${e.date}\t${findLedgerCategory(e.category)?.name ?? e.category}\t${e.title}`);
        return;
      }
      if (sub === 'add') {
        const catRaw = str(flags, 'category', '类别');
        const cat = findCategory(catRaw);
        if (!cat) throw new AppError('VALIDATION', `未知的台账类别：${catRaw}（可选：${LEDGER_CATEGORIES.map((c) => c.name).join('、')}）`);
        const villageRaw = optStr(flags, 'village');
        let villageId: string | undefined;
        if (villageRaw !== undefined) {
          const unit = await call('unit.get', {});
          const v = findVillage(unit?.villages ?? [], villageRaw);
          if (!v) throw new AppError('VALIDATION', `未知的村（社区）：${villageRaw}`);
          villageId = v.id;
        }
        const note = optStr(flags, 'note');
        const entry = await call('ledger.add', {
          year,
          entry: {
            date: str(flags, 'date', '日期 YYYY-MM-DD'),
            category: cat.id,
            title: str(flags, 'title', '标题'),
            ...(villageId ? { villageId } : {}),
            ...(flags.participants !== undefined ? { participants: num(optStr(flags, 'participants'))! } : {}),
            ...(flags.materials !== undefined ? { materials: num(optStr(flags, 'materials'))! } : {}),
            ...(note !== undefined ? { note } : {}),
          },
        });
        // printed only now: ledger.add resolves after the year file is fsynced
        return io.out(entry.id);
      }
      throw new AppError('VALIDATION', `未知的 ledger 子命令：${sub ?? '（空）'}（可用：add、list、categories、import）`);
    }
    case 'mediation': {
      if (sub !== 'import') throw new AppError('VALIDATION', `未知的 mediation 子命令：${sub ?? '（空）'}（可用：import）`);
      return (await sheets()).sheetImport('mediation', parsed, io, await client(dataDirOf(flags, true)));
    }
    case 'xlsx': {
      const dir = dataDirOf(flags, true);
      const file = outFile(flags, 'out', '输出文件，如 数据表.xlsx');
      return (await sheets()).xlsxExport(parsed, io, await client(dir), file);
    }
    case 'years': {
      const call = await client(dataDirOf(flags, true));
      for (const y of await call('years.list', {})) io.out(`${y.year}\t台账${y.ledgerCount}条\t调解${y.mediationCount}件\t导出${y.exportCount}次`);
      return;
    }
    case 'backup': {
      const dir = dataDirOf(flags, true);
      const file = outFile(flags, 'out', '备份文件');
      const call = await client(dir);
      const r = await call('backup.create', {});
      await saveOutside(file, r.data, dir);
      return io.out(`已备份到：${file}`);
    }
    case 'restore': {
      const dir = dataDirOf(flags, false);
      const data = await readInput(flags, 'from', '备份文件', backupFileTooBig);
      const call = await client(dir);
      const r = await call('backup.restore', { data });
      return io.out(`已从备份恢复：${r.unitName}，年度 ${r.years.map((y) => y.year).join('、')}（恢复前的数据已另行备份）`);
    }
    case 'import': {
      const dir = dataDirOf(flags, false);
      return (await importCommands()).importCommand(() => client(dir), dir, sub, flags, flags.year === undefined ? undefined : yearArg(flags), io);
    }
    case 'report': {
      if (sub === 'set') return (await reportSet()).reportSetCommand(await client(dataDirOf(flags, true)), yearArg(flags), flags, io);
      if (sub !== 'show') throw new AppError('VALIDATION', `未知的 report 子命令：${sub ?? '（空）'}（可用：show、set）`);
      return (await importCommands()).reportShowCommand(await client(dataDirOf(flags, true)), yearArg(flags), flags, io);
    }
    case 'check':
      return (await check()).checkCommand(await client(dataDirOf(flags, true)), flags, io);
    case 'draft':
      return (await drafting()).draftCommand(await client(dataDirOf(flags, true)), flags, io);
    default:
      throw new AppError('VALIDATION', `未知的命令：${cmd}（运行 fazhi --help 查看用法）`);
  }
}

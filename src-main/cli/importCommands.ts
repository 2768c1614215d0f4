/**
 * `fazhi import FILE` and `fazhi report show`: the CLI face of import.preview/import.commit and
 * report.get. Only translation here; every rule lives in the services.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, rmdir } from 'node:fs/promises';
import path from 'node:path';
import type { Call } from '../../src-shared/contract';
import type { Part, Report } from '../../src-shared/domain/report';
import { CONTENT_ITEM_LABELS } from '../../src-shared/domain/vocabulary';
import { AppError } from '../../src-shared/errors';
import { importFileTooBig } from '../../src-shared/import/types';
import { headingNumber } from '../../src-shared/text/headingNumbers';
import type { ParsedArgs } from './args';
import type { UnitGuess } from '../../src-shared/import/types';
import type { UnitKind } from '../../src-shared/domain/vocabulary';
import { unitFromTitle } from '../../src-shared/text/titles';

interface Io {
  out(line: string): void;
}

/** The outline as an indented tree with its printed numbers. */
export function outlineTree(report: Report): string[] {
  const lines = [report.title];
  if (report.recipient) lines.push(`${report.recipient}：`);
  if (report.preamble.length) lines.push(`（导语 ${report.preamble.length} 段）`);
  const walk = (parts: Part[], level: number) =>
    parts.forEach((p, i) => {
      const marks = [
        level === 1 && p.contentItem ? `［${CONTENT_ITEM_LABELS[p.contentItem]}］` : '',
        p.runIn ? '［接排］' : '',
        p.paragraphs.length ? `（${p.paragraphs.length} 段）` : '',
      ].join('');
      lines.push(`${'  '.repeat(level - 1)}${headingNumber(level, i + 1)}${p.heading}${marks ? ` ${marks}` : ''}`);
      walk(p.children, level + 1);
    });
  walk(report.parts, 1);
  const s = report.signature;
  if (s.name || s.date) lines.push(`落款：${[s.name, s.date].filter(Boolean).join(' ')}`);
  return lines;
}

export async function importCommand(connect: () => Promise<Call>, dataDir: string, file: string | undefined, flags: ParsedArgs['flags'], year: number | undefined, io: Io): Promise<void> {
  const existed = existsSync(dataDir);
  try {
    await importInto(connect, dataDir, file, flags, year, io);
  } catch (e) {
    // opening the store made the folder (and its backups/); a refused import leaves no trace.
    // rmdir only removes empty folders, so nothing written by anyone else can go.
    if (!existed) await rmdir(path.join(dataDir, 'backups')).then(() => rmdir(dataDir)).catch(() => undefined);
    throw e;
  }
}

const KINDS: readonly UnitKind[] = ['镇', '乡', '街道', '区', '县'];

/** `--unit 名称 [--kind 镇|乡|街道|区|县]`: the unit to create when the title names none (or names it otherwise). */
function unitOption(flags: ParsedArgs['flags']): UnitGuess | null {
  if (flags.unit === undefined) return null;
  const name = String(flags.unit).trim();
  const kind = flags.kind === undefined ? undefined : String(flags.kind).trim();
  if (kind !== undefined && !KINDS.includes(kind as UnitKind)) throw new AppError('VALIDATION', `--kind 只能是 ${KINDS.join('、')}，不是“${kind}”`);
  const read = unitFromTitle(name);
  const k = (kind as UnitKind | undefined) ?? read?.kind;
  if (!name || !k) throw new AppError('VALIDATION', `从“${name}”看不出单位类型，请加 --kind 镇|乡|街道|区|县`);
  const shortName = read && read.kind === k ? read.shortName : name;
  return { shortName, fullName: k === '街道' ? `${shortName}办事处` : `${shortName}人民政府`, kind: k };
}

async function importInto(connect: () => Promise<Call>, dataDir: string, file: string | undefined, flags: ParsedArgs['flags'], year: number | undefined, io: Io): Promise<void> {
  if (!file) throw new AppError('VALIDATION', '缺少要导入的文件，例如：fazhi import 2024年报告.docx --data DIR');
  const abs = path.resolve(file);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new AppError('NOT_FOUND', `文件不存在：${abs}`);
  // refuse a huge file before reading it into memory
  const tooBig = importFileTooBig(statSync(abs).size);
  if (tooBig) throw new AppError('VALIDATION', tooBig);
  const data = new Uint8Array(await readFile(abs));
  // the data folder is opened only once the file is known to exist
  const call = await connect();
  const preview = await call('import.preview', { fileName: path.basename(abs), data, ...(year !== undefined ? { year } : {}) });
  const target = preview.year;
  if (target === null) throw new AppError('VALIDATION', '标题中没有读到年度，请用 --year 指定导入到哪个年度');
  const unit = unitOption(flags) ?? preview.unit;
  if (!preview.unitExists && !unit)
    throw new AppError('VALIDATION', '数据文件夹中还没有单位信息，标题中也没有读到单位名称：请用 --unit 名称 [--kind 镇|乡|街道|区|县] 指定单位');
  const replace = Boolean(flags.replace);
  if (preview.existing.hasReport && !replace)
    throw new AppError('CONFLICT', `${target}年度已有报告，未做任何改动；如要用导入的内容替换，请加 --replace`);
  const result = await call('import.commit', {
    year: target,
    report: preview.report,
    findings: preview.findings,
    mode: replace ? 'replace' : 'new',
    ...(unit ? { unit } : {}),
  });
  if (flags.json)
    return io.out(
      JSON.stringify(
        {
          file: abs,
          format: preview.format,
          year: result.year,
          unitCreated: result.unitCreated,
          yearCreated: result.yearCreated,
          replaced: result.replaced,
          report: result.report,
          findings: result.findings,
          warnings: [...preview.warnings, ...result.warnings],
          suggestions: preview.suggestions.map((s) => ({ indicatorId: s.indicatorId, name: s.name, value: s.value, measure: s.measure, unit: s.measure, computed: s.computed, excerpt: s.excerpt })),
        },
        null,
        2,
      ),
    );
  for (const l of outlineTree(result.report)) io.out(l);
  io.out('');
  for (const w of [...preview.warnings, ...result.warnings]) io.out(`注意：${w}`);
  // a grouped finding (the half-width marks of one part) counts each of its places
  const byCode = (c: string) => result.findings.filter((f) => f.code === c).reduce((n, f) => n + (f.spots?.length ?? 1), 0);
  io.out(
    `已导入到 ${dataDir} 的${result.year}年度${result.replaced ? '（替换了原报告）' : ''}${result.unitCreated ? `，并创建单位“${unit?.shortName ?? ''}”` : ''}：` +
      `${preview.counts.parts} 个部分；编号问题 ${byCode('numbering')} 处，半角标点 ${byCode('half-width')} 处（已记入校对）`,
  );
}

export async function reportShowCommand(call: Call, year: number, flags: ParsedArgs['flags'], io: Io): Promise<void> {
  const report = await call('report.get', { year });
  if (flags.json) return io.out(JSON.stringify(report, null, 2));
  for (const l of outlineTree(report)) io.out(l);
}

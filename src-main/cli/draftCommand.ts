/**
 * `fazhi draft`: the CLI face of draft.make / draft.apply. Only translation here; what the draft
 * says and where it goes is decided by the services.
 */
import type { Call } from '../../src-shared/contract';
import type { DraftPart, ReportDraft } from '../../src-shared/draft/types';
import { DRAFT_PARTS, type DraftPartKey } from '../../src-shared/draft/types';
import { AppError } from '../../src-shared/errors';
import { chineseNumeral } from '../../src-shared/text/numerals';
import { optStr, yearArg, type ParsedArgs } from './args';

interface Io {
  out(line: string): void;
}

function partArg(flags: ParsedArgs['flags']): DraftPartKey | 'all' {
  const p = optStr(flags, 'part') ?? 'all';
  if (p === 'all' || (DRAFT_PARTS as readonly string[]).includes(p)) return p as DraftPartKey | 'all';
  throw new AppError('VALIDATION', `--part 只能是 ${[...DRAFT_PARTS, 'all'].join('、')}，这里是“${p}”`);
}

function partLines(p: DraftPart, n: number): string[] {
  const where = p.targetHeading ? `写入“${p.targetHeading}”${p.targetHasText ? '（该部分已有正文）' : ''}` : '报告中还没有这一部分，将新增';
  const lines = [`${chineseNumeral(n)}、${p.label}　→ ${where}`];
  for (const t of p.paragraphs) lines.push(`    ${t.printed}`);
  p.sections.forEach((s, i) => {
    const into = s.targetHeading ? `（写入“${s.targetHeading}”）` : '（新增子部分）';
    s.paragraphs.forEach((t, j) => lines.push(`  ${j === 0 ? `（${chineseNumeral(i + 1)}）${s.heading}。` : '    '}${t.printed}${j === 0 ? `　${into}` : ''}`));
  });
  if (p.carried.length) {
    lines.push(`  上年报告中的句子（可选用，数字已换成本年度指标，【核对】处请核实）：`);
    for (const c of p.carried) lines.push(`    · ${c.printed}`);
  }
  return lines;
}

function draftLines(d: ReportDraft): string[] {
  const lines = [`${d.year}年度报告初稿（由台账、调解案件和指标生成；数字均为指标占位符，导出时按当时的数据填入）`];
  lines.push(d.lastYear ? `同比：与${d.lastYear}年度的指标比较` : '同比：没有上一年度的指标，不写同比');
  d.parts.forEach((p, i) => lines.push('', ...partLines(p, i + 1)));
  if (d.placeholders.length) {
    lines.push('', '引用的指标（今天的数值）：');
    for (const p of d.placeholders) lines.push(`  ${p.id}\t${p.name}\t${p.printed}${p.wording ? `（表述：${p.wording}）` : ''}\t${p.origin}`);
  }
  if (d.counts.length) {
    lines.push('', '台账直接给出的数：');
    for (const c of d.counts) lines.push(`  ${c.text}\t${c.what}`);
  }
  const missed = d.coverage.filter((c) => !c.where);
  if (missed.length) lines.push('', `未写入初稿的台账类别：${missed.map((c) => `${c.name}（${c.entries}条）`).join('、')}`);
  return lines;
}

export async function draftCommand(call: Call, flags: ParsedArgs['flags'], io: Io): Promise<void> {
  const year = yearArg(flags);
  const input = { year, part: partArg(flags), figures: flags.exact ? ('exact' as const) : ('wording' as const) };
  if (flags.apply) {
    const r = await call('draft.apply', input);
    if (flags.json) return io.out(JSON.stringify(r, null, 2));
    if (r.written.length) io.out(`已写入：${r.written.join('、')}`);
    if (r.skipped.length) io.out(`已有正文，未改动：${r.skipped.join('、')}`);
    return;
  }
  const d = await call('draft.make', input);
  if (flags.json) return io.out(JSON.stringify(d, null, 2));
  for (const l of draftLines(d)) io.out(l);
}

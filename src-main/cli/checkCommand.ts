import type { Call } from '../../src-shared/contract';
import { countBySeverity } from '../../src-shared/proofread';
import { yearArg, type ParsedArgs } from './args';

export interface CheckIo {
  out(line: string): void;
  /** exit code of the process: 1 when the report has any 错误 (the command itself worked) */
  exitCode?(code: number): void;
}

/**
 * `fazhi check --data DIR --year Y [--json]`: the proofreader's open findings (live checks plus
 * what an import recorded, minus ignored ones). Exit 0 when no 错误, 1 when any; bad input stays 2.
 */
export async function checkCommand(call: Call, flags: ParsedArgs['flags'], io: CheckIo): Promise<void> {
  const year = yearArg(flags);
  const findings = await call('proofread.run', { year });
  const counts = countBySeverity(findings);
  if (flags.json) io.out(JSON.stringify(findings, null, 2));
  else {
    for (const f of findings)
      io.out(`[${f.severity}] ${f.where ?? ''}\t${f.message}${f.excerpt ? `\t“${f.excerpt.replace(/\s+/g, ' ')}”` : ''}`);
    io.out(findings.length ? `共${findings.length}项：错误${counts.错误}项，提醒${counts.提醒}项` : `${year}年度报告未发现问题`);
  }
  if (counts.错误 > 0) io.exitCode?.(1);
}

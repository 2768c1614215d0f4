/**
 * `fazhi report set`: the 报送件's 发文字号, 签发人, 抄送 … as flags, translated into one
 * report.issuance call. The service validates (Chinese messages) and keeps what is not given.
 */
import type { IssuancePatch } from '../../src-shared/domain/issuance';
import { AppError } from '../../src-shared/errors';
import type { ParsedArgs } from './args';
import type { Io } from './io';
import type { Call } from '../../src-shared/contract';

const TEXT_FLAGS = {
  'doc-number': 'docNumber',
  cc: 'cc',
  printer: 'printer',
  'print-date': 'printDate',
  contact: 'contact',
  'copy-number': 'copyNumber',
  urgency: 'urgency',
} as const;

export async function reportSetCommand(call: Call, year: number, flags: ParsedArgs['flags'], io: Io): Promise<void> {
  const patch: Record<string, unknown> = {};
  for (const [flag, field] of Object.entries(TEXT_FLAGS)) {
    const v = flags[flag];
    if (typeof v === 'string') patch[field] = v;
  }
  const signers = flags.signer;
  if (Array.isArray(signers)) patch.signers = signers;
  else if (typeof signers === 'string') patch.signers = [signers];
  if (flags.joint) patch.joint = true;
  if (flags['no-joint']) patch.joint = false;
  if (Object.keys(patch).length === 0)
    throw new AppError('VALIDATION', '没有要设置的内容：请给出 --doc-number、--signer、--cc、--printer、--print-date、--contact 等参数');
  const saved = await call('report.issuance', { year, issuance: patch as IssuancePatch });
  io.out(`已保存${year}年度报送件设置：`);
  io.out(`  发文字号：${saved.docNumber || '（未填）'}`);
  io.out(`  签发人：${saved.signers.join('、') || '（未填）'}`);
  io.out(`  抄送：${saved.cc || '（无）'}`);
  io.out(`  印发机关：${saved.printer || '（单位全称）'}　印发日期：${saved.printDate || '（导出当天）'}`);
  if (saved.contact) io.out(`  附注：${saved.contact}`);
}

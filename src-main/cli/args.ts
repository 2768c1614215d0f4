import { parseArgs } from 'node:util';
import { AppError } from '../../src-shared/errors';
import { halfWidthNumber } from '../../src-shared/domain/numberInput';

export interface ParsedArgs {
  command: string[];
  flags: Record<string, string | string[] | boolean | undefined>;
}

const OPTIONS = {
  data: { type: 'string' },
  year: { type: 'string' },
  unit: { type: 'string' },
  kind: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  fonts: { type: 'string' },
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  replace: { type: 'boolean' },
  draft: { type: 'boolean' },
  date: { type: 'string' },
  category: { type: 'string' },
  title: { type: 'string' },
  village: { type: 'string' },
  participants: { type: 'string' },
  materials: { type: 'string' },
  note: { type: 'string' },
  mapping: { type: 'string' },
  'dry-run': { type: 'boolean' },
  sheets: { type: 'string' },
  part: { type: 'string' },
  apply: { type: 'boolean' },
  exact: { type: 'boolean' },
  edition: { type: 'string' },
  pdf: { type: 'boolean' },
  'doc-number': { type: 'string' },
  signer: { type: 'string', multiple: true },
  cc: { type: 'string' },
  printer: { type: 'string' },
  'print-date': { type: 'string' },
  contact: { type: 'string' },
  'copy-number': { type: 'string' },
  urgency: { type: 'string' },
  joint: { type: 'boolean' },
  'no-joint': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * `--participants -3` must reach validation as -3 (and be refused as negative), not be taken for
 * an unknown option: glue a negative number to the string option before it.
 */
function glueNegativeNumbers(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const name = a.startsWith('--') ? a.slice(2) : '';
    const next = argv[i + 1];
    if (name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].type === 'string' && next !== undefined && /^-\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export function parseCli(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: glueNegativeNumbers(argv), options: OPTIONS, allowPositionals: true, strict: true });
    return { command: positionals, flags: values as ParsedArgs['flags'] };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const opt = /'(-{1,2}[^']+)'/.exec(msg)?.[1];
    throw new AppError('VALIDATION', opt ? `无法识别的参数或缺少参数值：${opt}（运行 fazhi --help 查看用法）` : `参数有误：${msg}`);
  }
}

export function str(flags: ParsedArgs['flags'], name: string, label: string): string {
  const v = flags[name];
  if (typeof v !== 'string' || v === '') throw new AppError('VALIDATION', `缺少参数 --${name}（${label}）`);
  return v;
}

export function optStr(flags: ParsedArgs['flags'], name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Numbers from the command line stay numbers-or-NaN; the contract's schemas give the Chinese
 * message. Full-width digits (３) read as on the screens (src-shared/domain/numberInput).
 */
export function num(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = halfWidthNumber(v);
  return s === '' ? Number.NaN : Number(s);
}

export function yearArg(flags: ParsedArgs['flags']): number {
  const raw = str(flags, 'year', '年度，如 2024');
  if (!/^\d{4}$/.test(raw)) throw new AppError('VALIDATION', `年度格式无效：${raw}（应为四位数字，如 2024）`);
  return Number(raw);
}

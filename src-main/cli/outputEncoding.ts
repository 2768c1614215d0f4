/**
 * What `fazhi` prints, in the encoding its reader decodes. Into a console window Node writes
 * UTF-16 through the console API, so Chinese shows right whatever the code page. Redirected or
 * piped, it writes bytes, and Windows PowerShell 5.1 decodes a program's output with the console's
 * code page — 936 (GBK) on a Chinese Windows — so UTF-8 output turns to mojibake in
 * `fazhi check … > 校对.txt` or `| Select-String`. The default stays UTF-8 (scripts reading
 * `--json` expect it, and Windows cannot tell us reliably which code page the reader uses);
 * `FAZHI_OUTPUT_ENCODING=gbk` (or gb18030) makes stdout and stderr GB18030 for such a reader.
 * The encoder (gbEncoder.ts) builds its table only when asked for.
 */
export type OutputEncoding = 'utf8' | 'gb18030';

/** The encoding asked for in the environment; a Chinese error for a name we do not write. */
export function outputEncodingFrom(env: Record<string, string | undefined>): OutputEncoding | { error: string } {
  const raw = env.FAZHI_OUTPUT_ENCODING?.trim().toLowerCase().replace(/[-_]/g, '');
  if (!raw || raw === 'utf8') return 'utf8';
  if (raw === 'gbk' || raw === 'gb18030' || raw === 'cp936' || raw === '936' || raw === 'gb2312') return 'gb18030';
  return { error: `环境变量 FAZHI_OUTPUT_ENCODING 的值“${env.FAZHI_OUTPUT_ENCODING}”无效：可用 utf8 或 gbk` };
}

/** Text → the bytes to write; UTF-8 needs no table. */
export async function encoderFor(enc: OutputEncoding): Promise<(text: string) => string | Uint8Array> {
  if (enc === 'utf8') return (text) => text;
  const { encodeGb18030 } = await import('./gbEncoder');
  return encodeGb18030;
}

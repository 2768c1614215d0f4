/**
 * GB18030 encoding for the CLI's output (FAZHI_OUTPUT_ENCODING=gbk), built from the runtime's own
 * GB18030 decoder instead of a library: iconv-lite would bring every East Asian code table (Big5,
 * Shift_JIS …, with their web links) into the shipped bundle for one optional switch. The decoder
 * maps each two-byte and each BMP four-byte sequence to one character; reading all of them once
 * (~75k sequences, tens of ms, only when the switch is on) gives the reverse table. Characters
 * beyond the BMP follow GB18030's linear four-byte rule. Checked against iconv-lite in
 * test/cli/gbEncoder.test.ts.
 */
let table: Map<string, number[]> | null = null;

function buildTable(): Map<string, number[]> {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  const pairs: number[] = [];
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) pairs.push(a, b);
  const quads: number[] = [];
  for (let a = 0x81; a <= 0x84; a++)
    for (let b = 0x30; b <= 0x39; b++) for (let c = 0x81; c <= 0xfe; c++) for (let d = 0x30; d <= 0x39; d++) quads.push(a, b, c, d);
  const add = (bytes: number[], width: number) => {
    const text = dec.decode(Uint8Array.from(bytes));
    // one UTF-16 unit per sequence, or the table would be misaligned: then read them one by one
    const oneEach = text.length === bytes.length / width;
    for (let i = 0; i < bytes.length / width; i++) {
      const seq = bytes.slice(i * width, i * width + width);
      const ch = oneEach ? text[i]! : dec.decode(Uint8Array.from(seq));
      if (ch !== '\uFFFD' && ch.length === 1 && !map.has(ch)) map.set(ch, seq);
    }
  };
  add(pairs, 2);
  add(quads, 4);
  return map;
}

export function encodeGb18030(text: string): Uint8Array {
  table ??= buildTable();
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x10000) {
      let idx = cp - 0x10000;
      const d = 0x30 + (idx % 10);
      idx = Math.floor(idx / 10);
      const c = 0x81 + (idx % 126);
      idx = Math.floor(idx / 126);
      const b = 0x30 + (idx % 10);
      out.push(0x90 + Math.floor(idx / 10), b, c, d);
    } else {
      const bytes = table.get(ch);
      // a lone surrogate has no GB18030 form: the question mark a console would show anyway
      if (bytes) out.push(...bytes);
      else out.push(0x3f);
    }
  }
  return Uint8Array.from(out);
}

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../src-main/cli/gbEncoder';

// The CLI's GB18030 writer against iconv-lite, the well-kept library it stands in for.
describe('GB18030 output encoder', () => {
  // Where GB18030-2022 (Node's ICU decoder, which the table is read from) moved characters that
  // iconv-lite still maps as GB18030-2005: vertical forms, 9FB4–9FBB, a few private-use points.
  // U+FFFD is the decoder's own "no character" and is never put in the table.
  const revised = new Set([
    0x9fb4, 0x9fb5, 0x9fb6, 0x9fb7, 0x9fb8, 0x9fb9, 0x9fba, 0x9fbb, 0xe5e5, 0xe78d, 0xe78e, 0xe78f, 0xe790, 0xe791, 0xe792, 0xe793,
    0xe794, 0xe795, 0xe796, 0xe81e, 0xe826, 0xe82b, 0xe82c, 0xe832, 0xe843, 0xe854, 0xe864, 0xfe10, 0xfe11, 0xfe12, 0xfe13,
    0xfe14, 0xfe15, 0xfe16, 0xfe17, 0xfe18, 0xfe19, 0xfffd,
  ]);

  it('writes every BMP character as iconv-lite does (outside the 2022 revision)', () => {
    const chars: string[] = [];
    for (let cp = 0x20; cp < 0xd800; cp++) if (!revised.has(cp)) chars.push(String.fromCodePoint(cp));
    for (let cp = 0xe000; cp <= 0xffff; cp++) if (!revised.has(cp)) chars.push(String.fromCodePoint(cp));
    const text = chars.join('');
    expect(Buffer.from(encodeGb18030(text)).equals(iconv.encode(text, 'gb18030'))).toBe(true);
  });

  // beyond the BMP: GB18030's linear four-byte rule, read back by the runtime's decoder
  it('a report line, with a character beyond the BMP, round-trips through the GB18030 decoder', () => {
    const line = '[错误] 第一部分（二）：数字与台账不符“开展普法活动15场次”→ 台账 16 场次；𠀀';
    expect(new TextDecoder('gb18030').decode(encodeGb18030(line))).toBe(line);
  });
});

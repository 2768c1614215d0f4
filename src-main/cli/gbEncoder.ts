// Split from outputEncoding.ts so iconv-lite's GB18030 tables load only when FAZHI_OUTPUT_ENCODING asks for them.
import iconv from 'iconv-lite';

export const encodeGb18030 = (text: string): Uint8Array => iconv.encode(text, 'gb18030');

/// <reference path="./word-extractor.d.ts" />
/**
 * Bytes of a .docx / .doc / .txt report → its lines in reading order, with Word heading styles as
 * hints. Every refusal is a Chinese AppError raised before anything is written; the format is
 * decided by the bytes (a renamed file is caught), the extension only picks the message.
 */
import mammoth from 'mammoth';
import { docBody } from './docReader';
import { checkCfb } from './cfbCheck';
import { checkZipBudget } from '../../sandbox/zipBudget';
import { decodeText } from '../textFile';
import { AppError } from '../../../src-shared/errors';
import { importFileTooBig, type ImportFormat } from '../../../src-shared/import/types';

export interface SourceLine {
  text: string;
  /** Word heading level from the paragraph style (1–4), 'title' for a Title style, else null */
  style: number | 'title' | null;
  /** centred or right-aligned in Word (a title, a signature) */
  align: 'center' | 'right' | null;
  /** level (0-based) of Word's automatic numbering ("一、" numbered by Word, not typed), else null */
  list?: number | null;
}

export interface SourceDocument {
  format: ImportFormat;
  encoding: 'utf-8' | 'gb18030' | null;
  lines: SourceLine[];
  styled: boolean;
}

/**
 * What the parts mammoth inflates (XML, relationships) may add up to: a 100-page report is a few MB
 * of XML; mammoth's document model of it takes some ten times that, inside the box's heap.
 */
const DOCX_BUDGET = { maxEntries: 3000, maxInflated: 24 * 1024 * 1024, counts: (name: string) => /\.(xml|rels)$/i.test(name) };

const SAVE_AS_DOCX = '请在 WPS 或 Word 中打开它，选择“另存为”→“Word 文档（*.docx）”，再导入保存后的文件';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);
const isZip = (b: Uint8Array) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]);
const isCfb = (b: Uint8Array) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function imageKind(b: Uint8Array): string | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47])) return 'PNG 图片';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'JPEG 图片';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'GIF 图片';
  if (startsWith(b, [0x42, 0x4d])) return 'BMP 图片';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'PDF 文件';
  return null;
}

/** An OLE container holding an encrypted Office package: a .docx saved with a password. */
function isEncryptedOffice(b: Uint8Array): boolean {
  // the stream's name in the container's directory, UTF-16LE as CFB stores names
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(Buffer.from('EncryptedPackage', 'utf16le'));
}

function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

function plainLines(text: string): SourceLine[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029|\f|\u000b/)
    .map((t) => ({ text: t, style: null, align: null }) as SourceLine);
}

interface MammothNode {
  type: string;
  children?: MammothNode[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  alignment?: string | null;
  breakType?: string;
  numbering?: { level?: string; isOrdered?: boolean } | null;
}

/** Heading level of a Word/WPS paragraph style ("Heading 2", "heading 2", "标题 2"), or 'title'. */
function styleLevel(p: MammothNode): number | 'title' | null {
  const name = `${p.styleName ?? ''}`.trim();
  const m = /^(?:heading|标题)\s*([1-9])$/i.exec(name) ?? /^(?:Heading|heading)([1-9])$/.exec(p.styleId ?? '');
  if (m) return Math.min(Number(m[1]), 4);
  if (/^(title|标题)$/i.test(name)) return 'title';
  return null;
}

function runText(node: MammothNode, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(node.value ?? '');
      return;
    case 'tab':
      out.push('\t');
      return;
    case 'break':
      // a line, page or column break inside a paragraph: what follows is a line of its own
      out.push('\n');
      return;
    case 'noteReference':
    case 'commentReference':
    case 'image':
      return;
    default:
      for (const c of node.children ?? []) runText(c, out);
  }
}

function docxLines(doc: MammothNode): SourceLine[] {
  const lines: SourceLine[] = [];
  const visit = (node: MammothNode) => {
    if (node.type === 'paragraph') {
      const parts: string[] = [];
      for (const c of node.children ?? []) runText(c, parts);
      const style = styleLevel(node);
      const align = node.alignment === 'center' ? 'center' : node.alignment === 'right' ? 'right' : null;
      const segs = parts.join('').split('\n');
      const lvl = node.numbering?.isOrdered ? Number(node.numbering.level ?? 0) : Number.NaN;
      const list = Number.isInteger(lvl) && lvl >= 0 && lvl < 9 ? lvl : null;
      for (const [i, t] of segs.entries()) lines.push({ text: t, style: i === 0 ? style : null, align, list: i === 0 ? list : null });
      return;
    }
    // tables, text boxes, hyperlinks…: their paragraphs in reading order, never dropped
    for (const c of node.children ?? []) visit(c);
  };
  visit(doc);
  return lines;
}

async function readDocx(b: Uint8Array): Promise<MammothNode> {
  let captured: MammothNode | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(b.buffer, b.byteOffset, b.byteLength) },
      {
        transformDocument: (d: unknown) => {
          captured = d as MammothNode;
          return d;
        },
        // images are not imported; skip encoding them
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
  } catch (e) {
    const msg = e instanceof Error ? e.message : '';
    if (/word\/document\.xml|main document part/i.test(msg) || /officeDocument/i.test(msg))
      throw new AppError('VALIDATION', '这个文件不是 Word 文档（可能是改了扩展名的压缩包），无法导入');
    throw new AppError('VALIDATION', '无法读取这个 Word 文档，文件可能已损坏；请在 Word 或 WPS 中打开后另存为 .docx 再导入');
  }
  if (!captured) throw new AppError('VALIDATION', '无法读取这个 Word 文档，文件可能已损坏');
  return captured;
}

async function readDoc(b: Uint8Array): Promise<string> {
  try {
    return await docBody(b);
  } catch {
    throw new AppError('VALIDATION', `无法读取这个 .doc 文件，文件可能已损坏或不是 Word 97–2003 文档；${SAVE_AS_DOCX}`);
  }
}

/** Read one uploaded file; refuses (Chinese AppError) anything that is not a readable report. */
export async function readSource(fileName: string, data: Uint8Array): Promise<SourceDocument> {
  const ext = extensionOf(fileName);
  const tooBig = importFileTooBig(data.byteLength);
  if (tooBig) throw new AppError('VALIDATION', tooBig);
  if (data.byteLength === 0) throw new AppError('VALIDATION', '文件是空的，没有可导入的内容');
  if (ext === 'wps' || ext === 'et' || ext === 'dps' || ext === 'wpt')
    throw new AppError('VALIDATION', `不能直接读取 WPS 格式（.${ext}）；${SAVE_AS_DOCX}`);
  if (!['docx', 'doc', 'txt', 'docm', 'dotx', 'text'].includes(ext))
    throw new AppError('VALIDATION', `不支持的文件类型${ext ? `（.${ext}）` : ''}：只能导入 .docx、.doc 或 .txt；${SAVE_AS_DOCX}`);

  const image = imageKind(data);
  if (image) throw new AppError('VALIDATION', `这个文件其实是${image}，不是${ext === 'txt' ? '文本文件' : ' Word 文档'}，无法导入`);

  if (isCfb(data)) {
    if (isEncryptedOffice(data)) throw new AppError('VALIDATION', '这个 Word 文档设置了打开密码（已加密），无法读取；请在 Word 或 WPS 中打开，取消密码后另存为 .docx 再导入');
    // a .doc, whatever its name says; its container is checked before word-extractor walks it
    checkCfb(data);
    const body = await readDoc(data);
    return finish({ format: 'doc', encoding: null, lines: plainLines(body), styled: false });
  }
  if (isZip(data)) {
    if (ext === 'txt' || ext === 'text') throw new AppError('VALIDATION', '这个 .txt 文件其实是压缩包或 Word 文档；如果是 Word 文档，请把扩展名改回 .docx 再导入');
    checkZipBudget(data, DOCX_BUDGET);
    const doc = await readDocx(data);
    const lines = docxLines(doc);
    return finish({ format: 'docx', encoding: null, lines, styled: lines.some((l) => l.style !== null) });
  }
  if (ext !== 'txt' && ext !== 'text')
    throw new AppError('VALIDATION', `这个文件不是有效的 Word 文档（.${ext}），可能是改了扩展名的其他文件；${SAVE_AS_DOCX}`);
  const utf16 = startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff]);
  if (!utf16 && data.subarray(0, 4096).includes(0)) throw new AppError('VALIDATION', '这个 .txt 文件含有二进制内容，不是文本文件，无法导入');
  const { text, encoding } = decodeText(data);
  return finish({ format: 'txt', encoding, lines: plainLines(text), styled: false });
}

function finish(d: SourceDocument): SourceDocument {
  const lines = d.lines
    .map((l) => ({ ...l, text: l.text.replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufeff\u200b]/g, '').replace(/\t/g, ' ') }))
    .filter((l) => l.text.trim() !== '');
  if (!lines.length) throw new AppError('VALIDATION', '文件中没有文字内容，无法导入');
  return { ...d, lines };
}

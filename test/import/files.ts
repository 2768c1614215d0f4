/** Files built in the tests from our own text: .docx with the `docx` library, .doc by LibreOffice, a password-protected container. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { AlignmentType, DeletedTextRun, Document, HeadingLevel, InsertedTextRun, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const exec = promisify(execFile);

/** `list`: numbered by Word's automatic numbering (一、 / （一）), so the number is not in the text */
export type StyledLine = {
  text: string;
  heading?: 1 | 2 | 3 | 'title';
  styleName?: string;
  center?: boolean;
  list?: 0 | 1;
  /** a tracked change (Word's 修订) inside the line: `del` (which must be in `text`) struck, `ins` put after it */
  track?: { del: string; ins: string };
};

function runs(l: StyledLine) {
  if (!l.track) return { text: l.text };
  const at = l.text.indexOf(l.track.del);
  const meta = { author: '领导', date: '2025-01-15T09:00:00Z' };
  return {
    children: [
      new TextRun(l.text.slice(0, at)),
      new DeletedTextRun({ text: l.track.del, id: 1, ...meta }),
      new InsertedTextRun({ text: l.track.ins, id: 2, ...meta }),
      new TextRun(l.text.slice(at + l.track.del.length)),
    ],
  };
}

const LEVEL = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, title: HeadingLevel.TITLE } as const;

/** A .docx whose headings carry Word's heading styles (or a custom style name such as WPS's 标题 1). */
export async function styledDocx(lines: StyledLine[]): Promise<Uint8Array<ArrayBuffer>> {
  const custom = [...new Set(lines.flatMap((l) => (l.styleName ? [l.styleName] : [])))];
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    styles: { paragraphStyles: custom.map((name, i) => ({ id: `Custom${i}`, name, basedOn: 'Normal', run: { bold: true } })) },
    sections: [
      {
        children: lines.map(
          (l) =>
            new Paragraph({
              ...runs(l),
              ...(l.styleName ? { style: `Custom${custom.indexOf(l.styleName)}` } : l.heading ? { heading: LEVEL[l.heading] } : {}),
              ...(l.center ? { alignment: AlignmentType.CENTER } : {}),
              ...(l.list !== undefined ? { numbering: { reference: 'outline', level: l.list } } : {}),
            }),
        ),
      },
    ],
  });
  const buf = await Packer.toBuffer(doc);
  const out = new Uint8Array(buf.byteLength);
  out.set(buf);
  return out;
}

/** Convert a file with LibreOffice (own profile per run, so parallel runs do not collide). */
export async function libreOfficeConvert(input: string, to: string, outDir: string): Promise<Uint8Array<ArrayBuffer>> {
  const profile = `file:///tmp/lo-import-${process.pid}-${Date.now()}`;
  await exec('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', to, '--outdir', outDir, input], { timeout: 120_000 });
  const out = path.join(outDir, `${path.basename(input, path.extname(input))}.${to.split(':')[0]}`);
  const buf = await readFile(out);
  const bytes = new Uint8Array(buf.byteLength);
  bytes.set(buf);
  return bytes;
}

export async function writeBytes(file: string, data: Uint8Array): Promise<string> {
  await writeFile(file, data);
  return file;
}

/**
 * What Word writes for a .docx saved with a password: not a zip but an OLE compound file holding
 * the streams EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO). Built here byte by byte (CFB v3,
 * 512-byte sectors, streams ≥ 4096 bytes so no mini stream is needed); the content is random.
 */
export function encryptedOfficeContainer(): Uint8Array {
  const SECTOR = 512;
  const info = 8; // sectors of EncryptionInfo (4096 bytes)
  const pkg = 16; // sectors of EncryptedPackage (8192 bytes)
  const sectors = 2 + info + pkg;
  const buf = new Uint8Array(SECTOR * (1 + sectors));
  const dv = new DataView(buf.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (buf[i] = b));
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // FAT sectors
  dv.setUint32(0x30, 1, true); // first directory sector
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const sec = (n: number) => SECTOR * (1 + n);
  // FAT (sector 0)
  const fat = (i: number, v: number) => dv.setUint32(sec(0) + i * 4, v, true);
  for (let i = 0; i < 128; i++) fat(i, 0xffffffff);
  fat(0, 0xfffffffd);
  fat(1, 0xfffffffe);
  for (let i = 0; i < info; i++) fat(2 + i, i === info - 1 ? 0xfffffffe : 3 + i);
  for (let i = 0; i < pkg; i++) fat(2 + info + i, i === pkg - 1 ? 0xfffffffe : 3 + info + i);
  // directory (sector 1)
  const entry = (n: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o = sec(1) + n * 128;
    for (let i = 0; i < name.length; i++) dv.setUint16(o + i * 2, name.charCodeAt(i), true);
    dv.setUint16(o + 64, (name.length + 1) * 2, true);
    buf[o + 66] = type;
    buf[o + 67] = 1;
    dv.setUint32(o + 68, 0xffffffff, true);
    dv.setUint32(o + 72, right, true);
    dv.setUint32(o + 76, child, true);
    dv.setUint32(o + 116, start, true);
    dv.setUint32(o + 120, size, true);
  };
  entry(0, 'Root Entry', 5, 1, 0xffffffff, 0xfffffffe, 0);
  entry(1, 'EncryptionInfo', 2, 0xffffffff, 2, 2, info * SECTOR);
  entry(2, 'EncryptedPackage', 2, 0xffffffff, 0xffffffff, 2 + info, pkg * SECTOR);
  for (const n of [3]) {
    const o = sec(1) + n * 128;
    dv.setUint32(o + 68, 0xffffffff, true);
    dv.setUint32(o + 72, 0xffffffff, true);
    dv.setUint32(o + 76, 0xffffffff, true);
  }
  for (let i = sec(2); i < buf.length; i++) buf[i] = (i * 2654435761) >>> 24;
  return buf;
}

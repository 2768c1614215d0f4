/**
 * The hostile files of issue 19 §1, built here from nothing (and a few like them): each is small
 * on disk and would make a naive reader use gigabytes, loop, or die. Every builder writes the file
 * and returns its path; nothing comes from outside the test.
 */
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

const CONTENT_TYPES_XLSX =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A workbook of `sheets` sheets with the given sheet XML bodies (inside <worksheet>). */
export function workbook(bodies: string[]): Uint8Array {
  const files: Record<string, Uint8Array | [Uint8Array, { level: 9 }]> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES_XLSX),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${SHEET_NS}><sheets>${bodies.map((_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${bodies
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  bodies.forEach((b, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = [strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}>${b}</worksheet>`), { level: 9 }]));
  return zipSync(files as never);
}

/** §1: 200 sheets, each with one cell at row 1,048,576 (85 KB; a reader that pads rows makes 4 GB). */
export const loneCellSheets = (n = 200) =>
  workbook(Array.from({ length: n }, () => '<sheetData><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>末行</t></is></c></row></sheetData>'));

/** §1: one sheet with a title and `merges` merges over the whole sheet (1.6 KB). */
export const wholeSheetMerges = (merges = 1) =>
  workbook([
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>活动台账</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>日期</t></is></c><c r="B2" t="inlineStr"><is><t>活动名称</t></is></c></row></sheetData>' +
      `<mergeCells count="${merges}">${'<mergeCell ref="A1:XFD1048576"/>'.repeat(merges)}</mergeCells>`,
  ]);

/** like them: a sheet that declares a tiny size in its zip entry but inflates to `mb` MB of rows */
export function inflatingSheet(mb: number): Uint8Array {
  const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${'填充'.repeat(40)}</t></is></c></row>`;
  // about 1 MB deflated as one piece: the repeats inside it compress some 1,000 to 1
  const chunk = Array.from({ length: 200 }, (_, i) => row(i + 1)).join('').repeat(20);
  return zipStream([
    ['[Content_Types].xml', CONTENT_TYPES_XLSX],
    ['_rels/.rels', ROOT_RELS],
    ['xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${SHEET_NS}><sheets><sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ],
    ['xl/worksheets/sheet1.xml', { ...repeatTo(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${SHEET_NS}><sheetData>`, chunk, '</sheetData></worksheet>', mb), lie: true }],
  ]);
}

/** start, then `middle` repeated until about `mb` MB, then end */
interface Repeated {
  start: string;
  middle: string;
  end: string;
  mb: number;
  /** declare 1 KB, whatever it inflates to */
  lie?: boolean;
}
const repeatTo = (start: string, middle: string, end: string, mb: number): Repeated => ({ start, middle, end, mb });

/**
 * A zip whose parts may inflate to hundreds of MB, built in milliseconds: the repeated middle is
 * deflated once (zlib, ending on a byte boundary without the final bit) and its deflate blocks are
 * laid down as many times as needed, which is a valid deflate stream. Nothing big is ever in memory.
 */
function zipStream(entries: Array<[string, string | Repeated]>): Uint8Array {
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const r: Repeated = typeof content === 'string' ? { start: content, middle: '', end: '', mb: 0 } : content;
    const mid = Buffer.from(r.middle);
    const times = mid.length ? Math.ceil((r.mb * 1024 * 1024) / mid.length) : 0;
    const head = Buffer.from(r.start);
    const tail = Buffer.from(r.end);
    const midDeflated = times ? zlib.deflateRawSync(mid, sync) : Buffer.alloc(0);
    const body = Buffer.concat([zlib.deflateRawSync(head, sync), ...Array.from({ length: times }, () => midDeflated), zlib.deflateRawSync(tail)]);
    // (zlib.crc32 of an empty buffer from Node's pool returns 0, not the running value: skip those)
    let crc = zlib.crc32(head);
    for (let i = 0; i < times; i++) crc = zlib.crc32(mid, crc);
    if (tail.length) crc = zlib.crc32(tail, crc);
    const size = head.length + times * mid.length + tail.length;
    const nameBuf = Buffer.from(name);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x0800, 6); // UTF-8 names
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(body.length, 18);
    // a lying zip says its parts are small
    const declared = r.lie ? Math.min(size, 1024) : size;
    lh.writeUInt32LE(declared >>> 0, 22);
    lh.writeUInt16LE(nameBuf.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x0800, 8);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(declared >>> 0, 24);
    ch.writeUInt16LE(nameBuf.length, 28);
    ch.writeUInt32LE(offset, 42);
    local.push(lh, nameBuf, body);
    central.push(ch, nameBuf);
    offset += 30 + nameBuf.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cd, eocd]);
}

const DOCX_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** §1: a .docx whose deflated paragraphs inflate to `mb` MB (300 MB is some 300 KB on disk). */
export function inflatingDocx(mb: number): Uint8Array {
  const para = `<w:p><w:r><w:t>${'依法行政工作扎实推进。'.repeat(20)}</w:t></w:r></w:p>`;
  return zipStream([
    ['[Content_Types].xml', DOCX_TYPES],
    ['_rels/.rels', DOCX_RELS],
    [
      'word/document.xml',
      repeatTo(
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>横街镇2024年法治政府建设年度报告</w:t></w:r></w:p>',
        para.repeat(1500),
        '</w:body></w:document>',
        mb,
      ),
    ],
  ]);
}

/** like them: a .docx of 20,000 tiny parts (a zip's entry count is checked before it is read) */
export function manyEntriesDocx(n = 20_000): Uint8Array {
  const files: Record<string, Uint8Array> = { '[Content_Types].xml': strToU8(DOCX_TYPES), '_rels/.rels': strToU8(DOCX_RELS) };
  files['word/document.xml'] = strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>报告</w:t></w:r></w:p></w:body></w:document>');
  for (let i = 0; i < n; i++) files[`customXml/item${i}.xml`] = strToU8('<a/>');
  return zipSync(files, { level: 1 });
}

// ---------------------------------------------------------------- .doc (OLE compound file)

interface CfbOptions {
  /** the directory's chain loops: sector 1 → 2 → 1 */
  loopDirectory?: boolean;
  /** the header declares this many sector-allocation-table sectors */
  declaredFatSectors?: number;
  /** the piece table in the table stream declares this size */
  pieceTableSize?: number;
}

/**
 * A Word 97 container by hand, 512-byte sectors: sector 0 the FAT, 1–2 the directory, then the
 * WordDocument and 1Table streams (4 KB each, so no mini stream). About 18 KB, as in the issue.
 */
export function hostileDoc(o: CfbOptions): Uint8Array {
  const S = 512;
  const word = new Uint8Array(8 * S);
  const wdv = new DataView(word.buffer);
  wdv.setUint16(0, 0xa5ec, true); // wIdent
  wdv.setUint16(2, 0x00c1, true); // nFib
  wdv.setUint16(0x0a, 0x0200, true); // fWhichTblStm: 1Table
  wdv.setUint32(0x18, 0x600, true); // fcMin
  wdv.setUint32(0x4c, 10, true); // ccpText
  wdv.setUint32(0x01a2, 0, true); // fcClx
  wdv.setUint32(0x01a6, 21, true); // lcbClx
  word.set(new TextEncoder().encode('报告正文内容'.replace(/./g, 'x')), 0x600);
  const table = new Uint8Array(8 * S);
  const tdv = new DataView(table.buffer);
  table[0] = 2; // the piece table
  tdv.setUint32(1, o.pieceTableSize ?? 16, true);
  tdv.setUint32(5, 0, true); // cp 0
  tdv.setUint32(9, 10, true); // cp 10
  tdv.setUint32(15, 0x40000000 | (0x600 * 2), true); // fc of piece 0 (8-bit text)
  const streams = [
    { name: 'WordDocument', data: word },
    { name: '1Table', data: table },
  ];
  const dirSectors = 2;
  const first = 1 + dirSectors;
  const total = first + streams.reduce((n, s) => n + s.data.length / S, 0);
  const fat = new Int32Array(S / 4).fill(-1);
  fat[0] = -3;
  fat[1] = 2;
  fat[2] = o.loopDirectory ? 1 : -2;
  let at = first;
  const starts: number[] = [];
  for (const s of streams) {
    starts.push(at);
    const n = s.data.length / S;
    for (let i = 0; i < n; i++) fat[at + i] = i === n - 1 ? -2 : at + i + 1;
    at += n;
  }
  const file = new Uint8Array((total + 1) * S);
  const dv = new DataView(file.buffer);
  file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  dv.setUint16(24, 0x3e, true);
  dv.setUint16(26, 3, true);
  dv.setUint16(28, 0xfffe, true);
  dv.setUint16(30, 9, true);
  dv.setUint16(32, 6, true);
  dv.setInt32(44, o.declaredFatSectors ?? 1, true);
  dv.setInt32(48, 1, true); // directory start
  dv.setInt32(56, 4096, true);
  dv.setInt32(60, -2, true);
  dv.setInt32(64, 0, true);
  dv.setInt32(68, -2, true);
  dv.setInt32(72, 0, true);
  for (let i = 0; i < 109; i++) dv.setInt32(76 + i * 4, i === 0 ? 0 : -1, true);
  file.set(new Uint8Array(fat.buffer), S);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o2 = 2 * S + i * 128;
    const n = Buffer.from(`${name}\0`, 'utf16le');
    file.set(n, o2);
    dv.setUint16(o2 + 64, n.length, true);
    file[o2 + 66] = type;
    file[o2 + 67] = 1;
    dv.setInt32(o2 + 68, -1, true);
    dv.setInt32(o2 + 72, right, true);
    dv.setInt32(o2 + 76, child, true);
    dv.setInt32(o2 + 116, start, true);
    dv.setInt32(o2 + 120, size, true);
  };
  entry(0, 'Root Entry', 5, 1, -1, -2, 0);
  entry(1, 'WordDocument', 2, -1, 2, starts[0]!, word.length);
  entry(2, '1Table', 2, -1, -1, starts[1]!, table.length);
  streams.forEach((s, i) => file.set(s.data, (starts[i]! + 1) * S));
  return file;
}

// ---------------------------------------------------------------- text

/** a .txt with a long run of digits in each paragraph (the figure scan must stay linear) */
export const digitRunsTxt = (paragraphs = 40, digits = 20_000) =>
  new TextEncoder().encode(['横街镇2024年法治政府建设年度报告', '一、主要举措', ...Array.from({ length: paragraphs }, () => `全年开展活动${'7'.repeat(digits)}次。`)].join('\n'));

// ---------------------------------------------------------------- backups

/** the head every backup of ours starts with, so a reader gets past "not our file" */
const backupHead = '{"format":"fazhi-nianbao-backup","version":2,"createdAt":"2025-01-10T08:00:00.000Z","unitVersion":1,"unit":null,"years":{},';

/** a backup of `mb` MB whose extra key holds one array of small numbers: cheap on disk, gigabytes parsed */
export function hugeArrayBackup(mb: number): Uint8Array {
  const body = Buffer.alloc(mb * 1024 * 1024, '0,');
  const tail = '0]}';
  return Buffer.concat([Buffer.from(`${backupHead}"x":[`), body, Buffer.from(tail)]);
}

/** a backup of `mb` MB of long strings: few values, few levels, so only memory can stop it */
export function longStringsBackup(mb: number): Uint8Array {
  const one = `"${'法'.repeat(1024 * 1024 / 3)}"`;
  const n = Math.floor(mb);
  return Buffer.from(`${backupHead}"x":[${Array.from({ length: n }, () => one).join(',')}]}`);
}

/** a backup nested `levels` deep (arrays in arrays) under one key */
export function deepBackup(levels: number): Uint8Array {
  return Buffer.concat([Buffer.from(`${backupHead}"x":`), Buffer.alloc(levels, '['), Buffer.alloc(levels, ']'), Buffer.from('}')]);
}

/** a file of `gb` GB: `head`, then the rest of the size as a hole (no disk used; its size says what it is) */
export async function sparseFile(file: string, gb: number, head = ''): Promise<string> {
  writeFileSync(file, head);
  const fh = await open(file, 'r+');
  await fh.truncate(gb * 1024 * 1024 * 1024);
  await fh.close();
  return file;
}

/** §1: a CSV of `gb` GB: a header and rows, then the rest of the size as a hole */
export const hugeCsv = (file: string, gb = 1): Promise<string> => sparseFile(file, gb, '日期,活动名称,类别\n2024-03-01,宪法宣传进村,普法宣传\n');

export const write = (dir: string, name: string, data: Uint8Array) => {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
};

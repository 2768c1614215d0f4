/// <reference path="./word-extractor.d.ts" />
/**
 * Text of a Word 97–2003 .doc, read with word-extractor, with one fix: its check for text deleted
 * under track changes compares only the low 5 bits of each character property (sprm), so any
 * property whose code ends in 0x00 — character spacing (sprmCDxaSpace 0x8840), which the app's
 * own export and many clerks' files carry — made the rest of the document vanish. Here the check
 * is the whole opcode, sprmCFRMarkDel 0x0800, as MS-DOC defines it.
 */
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import BufferReader from 'word-extractor/lib/buffer-reader.js';

const SPRM_CFR_MARK_DEL = 0x0800;

interface Piece {
  startFilePos: number;
  size: number;
  bpc: number;
  text: string;
}

/** Operand length of a sprm by its spra (MS-DOC 2.2.5.1); 6 = variable, length byte first. */
function operandLength(sprm: number, grpprl: Buffer, at: number): number {
  switch ((sprm >> 13) & 7) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return (grpprl[at] ?? 0) + 1;
  }
}

function markDeleted(pieces: Piece[], start: number, end: number): void {
  for (const p of pieces) {
    const s = Math.max(start, p.startFilePos);
    const e = Math.min(end, p.startFilePos + p.size);
    if (s >= e) continue;
    const a = (s - p.startFilePos) / p.bpc;
    const b = (e - p.startFilePos) / p.bpc;
    // same length, so later offsets stay right; NULs are stripped when the text is cleaned
    p.text = p.text.slice(0, a) + '\u0000'.repeat(b - a) + p.text.slice(b);
  }
}

class FixedOleExtractor extends WordOleExtractor {
  writeCharacterProperties(buffer: Buffer, tableBuffer: Buffer): void {
    const pieces = (this as unknown as { _pieces: Piece[] })._pieces;
    const fc = buffer.readUInt32LE(0x00fa);
    const lcb = buffer.readUInt32LE(0x00fe);
    const count = (lcb - 4) / 8;
    if (!Number.isInteger(count) || count <= 0) return;
    const plc = tableBuffer.subarray(fc, fc + lcb);
    const dataOffset = (count + 1) * 4;
    for (let i = 0; i < count; i++) {
      const block = plc.readUInt32LE(dataOffset + i * 4);
      const fkp = buffer.subarray(block * 512, (block + 1) * 512);
      if (fkp.length < 512) continue;
      const crun = fkp.readUInt8(511);
      for (let j = 0; j < crun; j++) {
        const rgfc = fkp.readUInt32LE(j * 4);
        const rgfcNext = fkp.readUInt32LE((j + 1) * 4);
        const rgb = fkp.readUInt8((crun + 1) * 4 + j);
        if (rgb === 0) continue;
        const cb = fkp.readUInt8(rgb * 2);
        const grpprl = fkp.subarray(rgb * 2 + 1, rgb * 2 + 1 + cb);
        for (let o = 0; o < grpprl.length - 1; ) {
          const sprm = grpprl.readUInt16LE(o);
          o += 2;
          if (sprm === SPRM_CFR_MARK_DEL && ((grpprl[o] ?? 0) & 1) === 1) markDeleted(pieces, rgfc, rgfcNext);
          o += operandLength(sprm, grpprl, o);
        }
      }
    }
  }
}

/** The body text of a .doc (curly quotes and dashes kept as written). */
export async function docBody(data: Uint8Array): Promise<string> {
  const reader = new BufferReader(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  await reader.open();
  try {
    const doc = await new FixedOleExtractor().extract(reader);
    return doc.getBody({ filterUnicode: false });
  } finally {
    await reader.close();
  }
}

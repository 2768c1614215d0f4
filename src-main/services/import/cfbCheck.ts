/**
 * Checks the container of a .doc (an OLE compound file) before word-extractor walks it. That
 * library follows sector chains without looking back: a chain that loops (sector A → B → A) makes
 * it grow an array until V8 ends the process ("Fatal JavaScript invalid size error", which no
 * try/catch stops), a directory tree that loops recurses without end, and a sector table declared
 * larger than the file is allocated as declared. Here every chain the library may follow is known
 * to end, inside the file, and the piece table of the Word text lies inside its stream, in time
 * linear in the file's size. The box (src-main/sandbox) still holds whatever gets past this.
 */
import { AppError } from '../../../src-shared/errors';

const damaged = () => new AppError('VALIDATION', '文件过大或已损坏，未导入：这个 .doc 文件的内部结构已损坏（无法读取）；请在 WPS 或 Word 中打开它，另存为 .docx 再导入');

class Cfb {
  readonly dv: DataView;
  readonly secSize: number;
  readonly sectors: number;
  constructor(readonly b: Uint8Array) {
    this.dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const shift = this.dv.getUint16(30, true);
    if (shift !== 9 && shift !== 12) throw damaged();
    if (this.dv.getUint16(32, true) !== 6) throw damaged();
    this.secSize = 1 << shift;
    // sector n starts at (n + 1) * secSize; a last sector cut short still counts
    this.sectors = Math.ceil(Math.max(0, b.length - this.secSize) / this.secSize);
  }
  i32(at: number): number {
    return this.dv.getInt32(at, true);
  }
  /** the int32 entries of sector `id` */
  sectorInts(id: number): Int32Array {
    if (id < 0 || id >= this.sectors) throw damaged();
    const start = (id + 1) * this.secSize;
    const bytes = new Uint8Array(this.secSize);
    bytes.set(this.b.subarray(start, Math.min(this.b.length, start + this.secSize)));
    return new Int32Array(bytes.buffer);
  }
}

/**
 * Every chain of `table` ends: no loop, every link inside the table (a free or special value ends
 * a chain, as the library reads it). One pass over all chains, each sector visited once.
 */
function checkTable(table: Int32Array): void {
  // 0 = not seen, 1 = on the chain being walked, 2 = known to end
  const state = new Uint8Array(table.length);
  for (let start = 0; start < table.length; start++) {
    let at = start;
    const path: number[] = [];
    while (at >= 0 && state[at] === 0) {
      if (at >= table.length) throw damaged();
      state[at] = 1;
      path.push(at);
      const next = table[at]!;
      if (next >= table.length) throw damaged();
      at = next;
    }
    if (at >= 0 && state[at] === 1) throw damaged();
    for (const p of path) state[p] = 2;
  }
}

/** the sectors of a chain from `start` in an already checked table */
function chain(table: Int32Array, start: number, limit: number): number[] {
  const out: number[] = [];
  for (let at = start; at >= 0; at = table[at]!) {
    if (at >= table.length || out.length >= limit) throw damaged();
    out.push(at);
  }
  return out;
}

function readChain(cfb: Cfb, fat: Int32Array, start: number): Uint8Array {
  const ids = chain(fat, start, cfb.sectors);
  const out = new Uint8Array(ids.length * cfb.secSize);
  ids.forEach((id, i) => out.set(new Uint8Array(cfb.sectorInts(id).buffer), i * cfb.secSize));
  return out;
}

interface Entry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** Throws AppError VALIDATION (Chinese) unless the .doc's container can be walked safely. */
export function checkCfb(b: Uint8Array): void {
  if (b.length < 512) throw damaged();
  const cfb = new Cfb(b);
  const satSize = cfb.i32(44);
  const dirStart = cfb.i32(48);
  const miniCutoff = cfb.i32(56);
  const ssatStart = cfb.i32(60);
  const ssatSize = cfb.i32(64);
  const msatStart = cfb.i32(68);
  const msatSize = cfb.i32(72);
  // declared counts of sectors larger than the file: the library allocates them as declared
  for (const n of [satSize, ssatSize, msatSize]) if (n < 0 || n > cfb.sectors) throw damaged();

  // the sector allocation table: the header's 109 entries, then the MSAT chain
  const msat: number[] = [];
  for (let i = 0; i < 109 && msat.length < satSize; i++) msat.push(cfb.i32(76 + i * 4));
  let next = msatStart;
  const per = cfb.secSize / 4 - 1;
  for (let i = 0; i < msatSize && msat.length < satSize; i++) {
    const ints = cfb.sectorInts(next);
    for (let k = 0; k < per && msat.length < satSize; k++) msat.push(ints[k]!);
    next = ints[per]!;
  }
  if (msat.length < satSize) throw damaged();
  const fat = new Int32Array(satSize * (cfb.secSize / 4));
  msat.forEach((id, i) => fat.set(cfb.sectorInts(id), i * (cfb.secSize / 4)));
  checkTable(fat);

  // the short-sector table, from its chain, which the library expects to be exactly ssatSize long
  const ssatIds = ssatStart >= 0 ? chain(fat, ssatStart, cfb.sectors) : [];
  if (ssatIds.length !== ssatSize) throw damaged();
  const ssat = new Int32Array(ssatIds.length * (cfb.secSize / 4));
  ssatIds.forEach((id, i) => ssat.set(cfb.sectorInts(id), i * (cfb.secSize / 4)));
  checkTable(ssat);

  // the directory: a tree the library walks recursively, so no entry may be reached twice
  const dir = readChain(cfb, fat, dirStart);
  const dv = new DataView(dir.buffer);
  const entries: Entry[] = [];
  for (let o = 0; o + 128 <= dir.length; o += 128) {
    const nameLen = Math.min(64, Math.max(0, dv.getInt16(o + 64, true) - 2));
    entries.push({
      name: Buffer.from(dir.buffer, o, nameLen).toString('utf16le'),
      type: dv.getInt8(o + 66),
      left: dv.getInt32(o + 68, true),
      right: dv.getInt32(o + 72, true),
      child: dv.getInt32(o + 76, true),
      start: dv.getInt32(o + 116, true),
      size: dv.getInt32(o + 120, true),
    });
  }
  const root = entries.find((e) => e.type === 5);
  if (!root) throw damaged();
  const seen = new Set<number>();
  const stack = [root.child];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === -1) continue;
    if (id < 0 || id >= entries.length || seen.has(id)) throw damaged();
    seen.add(id);
    const e = entries[id]!;
    stack.push(e.left, e.right);
    if (e.type === 1) stack.push(e.child);
  }
  // every stream's chain starts inside its table (the tables were checked to end)
  const short = (e: Entry) => e.size < miniCutoff;
  for (const e of [root, ...[...seen].map((i) => entries[i]!)]) {
    if (e.type !== 2 && e.type !== 5) continue;
    const table = e.type === 2 && short(e) ? ssat : fat;
    if (e.start >= table.length) throw damaged();
  }
  if (root.start >= 0) chain(fat, root.start, cfb.sectors);

  checkPieceTable(cfb, fat, ssat, entries, seen, short);
}

/**
 * The Word text's piece table (in the 0Table or 1Table stream, found through the FIB of the
 * WordDocument stream) lies inside that stream and has the size its entries need: word-extractor
 * takes its declared size as the number of pieces to read.
 */
function checkPieceTable(cfb: Cfb, fat: Int32Array, ssat: Int32Array, entries: Entry[], seen: Set<number>, short: (e: Entry) => boolean): void {
  const byName = new Map([...seen].map((i) => [entries[i]!.name, entries[i]!]));
  const word = byName.get('WordDocument');
  if (!word || short(word)) return; // not a Word file the library can read: it says so itself
  const fib = readChain(cfb, fat, word.start).subarray(0, Math.max(0, Math.min(word.size, 0x1a6 + 8)));
  if (fib.length < 0x1aa) throw damaged();
  const fdv = new DataView(fib.buffer, fib.byteOffset, fib.byteLength);
  const tableName = (fdv.getUint16(0x0a, true) & 0x0200) !== 0 ? '1Table' : '0Table';
  const table = byName.get(tableName);
  if (!table) throw damaged();
  const tableSize = Math.min(table.size, short(table) ? chain(ssat, table.start, ssat.length).length * 64 : chain(fat, table.start, cfb.sectors).length * cfb.secSize);
  const fcClx = fdv.getUint32(0x01a2, true);
  const lcbClx = fdv.getUint32(0x01a6, true);
  if (fcClx + lcbClx > tableSize) throw damaged();
  // the Clx itself: property blocks (1, size, bytes) then the piece table (2, size, …)
  const tbytes = short(table) ? null : readChain(cfb, fat, table.start);
  if (!tbytes) return; // a table stream this small holds a piece table of a few pieces at most
  const tdv = new DataView(tbytes.buffer);
  let pos = fcClx;
  while (pos < fcClx + lcbClx && tbytes[pos] === 1) pos += 3 + tdv.getUint16(pos + 1, true);
  if (pos + 5 > Math.min(tableSize, fcClx + lcbClx) || tbytes[pos] !== 2) throw damaged();
  const size = tdv.getUint32(pos + 1, true);
  if (size < 4 || (size - 4) % 12 !== 0 || pos + 5 + size > Math.min(tableSize, fcClx + lcbClx)) throw damaged();
}

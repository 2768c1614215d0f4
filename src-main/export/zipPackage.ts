/**
 * Zips the parts of a .docx (an OPC package: a plain ZIP, entries deflated) with Node's own zlib.
 *
 * The docx library zips with the JavaScript DEFLATE of fflate it carries. In the `fazhi export`
 * process, which runs without TurboFan (src-main/cli/launch.ts), that was a sixth of the command's
 * time; zlib's native DEFLATE does the same in a fraction of it. The parts themselves (the XML) are
 * the library's, unchanged: only the container is written here.
 */
import zlib from 'node:zlib';

/** the package's files by their paths, in the order they are zipped (the docx compiler's output) */
export type PackageParts = Map<string, string | Uint8Array>;

/** DOS date and time fields (local time, 2-second steps) as ZIP stores them */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20; // 2.0: DEFLATE
const UTF8_NAME = 0x0800;

/** One ZIP file of the parts, each DEFLATE-compressed, in the given order. */
export function zipPackage(parts: PackageParts, now: Date = new Date()): Buffer {
  const { time, date } = dosTime(now);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const raw = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const packed = zlib.deflateRawSync(raw, { level: 6 });
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = nameBytes.length !== name.length ? UTF8_NAME : 0;
    const crc = zlib.crc32(raw) >>> 0;

    const local = Buffer.alloc(30 + nameBytes.length);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // DEFLATE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.byteLength, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field
    nameBytes.copy(local, 30);

    const central = Buffer.alloc(46 + nameBytes.length);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(raw.byteLength, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk, internal and external attributes: all 0
    central.writeUInt32LE(offset, 42);
    nameBytes.copy(central, 46);

    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

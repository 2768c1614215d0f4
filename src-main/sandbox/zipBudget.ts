/**
 * Cheap limits on a zip package (.docx, .xlsx) before any reader inflates it: how many entries,
 * and how many bytes the parts a reader will inflate really inflate to. The sizes a zip declares
 * can lie, so the parts are inflated here and the output is capped while inflating: zlib stops
 * at the rest of the budget (maxOutputLength), so a 343 KB .docx that inflates to 300 MB is
 * refused after inflating the budget, in well under a second, holding at most the budget for a
 * moment. zlib (native) rather than fflate's streaming inflater: the check inflates every part
 * once more than the reader does, and fflate's streaming took 3 s for a 40 MB sheet on a busy PC.
 * The entries are the ones the central directory names, read from where it says, as fflate's
 * unzipSync and mammoth's JSZip read them.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../src-shared/errors';
import { BOX_REFUSED } from './limits';

export interface ZipBudget {
  /** entries the central directory may list */
  maxEntries: number;
  /** bytes the inflated parts chosen by `counts` may add up to */
  maxInflated: number;
  /** which parts the reader will inflate (the others are never inflated, whatever their size) */
  counts: (name: string) => boolean;
}

const refuse = () => new AppError('VALIDATION', BOX_REFUSED);
/** Throws AppError VALIDATION BOX_REFUSED when the zip is over `b`; returns quietly for a zip it cannot make sense of (the reader says what is wrong). */
export function checkZipBudget(zip: Uint8Array, b: ZipBudget): void {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // end of central directory: the last 22 bytes, or up to 64 KB earlier behind a comment
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return;
  const entries = dv.getUint16(eocd + 10, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  // zip64 (more than 65,535 entries or 4 GB): nothing a report or a ledger sheet needs
  if (entries === 0xffff || cdOffset === 0xffffffff) throw refuse();
  if (entries > b.maxEntries) throw refuse();
  let total = 0;
  let at = cdOffset;
  const utf8 = new TextDecoder();
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || dv.getUint32(at, true) !== 0x02014b50) return;
    const method = dv.getUint16(at + 10, true);
    const compressed = dv.getUint32(at + 20, true);
    const declared = dv.getUint32(at + 24, true);
    const nameLen = dv.getUint16(at + 28, true);
    const extraLen = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    const local = dv.getUint32(at + 42, true);
    const name = utf8.decode(zip.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
    if (!b.counts(name)) continue;
    // what it says it inflates to is over already: no need to find out whether that is true
    if (total + declared > b.maxInflated) throw refuse();
    if (local + 30 > zip.length || dv.getUint32(local, true) !== 0x04034b50) return;
    const start = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const data = zip.subarray(start, Math.min(zip.length, start + compressed));
    if (method === 0) total += data.length;
    else if (method === 8) total = inflateCounting(data, total, b.maxInflated);
    if (total > b.maxInflated) throw refuse();
  }
}

/** `total` plus the inflated size of `data`; throws as soon as it passes `max`. */
function inflateCounting(data: Uint8Array, total: number, max: number): number {
  try {
    return total + inflateRawSync(data, { maxOutputLength: Math.max(1, max - total + 1) }).length;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw refuse();
    // a damaged stream: the reader reports it in its own words
    return total;
  }
}

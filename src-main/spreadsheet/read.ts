/**
 * Bytes of a spreadsheet → a grid of cell values. .xlsx through xlsxReader.ts (why a reader of
 * our own: see there), .csv through papaparse
 * (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GB18030). Everything a clerk may hand us that is not
 * one of these gets a Chinese message saying what to do instead.
 */
import Papa from 'papaparse';
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { AppError } from '../../src-shared/errors';
import { MAX_IMPORT_ROWS, sheetFileTooBig } from '../../src-shared/sheet/targets';
import { XlsxNotUnderstood, SheetTooLong, readXlsxSheet } from './xlsxReader';
import { checkZipBudget } from '../sandbox/zipBudget';
import type { CellValue, Grid } from './grid';
import { decodeText, hasUtf16Bom } from '../services/textFile';

/** Worksheet XML up to this size is parsed without counting its rows first. */
const SMALL_SHEET_BYTES = 4 * 1024 * 1024;
/** Header and title rows allowed above the data. */
const SLACK_ROWS = 50;
/**
 * What the XML parts of a workbook may inflate to, and how many entries it may have: a 20,000-row
 * ledger is a few MB of XML; a 200-sheet workbook has some 400 entries.
 */
const XLSX_BUDGET = { maxEntries: 5000, maxInflated: 64 * 1024 * 1024, counts: (name: string) => /\.(xml|rels)$/i.test(name) };

const tooMany = (n: number | string) =>
  new AppError('VALIDATION', `表格共有${n}行，超过一次导入的上限${MAX_IMPORT_ROWS}行；请把表格分成几个文件分别导入，没有导入任何记录`);

function isZip(b: Uint8Array) {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}
function isOle(b: Uint8Array) {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return b.length >= 8 && sig.every((x, i) => b[i] === x);
}
function containsUtf16(b: Uint8Array, word: string): boolean {
  const needle = Buffer.from(word, 'utf16le');
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).includes(needle);
}

function extOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/** Read the first non-empty worksheet (or the CSV) of a file the clerk picked. */
export async function readGrid(fileName: string, data: Uint8Array): Promise<Grid> {
  try {
    return readAny(fileName, data);
  } catch (e) {
    // whatever a damaged file makes a parser throw, the clerk gets a sentence, not a stack
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', `无法读取文件“${fileName.slice(0, 60)}”：文件可能已损坏。请在 Excel 或 WPS 中打开，另存为 .xlsx 或 .csv 后再导入`);
  }
}

function readAny(fileName: string, data: Uint8Array): Grid {
  if (data.byteLength === 0) throw new AppError('VALIDATION', '文件是空的（0 字节），没有可导入的内容');
  const tooBig = sheetFileTooBig(data.byteLength);
  if (tooBig) throw new AppError('VALIDATION', tooBig);
  const ext = extOf(fileName);
  if (isOle(data)) {
    // an OLE container is either a password-protected .xlsx or an old binary workbook (.xls/.et)
    if (containsUtf16(data, 'EncryptedPackage') || containsUtf16(data, 'EncryptionInfo'))
      throw new AppError('VALIDATION', '这个工作簿设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx，再导入');
    throw new AppError('VALIDATION', '不支持旧版 Excel 97-2003 格式（.xls）。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（.xlsx）”后再导入');
  }
  if (isZip(data)) return readXlsx(data);
  if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls' || ext === 'et')
    throw new AppError('VALIDATION', `文件“${fileName}”不是有效的 Excel 工作簿（可能已损坏，或只是改了扩展名）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入`);
  if (ext && ext !== 'csv' && ext !== 'txt' && ext !== 'tsv')
    throw new AppError('VALIDATION', `不支持的文件类型“.${ext}”，请选择 .xlsx 或 .csv 文件`);
  return readCsv(data);
}

// ---------------------------------------------------------------- xlsx

/**
 * Counts <row> elements of every worksheet while inflating chunk by chunk, and stops as soon as
 * one sheet is over the limit: a 200,000-row sheet is refused in milliseconds, without ever
 * holding its XML (tens of MB) or a full reader's cell objects (hundreds of MB) in memory.
 */
function checkRowCounts(data: Uint8Array): void {
  // sheets this small cannot hold much in memory whatever their row count: the reader counts
  // their rows itself, and the inflate-and-count pass is saved (a third of a 5,000-row import)
  let sheetBytes = 0;
  try {
    unzipSync(data, {
      filter: (f) => {
        if (/^xl\/worksheets\/[^/]+\.xml$/i.test(f.name)) sheetBytes += f.originalSize;
        return false;
      },
    });
  } catch {
    return; // a damaged zip: the reader reports it with the file-level message
  }
  if (sheetBytes <= SMALL_SHEET_BYTES) return;
  const limit = MAX_IMPORT_ROWS + SLACK_ROWS;
  let over: number | null = null;
  const uz = new Unzip();
  uz.register(UnzipInflate);
  uz.onfile = (f) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(f.name) || over !== null) return;
    let n = 0;
    let tail = '';
    f.ondata = (err, chunk, final) => {
      if (err || over !== null) return;
      const s = tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      // the last few characters wait for the next chunk: a tag may be split between two chunks
      const upTo = final ? s.length : Math.max(0, s.length - 12);
      const re = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) !== null && m.index < upTo) n++;
      tail = s.slice(upTo);
      if (n > limit) {
        over = n;
        f.terminate();
      }
    };
    f.start();
  };
  try {
    // in steps, so a sheet over the limit stops being inflated (one push would inflate all of it)
    const STEP = 64 * 1024;
    for (let i = 0; i < data.length && over === null; i += STEP) uz.push(data.subarray(i, i + STEP), i + STEP >= data.length);
  } catch {
    // a damaged zip is reported by the reader below, with the file-level message
  }
  if (over !== null) throw tooMany(`超过${MAX_IMPORT_ROWS}`);
}

const EMPTY_WORKBOOK = '工作簿中没有任何内容（所有工作表都是空的），没有导入任何记录';

function readXlsx(data: Uint8Array): Grid {
  checkZipBudget(data, XLSX_BUDGET);
  checkRowCounts(data);
  let grid: Grid;
  try {
    grid = readXlsxSheet(data, 200, MAX_IMPORT_ROWS + SLACK_ROWS);
  } catch (e) {
    if (e instanceof SheetTooLong) throw tooMany(`至少${e.row}`);
    if (!(e instanceof XlsxNotUnderstood)) throw e;
    throw new AppError('VALIDATION', '无法读取这个 Excel 文件：文件可能已损坏，或不是 Excel 工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入');
  }
  if (!grid.rows.some((r) => r.some((c) => c !== null && c !== ''))) throw new AppError('VALIDATION', EMPTY_WORKBOOK);
  if (grid.rows.length > MAX_IMPORT_ROWS + SLACK_ROWS) throw tooMany(grid.rows.length);
  return grid;
}

// ---------------------------------------------------------------- csv

function readCsv(data: Uint8Array): Grid {
  // a binary file (a picture renamed .csv) would decode to garbage: refuse on NUL bytes
  const probe = data.subarray(0, 4096);
  if (!hasUtf16Bom(data) && probe.includes(0)) throw new AppError('VALIDATION', '文件不是文本格式的 CSV，也不是 .xlsx 工作簿，无法导入');
  let lines = 0;
  for (let i = 0; i < data.length; i++) if (data[i] === 0x0a && ++lines > MAX_IMPORT_ROWS + SLACK_ROWS) throw tooMany(`超过${MAX_IMPORT_ROWS}`);
  const { text } = decodeText(data);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  const rows: CellValue[][] = parsed.data.map((r) => (Array.isArray(r) ? r.slice(0, 200).map((c) => (c === '' ? null : c)) : []));
  if (!rows.some((r) => r.some((c) => c !== null && String(c).trim() !== '')))
    throw new AppError('VALIDATION', '文件中没有任何内容，没有导入任何记录');
  return { sheetName: 'CSV', rows, otherSheets: [], formulasWithoutResult: 0 };
}

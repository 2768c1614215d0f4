/**
 * The .xlsx reader of the import: the cell values of one worksheet, read from the sheet XML
 * directly. The import needs values only, not a workbook's object model (styles, every cell an
 * object), so a 5,000-row ledger reads in tens of milliseconds, and no spreadsheet library with
 * web links in its dependencies goes into the offline bundles. Anything it does not expect throws
 * XlsxNotUnderstood, which read.ts turns into a Chinese message (save as .xlsx again) rather than
 * guessing. The tests hold it against a full spreadsheet library (test/spreadsheet/reader.test.ts).
 */
import { unzipSync, type Unzipped } from 'fflate';
import type { CellValue, Grid } from './grid';

export class XlsxNotUnderstood extends Error {}

/** The sheet being imported has a row past the limit the caller gave (its 1-based number). */
export class SheetTooLong extends Error {
  constructor(readonly row: number) {
    super(`row ${row}`);
  }
}

const utf8 = new TextDecoder('utf-8');
const P = '(?:[A-Za-z_][\\w.-]*:)?'; // optional namespace prefix (x:row)

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const name = m[1]!.includes(':') && !m[1]!.startsWith('xmlns') ? m[1]!.split(':').pop()! : m[1]!;
    out[name] = unescapeXml(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** r, s and t of a <c> or <row>: the hot path, so no general attribute parsing. */
function cellAttrs(s: string): { r?: string; s?: string; t?: string } {
  const out: { r?: string; s?: string; t?: string } = {};
  const re = /(?:^|\s)(r|s|t)\s*=\s*["']([^"']*)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) out[m[1] as 'r' | 's' | 't'] = m[2]!;
  return out;
}

function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
      switch (e) {
        case 'lt':
          return '<';
        case 'gt':
          return '>';
        case 'amp':
          return '&';
        case 'quot':
          return '"';
        case 'apos':
          return "'";
        default:
          return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      }
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of an <si> or <is>: its <t> runs, without phonetic guides (<rPh>). */
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const T_RUN = new RegExp(`<${P}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${P}t>)`, 'g');
const SIMPLE_T = /^<t(?: xml:space="preserve")?>([^<]*)<\/t>$/;

function richText(xml: string): string {
  // nearly every string is one plain run
  const simple = SIMPLE_T.exec(xml);
  if (simple) return unescapeXml(simple[1]!);
  const noPhonetic = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let out = '';
  T_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = T_RUN.exec(noPhonetic)) !== null) out += m[1] ?? '';
  return unescapeXml(out);
}

function text(files: Unzipped, name: string): string | null {
  const f = files[name];
  return f ? utf8.decode(f) : null;
}

function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${baseDir}${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style index: does it show a date? */
function dateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(new RegExp(`<${P}numFmt\\b([^>]*)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    if (a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = new RegExp(`<${P}cellXfs\\b[^>]*>([\\s\\S]*?)</${P}cellXfs>`).exec(stylesXml)?.[1] ?? '';
  const out: boolean[] = [];
  for (const m of xfs.matchAll(new RegExp(`<${P}xf\\b([^>]*?)(?:/>|>)`, 'g'))) {
    const id = Number(attrs(m[1]!).numFmtId ?? 0);
    out.push(custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial)) return null;
  const days = date1904 ? serial + 1462 : serial;
  const ms = Math.round((days - 25569) * 86_400_000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Reads the first visible worksheet that has cells; a row past `maxRows` in it throws SheetTooLong. */
export function readXlsxSheet(data: Uint8Array, maxColumns = 200, maxRows = 1_048_576): Grid {
  let files: Unzipped;
  try {
    files = unzipSync(data, { filter: (f) => f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  } catch {
    throw new XlsxNotUnderstood('unzip');
  }
  // the workbook part is named by the package relationships (nearly always xl/workbook.xml)
  const rootRels = text(files, '_rels/.rels');
  const wbPath = (rootRels && [...rootRels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)].map((m) => attrs(m[1]!)).find((a) => /\/officeDocument$/.test(a.Type ?? ''))?.Target?.replace(/^\//, '')) || 'xl/workbook.xml';
  const wbDir = wbPath.includes('/') ? wbPath.slice(0, wbPath.lastIndexOf('/') + 1) : '';
  const workbook = text(files, wbPath);
  const rels = text(files, `${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`);
  if (!workbook || !rels) throw new XlsxNotUnderstood('no workbook');
  const date1904 = new RegExp(`<${P}workbookPr\\b[^>]*date1904\\s*=\\s*["'](1|true)["']`).test(workbook);
  const relTarget = new Map<string, string>();
  let sstPath = `${wbDir}sharedStrings.xml`;
  let stylesPath = `${wbDir}styles.xml`;
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = attrs(m[1]!);
    if (!a.Id || !a.Target) continue;
    const target = resolveTarget(wbDir, a.Target);
    relTarget.set(a.Id, target);
    if (/\/sharedStrings$/.test(a.Type ?? '')) sstPath = target;
    if (/\/styles$/.test(a.Type ?? '')) stylesPath = target;
  }
  const sheets: Array<{ name: string; path: string }> = [];
  for (const m of workbook.matchAll(new RegExp(`<${P}sheet\\b([^>]*)/?>`, 'g'))) {
    const a = attrs(m[1]!);
    if (a.state === 'hidden' || a.state === 'veryHidden') continue;
    const p = a.id ? relTarget.get(a.id) : undefined;
    if (!p || !files[p]) throw new XlsxNotUnderstood('sheet part');
    sheets.push({ name: a.name ?? '', path: p });
  }
  if (!sheets.length) throw new XlsxNotUnderstood('no sheets');

  const sstXml = text(files, sstPath);
  const shared: string[] = [];
  if (sstXml) for (const m of sstXml.matchAll(new RegExp(`<${P}si\\b[^>]*>([\\s\\S]*?)</${P}si>|<${P}si\\s*/>`, 'g'))) shared.push(richText(m[1] ?? ''));
  const isDate = dateStyles(text(files, stylesPath));

  const rowRe = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
  const cellRe = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
  const vRe = new RegExp(`<${P}v\\b[^>]*>([\\s\\S]*?)</${P}v>`);
  const fRe = new RegExp(`<${P}f\\b`);
  const isRe = new RegExp(`<${P}is\\b[^>]*>([\\s\\S]*?)</${P}is>`);

  /** the cells of one sheet; refuses a row past maxRows before padding up to it */
  const parseSheet = (xml: string) => {
    const rows: CellValue[][] = [];
    let formulasWithoutResult = 0;
    let filled = false;
    let nextRow = 0;
    for (const rm of xml.matchAll(rowRe)) {
      const ra = cellAttrs(rm[1]!);
      const r = ra.r ? Number(ra.r) - 1 : nextRow;
      if (!Number.isInteger(r) || r < 0 || r > 1_048_575) throw new XlsxNotUnderstood('row number');
      // a lone cell at row 1,048,576 would otherwise pad the sheet with a million empty rows
      if (r >= maxRows) throw new SheetTooLong(r + 1);
      nextRow = r + 1;
      const cells: CellValue[] = [];
      let nextCol = 0;
      for (const cm of (rm[2] ?? '').matchAll(cellRe)) {
        const ca = cellAttrs(cm[1]!);
        const c = ca.r ? colIndex(ca.r) : nextCol;
        nextCol = c + 1;
        if (c < 0 || c >= maxColumns) continue;
        const body = cm[2] ?? '';
        const v = vRe.exec(body)?.[1];
        const t = ca.t ?? 'n';
        let value: CellValue = null;
        if (t === 'inlineStr') value = richText(isRe.exec(body)?.[1] ?? '');
        else if (v === undefined) {
          if (fRe.test(body)) formulasWithoutResult++;
        } else if (t === 's') {
          const s = shared[Number(v)];
          if (s === undefined) throw new XlsxNotUnderstood('shared string');
          value = s;
        } else if (t === 'str') value = unescapeXml(v);
        else if (t === 'b') value = v === '1' || v === 'true';
        else if (t === 'e') value = null;
        else if (t === 'd') {
          const d = new Date(unescapeXml(v));
          value = Number.isNaN(d.getTime()) ? unescapeXml(v) : d;
        } else if (t === 'n') {
          const n = Number(v);
          if (!Number.isFinite(n)) throw new XlsxNotUnderstood('number');
          value = isDate[Number(ca.s ?? 0)] ? serialToDate(n, date1904) : n;
        } else throw new XlsxNotUnderstood(`cell type ${t}`);
        while (cells.length < c) cells.push(null);
        cells[c] = value;
        if (value !== null && value !== '') filled = true;
      }
      while (rows.length < r) rows.push([]);
      rows[r] = cells;
    }
    return { rows, filled, formulasWithoutResult: filled ? formulasWithoutResult : 0 };
  };

  // the first sheet with cells is read whole; of the others only whether they have any is kept
  let first: { name: string; rows: CellValue[][]; formulasWithoutResult: number; xml: string } | null = null;
  const others: string[] = [];
  for (const sheet of sheets) {
    const xml = utf8.decode(files[sheet.path]!);
    if (first) {
      try {
        if (parseSheet(xml).filled) others.push(sheet.name);
      } catch (e) {
        // a sheet not imported may be as long as it likes: it has cells, that is all we say of it
        if (!(e instanceof SheetTooLong)) throw e;
        others.push(sheet.name);
      }
      continue;
    }
    const p = parseSheet(xml);
    if (p.filled) first = { name: sheet.name, rows: p.rows, formulasWithoutResult: p.formulasWithoutResult, xml };
  }
  if (!first) return { sheetName: sheets[0]!.name, rows: [], otherSheets: [], formulasWithoutResult: 0 };
  applyMerges(first.xml, first.rows, maxColumns);
  // every row padded to the sheet's width, as spreadsheet programs hand a range over
  const width = Math.min(maxColumns, Math.max(0, ...first.rows.map((r) => r.length)));
  for (const r of first.rows) if (r.length) while (r.length < width) r.push(null);
  return { sheetName: first.name, rows: first.rows, otherSheets: others, formulasWithoutResult: first.formulasWithoutResult };
}

/**
 * Merged cells read as their first cell (what the clerk sees in each of them). A merge reaches no further than the
 * cells the sheet has (one merge over the whole sheet would otherwise make 17 billion cells), and
 * all merges together fill at most twice the used range: merges of a real sheet do not overlap.
 */
function applyMerges(xml: string, rows: CellValue[][], maxColumns: number): void {
  const height = rows.length;
  const width = Math.min(maxColumns, Math.max(0, ...rows.map((r) => r.length)));
  let budget = 2 * height * width;
  for (const mm of xml.matchAll(new RegExp(`<${P}mergeCell\\b([^>]*)/?>`, 'g'))) {
    const ref = attrs(mm[1]!).ref ?? '';
    const m = /^([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})$/.exec(ref);
    if (!m) continue;
    const c1 = colIndex(m[1]!);
    const r1 = Number(m[2]) - 1;
    const c2 = Math.min(colIndex(m[3]!), width - 1);
    const r2 = Math.min(Number(m[4]) - 1, height - 1);
    if (r1 > r2 || c1 > c2) continue;
    budget -= (r2 - r1 + 1) * (c2 - c1 + 1);
    if (budget < 0) throw new XlsxNotUnderstood('merges');
    const master = rows[r1]?.[c1] ?? null;
    for (let r = r1; r <= r2; r++) {
      const row = rows[r] ?? (rows[r] = []);
      for (let c = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        while (row.length < c) row.push(null);
        row[c] = master;
      }
    }
  }
}

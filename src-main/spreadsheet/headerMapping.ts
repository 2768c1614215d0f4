/**
 * Where the header is (title rows above it, two-row headers with merged cells) and which column
 * is which field: the proposal the clerk confirms or changes.
 */
import { createHash } from 'node:crypto';
import { TARGETS_BY_KIND, type SheetKind, type SheetMapping, type SheetTarget } from '../../src-shared/sheet/targets';
import type { CellValue } from './grid';
import { cellText, halfWidth } from './cellValues';

/** Header words per field, normalized (NFKC, no spaces); longer and exact matches win. */
const SYNONYMS: Record<SheetTarget, string[]> = {
  date: ['日期', '时间', '活动日期', '活动时间', '开展时间', '开展日期', '受理日期', '受理时间', '调解日期', '调解时间', '登记日期', '发生时间', '日期时间'],
  category: ['类别', '类型', '活动类别', '活动类型', '分类', '宣传类型', '宣传类别', '活动分类'],
  title: ['活动名称', '名称', '标题', '内容', '活动内容', '主题', '活动主题', '工作内容', '事项', '活动标题'],
  village: ['村(社区)', '村社区', '村居', '村', '社区', '地点', '活动地点', '所在村', '所属村', '村别', '村(居)', '村/社区', '所在村(社区)', '村(居)委会'],
  participants: ['参与人数', '参加人数', '人数', '受众人数', '受教育人数', '覆盖人数', '参与人次', '人次'],
  materials: ['资料份数', '发放资料', '资料', '份数', '发放资料份数', '发放材料', '宣传资料', '资料(份)', '发放资料(份)'],
  note: ['备注', '说明'],
  kind: ['纠纷类型', '类型', '案件类型', '纠纷类别', '类别', '矛盾类型', '纠纷种类'],
  outcome: ['调解结果', '结果', '是否成功', '调解情况', '办结情况', '处理结果', '调处结果'],
};

/** Columns that hold personal data: never proposed, and left out unless the clerk maps them. */
const PERSONAL = /(当事人|申请人|被申请人|姓名|身份证|证件|电话|手机|联系人|联系方式|住址|地址|家庭|年龄|性别|出生)/;

export function normHeader(s: string): string {
  return halfWidth(s).replace(/\s+/g, '').replace(/[*＊:：]/g, '').toLowerCase();
}

export function isPersonal(header: string): boolean {
  return PERSONAL.test(normHeader(header));
}

function targetsOf(kind: SheetKind): SheetTarget[] {
  return TARGETS_BY_KIND[kind].map((t) => t.target);
}

/** How well a header names a field: 0 none, 2.x contained, 3.x exact. */
function score(header: string, t: SheetTarget): number {
  const h = normHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const syn of SYNONYMS[t]) {
    if (h === syn) best = Math.max(best, 3 + syn.length / 100);
    else if (h.includes(syn)) best = Math.max(best, 2 + syn.length / 100);
  }
  return best;
}

function rowScore(cells: string[], kind: SheetKind): number {
  const hit = new Set<SheetTarget>();
  for (const c of cells) {
    if (!c || c.length > 30) continue;
    for (const t of targetsOf(kind)) if (score(c, t) > 0) hit.add(t);
  }
  return hit.size;
}

const looksLikeData = (cells: CellValue[]) =>
  cells.some((c) => c instanceof Date || typeof c === 'number' || (typeof c === 'string' && /^\s*\d{4}[-./年]\d{1,2}/.test(halfWidth(c))));

export interface Table {
  /** 1-based sheet rows of the header */
  headerRows: number[];
  /** unique column labels, one per column; '' columns (empty header and no data) dropped */
  columns: Array<{ key: string; index: number; letter: string }>;
  /** index into grid rows where the data starts */
  firstDataRow: number;
}

export function columnLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The header is the row (among the first 20) that names the most fields; a row above or below it may complete it. */
export function findTable(rows: CellValue[][], kind: SheetKind): Table | null {
  const scan = Math.min(rows.length, 20);
  let best = -1;
  let bestScore = 0;
  const texts = rows.slice(0, scan).map((r) => r.map(cellText));
  for (let i = 0; i < scan; i++) {
    const s = rowScore(texts[i]!, kind);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  }
  if (best < 0 || bestScore < 2) return null;
  let top = best;
  let bottom = best;
  if (best > 0 && rowScore(texts[best - 1]!, kind) >= 2 && !looksLikeData(rows[best - 1]!)) top = best - 1;
  else if (best + 1 < rows.length && rowScore((rows[best + 1] ?? []).map(cellText), kind) >= 1 && !looksLikeData(rows[best + 1]!)) bottom = best + 1;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const headerCells = (r: number) => (rows[r] ?? []).map(cellText);
  const columns: Table['columns'] = [];
  const used = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = (headerCells(r)[c] ?? '').replace(/\s+/g, ' ').trim();
      if (t && !parts.includes(t)) parts.push(t);
    }
    let key = parts.join('·');
    const hasData = rows.slice(bottom + 1).some((r) => r[c] !== null && r[c] !== undefined && cellText(r[c]!) !== '');
    if (!key && !hasData) continue;
    if (!key) key = `第${columnLetter(c)}列`;
    key = key.slice(0, 60);
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    if (n > 1) key = `${key}(${n})`;
    columns.push({ key, index: c, letter: columnLetter(c) });
  }
  return { headerRows: Array.from({ length: bottom - top + 1 }, (_, i) => top + i + 1), columns, firstDataRow: bottom + 1 };
}

/** Best field per column, each field used once; personal columns and the cases' 备注 are never proposed. */
export function proposeMapping(kind: SheetKind, keys: string[]): SheetMapping {
  const pairs: Array<{ key: string; t: SheetTarget; s: number }> = [];
  for (const key of keys) {
    if (isPersonal(key)) continue;
    for (const t of targetsOf(kind)) {
      // a case's free text often names the parties: the clerk maps it on purpose or not at all
      if (kind === 'mediation' && t === 'note') continue;
      const s = score(key.split('·').pop()!, t) || score(key, t) * 0.9;
      if (s > 0) pairs.push({ key, t, s });
    }
  }
  pairs.sort((a, b) => b.s - a.s);
  const mapping: SheetMapping = Object.fromEntries(keys.map((k) => [k, null]));
  const taken = new Set<SheetTarget>();
  for (const p of pairs) {
    if (taken.has(p.t) || mapping[p.key] !== null) continue;
    mapping[p.key] = p.t;
    taken.add(p.t);
  }
  return mapping;
}

/** Same headers (in the same order) for the same kind → same key: where the confirmed mapping is remembered. */
export function mappingKeyOf(kind: SheetKind, keys: string[]): string {
  return createHash('sha256').update(`${kind}\n${keys.join('\n')}`).digest('hex').slice(0, 16);
}

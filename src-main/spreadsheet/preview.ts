/**
 * The row-level report of an import, before anything is written: which rows go in, which have
 * problems and why, which repeat entries already in the year.
 */
import type { LedgerEntry, LedgerFields, MediationCase, MediationFields } from '../../src-shared/domain/ledger';
import { cleanText } from '../../src-shared/domain/textRules';
import { findLedgerCategory } from '../../src-shared/catalog/ledgerCategories';
import { MEDIATION_KINDS, MEDIATION_OUTCOMES } from '../../src-shared/domain/vocabulary';
import { matchCategory, matchMediationKind, matchMediationOutcome, matchVillage } from '../../src-shared/domain/lookup';
import type { Unit } from '../../src-shared/domain/unit';
import { AppError } from '../../src-shared/errors';
import {
  TARGETS_BY_KIND,
  targetLabel,
  type SheetColumn,
  type SheetKind,
  type SheetMapping,
  type SheetPreview,
  type SheetRow,
  type SheetTarget,
  type SheetValueMap,
  type UnknownValue,
} from '../../src-shared/sheet/targets';
import type { RememberedMapping } from '../../src-shared/sheet/schema';
import type { CellValue, Grid } from './grid';
import { findTable, isPersonal, mappingKeyOf, proposeMapping } from './headerMapping';
import { cellText, isSignatureRow, isTotalRow, parseCount, parseDate } from './cellValues';

export interface PreviewInput {
  kind: SheetKind;
  year: number;
  grid: Grid;
  unit: Unit;
  existing: { ledger: LedgerEntry[]; mediation: MediationCase[] };
  mapping?: SheetMapping | undefined;
  values?: SheetValueMap | undefined;
  remembered?: Record<string, RememberedMapping> | undefined;
}

const lineClean = (s: string) => cleanText(s).replace(/[\r\n\t]+/g, ' ').trim();
const paragraphClean = (s: string) => cleanText(s).replace(/\r\n?/g, '\n');
const titleKey = (date: string, title: string) => `${date}\u0001${title.replace(/\s+/g, '')}`;
const caseKey = (c: { date: string; villageId?: string | undefined; kind: string; outcome: string; note?: string | undefined }) =>
  [c.date, c.villageId ?? '', c.kind, c.outcome, (c.note ?? '').replace(/\s+/g, '')].join('\u0001');

function applyGiven(kind: SheetKind, keys: string[], base: SheetMapping, given: SheetMapping): SheetMapping {
  const allowed = new Set<string>(TARGETS_BY_KIND[kind].map((t) => t.target));
  const out = { ...base };
  for (const [k, t] of Object.entries(given)) {
    if (!keys.includes(k)) throw new AppError('VALIDATION', `表格中没有“${k}”这一列（表头为：${keys.join('、')}）`);
    if (t !== null && !allowed.has(t)) throw new AppError('VALIDATION', `“${k}”不能对应到“${t}”：${kind === 'ledger' ? '台账' : '调解案件'}没有这个字段`);
    // a field given to one column is taken away from the column proposed for it
    if (t !== null) for (const other of keys) if (out[other] === t && !(other in given)) out[other] = null;
    out[k] = t;
  }
  const seen = new Map<SheetTarget, string>();
  for (const k of keys) {
    const t = out[k];
    if (!t) continue;
    if (seen.has(t)) throw new AppError('VALIDATION', `“${targetLabel(kind, t)}”同时对应了“${seen.get(t)}”和“${k}”两列，请只选一列`);
    seen.set(t, k);
  }
  return out;
}

export function buildPreview(input: PreviewInput): SheetPreview {
  const { kind, year, grid, unit } = input;
  const table = findTable(grid.rows, kind);
  if (!table) {
    const empty = !grid.rows.some((r) => r.some((c) => c !== null && cellText(c) !== ''));
    throw new AppError(
      'VALIDATION',
      empty
        ? '表格是空的，没有可导入的内容'
        : `没有找到表头：前20行中没有一行同时含有“日期”“${kind === 'ledger' ? '类别”“活动名称' : '纠纷类型”“调解结果'}”等列名。请确认选择了正确的表格，表头在数据的上方`,
    );
  }
  const keys = table.columns.map((c) => c.key);
  const mappingKey = mappingKeyOf(kind, keys);
  const remembered = input.remembered?.[mappingKey];
  let mapping: SheetMapping;
  let mappingSource: SheetPreview['mappingSource'];
  if (input.mapping) {
    mapping = applyGiven(kind, keys, remembered?.kind === kind ? { ...proposeMapping(kind, keys), ...remembered.mapping } : proposeMapping(kind, keys), input.mapping);
    mappingSource = 'given';
  } else if (remembered && remembered.kind === kind && keys.every((k) => k in remembered.mapping)) {
    mapping = applyGiven(kind, keys, Object.fromEntries(keys.map((k) => [k, null])), remembered.mapping);
    mappingSource = 'remembered';
  } else {
    mapping = proposeMapping(kind, keys);
    mappingSource = 'proposed';
  }
  const values: SheetValueMap = { ...(remembered?.kind === kind ? remembered.values : {}), ...(input.values ?? {}) };
  for (const f of ['category', 'village', 'kind', 'outcome'] as const) {
    if (input.values?.[f] && remembered?.values?.[f]) values[f] = { ...remembered.values[f], ...input.values[f] };
  }

  const colOf = new Map<SheetTarget, number>();
  // a cell's problem names its column as the clerk sees it in Excel: the letter and the header
  const colName = new Map<SheetTarget, string>();
  for (const c of table.columns) {
    const t = mapping[c.key];
    if (t) {
      colOf.set(t, c.index);
      colName.set(t, `${c.letter}列“${c.key}”`);
    }
  }
  const inCol = (t: SheetTarget, problem: string) => (colName.has(t) ? `${colName.get(t)}：${problem}` : problem);
  const missing = TARGETS_BY_KIND[kind].filter((t) => t.required && !colOf.has(t.target)).map((t) => t.target);

  const columns: SheetColumn[] = table.columns.map((c) => {
    const samples: string[] = [];
    // names and phone numbers are not even shown back: the clerk sees the header only
    const personal = isPersonal(c.key);
    for (let r = table.firstDataRow; !personal && r < grid.rows.length && samples.length < 3; r++) {
      const t = cellText(grid.rows[r]?.[c.index] ?? null);
      if (t) samples.push(t.slice(0, 40));
    }
    return { key: c.key, letter: c.letter, target: mapping[c.key] ?? null, personal, samples };
  });

  const notes: string[] = [];
  if (grid.otherSheets.length) notes.push(`只导入了工作表“${grid.sheetName}”；其他工作表（${grid.otherSheets.join('、')}）未导入`);
  if (grid.formulasWithoutResult) notes.push(`有${grid.formulasWithoutResult}个公式单元格没有保存计算结果，按空白处理（在 Excel 中打开并保存一次即可）`);

  const rows: SheetRow[] = [];
  const unknown = new Map<string, UnknownValue>();
  const noteUnknown = (field: UnknownValue['field'], text: string) => {
    const k = `${field}\u0001${text}`;
    const u = unknown.get(k);
    if (u) u.count++;
    else unknown.set(k, { field, text, count: 1 });
  };
  const seenInYear = new Set(kind === 'ledger' ? input.existing.ledger.map((e) => titleKey(e.date, e.title)) : input.existing.mediation.map(caseKey));
  const seenInSheet = new Map<string, number>();
  let blank = 0;
  const get = (r: CellValue[], t: SheetTarget): CellValue => {
    const i = colOf.get(t);
    return i === undefined ? null : (r[i] ?? null);
  };
  const villageOf = (text: string, problems: string[]): string | undefined => {
    if (!text) return undefined;
    const chosen = values.village?.[text];
    if (chosen && unit.villages.some((v) => v.id === chosen)) return chosen;
    const v = matchVillage(unit.villages, text);
    if (v) return v.id;
    problems.push(inCol('village', `村（社区）“${text}”不在本单位的村（社区）名单中`));
    noteUnknown('village', text);
    return undefined;
  };

  for (let r = table.firstDataRow; r < grid.rows.length; r++) {
    const raw = grid.rows[r] ?? [];
    const texts = table.columns.map((c) => cellText(raw[c.index] ?? null));
    if (texts.every((t) => t === '')) {
      blank++;
      continue;
    }
    if (isTotalRow(texts)) {
      notes.push(`第${r + 1}行是合计行，已跳过`);
      continue;
    }
    if (isSignatureRow(texts)) {
      notes.push(`第${r + 1}行是落款（${texts.filter(Boolean).join(' ').slice(0, 30)}），已跳过`);
      continue;
    }
    const cells: SheetRow['cells'] = {};
    for (const [t] of colOf) {
      const v = get(raw, t);
      const s = cellText(v ?? null);
      if (s) cells[t] = s.length > 300 ? `${s.slice(0, 300)}…` : s;
    }
    const problems: string[] = [];
    if (missing.length) problems.push(`没有选择“${missing.map((t) => targetLabel(kind, t)).join('”“')}”对应的列`);
    const d = colOf.has('date') ? parseDate(get(raw, 'date'), year) : null;
    let date = '';
    if (d && 'problem' in d) problems.push(inCol('date', d.problem));
    else if (d) {
      date = d.date;
      if (!date.startsWith(`${year}-`))
        problems.push(inCol('date', `“${cellText(get(raw, 'date')) || date}”是${date.slice(0, 4)}年的日期，不在${year}年度内`));
    }
    const row: SheetRow = { row: r + 1, status: 'ok', problems, cells };
    if (kind === 'ledger') {
      let category: string | undefined;
      const catText = cellText(get(raw, 'category'));
      if (colOf.has('category')) {
        if (!catText) problems.push(inCol('category', '类别为空'));
        else {
          const chosen = values.category?.[catText];
          category = (chosen && findLedgerCategory(chosen)?.id) || matchCategory(catText)?.id;
          if (!category) {
            problems.push(inCol('category', `类别“${catText}”不是已有的台账类别`));
            noteUnknown('category', catText);
          }
        }
      }
      const title = cellText(get(raw, 'title'));
      if (colOf.has('title') && !title) problems.push(inCol('title', '活动名称为空'));
      if (title.length > 200) problems.push(inCol('title', '活动名称超过200个字符'));
      const villageId = villageOf(cellText(get(raw, 'village')), problems);
      const part = parseCount(get(raw, 'participants'), '参与人数');
      if ('problem' in part) problems.push(inCol('participants', part.problem));
      const mat = parseCount(get(raw, 'materials'), '资料份数');
      if ('problem' in mat) problems.push(inCol('materials', mat.problem));
      const note = cellText(get(raw, 'note'));
      if (!problems.length) {
        // built here as the schema would (cleaned one-line title, paragraph note); addMany checks again
        const t = lineClean(title);
        const fields: LedgerFields = {
          date,
          category: category!,
          title: t,
          ...(villageId ? { villageId } : {}),
          ...('value' in part && part.value !== undefined ? { participants: part.value } : {}),
          ...('value' in mat && mat.value !== undefined ? { materials: mat.value } : {}),
          ...(note ? { note: paragraphClean(note) } : {}),
        };
        if (!t) problems.push(inCol('title', '活动名称为空'));
        else if ((fields.note ?? '').length > 2000) problems.push(inCol('note', '备注超过2000个字符'));
        else {
          row.fields = fields;
          const k = titleKey(date, t);
          if (seenInYear.has(k)) {
            row.status = 'duplicate';
            problems.push(`${year}年度已有同一天同名的活动“${t.slice(0, 40)}”`);
          } else if (seenInSheet.has(k)) {
            row.status = 'duplicate';
            problems.push(`与表格第${seenInSheet.get(k)}行重复（同一天、同名）`);
          } else seenInSheet.set(k, r + 1);
        }
      }
    } else {
      const villageId = villageOf(cellText(get(raw, 'village')), problems);
      const kindText = cellText(get(raw, 'kind'));
      let caseKind: string | undefined;
      if (colOf.has('kind')) {
        if (!kindText) problems.push(inCol('kind', '纠纷类型为空'));
        else {
          const chosen = values.kind?.[kindText];
          caseKind = (chosen && (MEDIATION_KINDS as readonly string[]).includes(chosen) ? chosen : undefined) ?? matchMediationKind(kindText);
          if (!caseKind) {
            problems.push(inCol('kind', `纠纷类型“${kindText}”不是已有的类型`));
            noteUnknown('kind', kindText);
          }
        }
      }
      const outText = cellText(get(raw, 'outcome'));
      let outcome: string | undefined;
      if (colOf.has('outcome')) {
        if (!outText) problems.push(inCol('outcome', '调解结果为空'));
        else {
          const chosen = values.outcome?.[outText];
          outcome = (chosen && (MEDIATION_OUTCOMES as readonly string[]).includes(chosen) ? chosen : undefined) ?? matchMediationOutcome(outText);
          if (!outcome) {
            problems.push(inCol('outcome', `调解结果“${outText}”无法识别（应为 成功、未成功 或 调解中）`));
            noteUnknown('outcome', outText);
          }
        }
      }
      const note = cellText(get(raw, 'note'));
      if (!problems.length) {
        const fields: MediationFields = {
          date,
          kind: caseKind as MediationFields['kind'],
          outcome: outcome as MediationFields['outcome'],
          ...(villageId ? { villageId } : {}),
          ...(note ? { note: paragraphClean(note) } : {}),
        };
        if ((fields.note ?? '').length > 2000) problems.push(inCol('note', '简要情况超过2000个字符'));
        else {
          row.fields = fields;
          if (seenInYear.has(caseKey(fields))) {
            row.status = 'duplicate';
            problems.push(`${year}年度已有一起同日、同村、同类型、同结果的案件`);
          }
        }
      }
    }
    if (problems.length && row.status !== 'duplicate') {
      row.status = 'problem';
      delete row.fields;
    }
    rows.push(row);
  }

  if (!rows.length) throw new AppError('VALIDATION', '表头下面没有任何数据行，没有可导入的内容');
  const counts = { ok: 0, problem: 0, duplicate: 0, blank, total: rows.length };
  for (const r of rows) counts[r.status]++;
  const leftOut = columns.filter((c) => !c.target).map((c) => c.key);
  return {
    kind,
    year,
    sheetName: grid.sheetName,
    headerRows: table.headerRows,
    columns,
    mappingSource,
    mappingKey,
    missing,
    rows,
    counts,
    unknown: [...unknown.values()].sort((a, b) => b.count - a.count),
    leftOut,
    notes,
    values,
  };
}


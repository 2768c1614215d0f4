import { AppError } from '../../src-shared/errors';
import { MAX_JSON_DEPTH, jsonDepth } from '../../src-shared/domain/text';
import { dateInYear } from '../../src-shared/domain/textRules';
import type { StoreSnapshot } from './types';
import { backupFileTooBig } from '../../src-shared/backup/size';

/**
 * What a restore would trip over (or would write as nonsense) although each record passes its
 * schema: checked by `backup.inspect` and again by `backup.restore` before anything is touched,
 * so a backup the preview accepted cannot fail half-way through.
 */

/** The backup document adds a few levels around the data files. */
const MAX_BACKUP_DEPTH = MAX_JSON_DEPTH + 8;

const bad = (message: string) => new AppError('VALIDATION', `${message}，无法恢复；数据文件夹没有任何改动。`);

export function checkBackupSize(bytes: number): void {
  const tooBig = backupFileTooBig(bytes);
  if (tooBig) throw new AppError('VALIDATION', tooBig);
}

/**
 * Values a backup may hold (counted by their separators). Ten years of 5,000 entries each are well
 * under a million; a crafted file of one array of tens of millions of numbers is not a backup.
 */
export const MAX_BACKUP_VALUES = 4_000_000;

/**
 * Before JSON.parse builds anything: one linear pass over the text, no allocation, refusing
 * nesting deeper than a backup has and more values than one holds. Parsing a crafted file first
 * would build hundreds of MB of arrays (or a 16-million-level tree) only to refuse it afterwards.
 */
export function checkBackupText(text: string): void {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_BACKUP_DEPTH) throw bad('备份文件中的数据嵌套层数异常（可能被改动过）');
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && ++values > MAX_BACKUP_VALUES) throw bad('备份文件中的数据条目多得异常（可能被改动过），不是本程序生成的备份');
  }
}

export function checkBackupDepth(raw: unknown): void {
  if (jsonDepth(raw, MAX_BACKUP_DEPTH) > MAX_BACKUP_DEPTH) throw bad('备份文件中的数据嵌套层数异常（可能被改动过）');
}

/** Cross-record rules: unique ids, dates inside their year, villages that exist. */
export function checkSnapshotConsistency(s: StoreSnapshot): void {
  const villages = new Set((s.unit?.unit.villages ?? []).map((v) => v.id));
  for (const y of s.years) {
    const where = `${y.year}年度`;
    const seen = new Set<string>();
    const unique = (id: string, what: string) => {
      if (seen.has(`${what}:${id}`)) throw bad(`备份文件中${where}的${what}编号重复（${id}）`);
      seen.add(`${what}:${id}`);
    };
    for (const e of y.ledger) {
      unique(e.id, '台账');
      if (!dateInYear(e.date, y.year)) throw bad(`备份文件中${where}的台账“${e.title}”日期 ${e.date} 不在该年度内`);
      if (e.villageId !== undefined && !villages.has(e.villageId)) throw bad(`备份文件中${where}的台账“${e.title}”属于不存在的村（社区）（编号 ${e.villageId}）`);
    }
    for (const m of y.mediation) {
      unique(m.id, '调解案件');
      if (!dateInYear(m.date, y.year)) throw bad(`备份文件中${where}的调解案件日期 ${m.date} 不在该年度内`);
      if (m.villageId !== undefined && !villages.has(m.villageId)) throw bad(`备份文件中${where}的调解案件属于不存在的村（社区）（编号 ${m.villageId}）`);
    }
    const exportIds = new Set(y.exports.map((x) => x.id));
    for (const x of y.exports) {
      unique(x.id, '导出记录');
      if (x.sameAs !== undefined && !exportIds.has(x.sameAs)) throw bad(`备份文件中${where}的导出记录引用了不存在的快照`);
    }
  }
}

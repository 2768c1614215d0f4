/**
 * Figures with their units as reports write them: 20次, 1500余份, 超过5000人, 4.5万人, 3万余册,
 * 95%, 95％, 800多人, 约300人, 50场次以上. The proofreader matches them to the
 * year's data, the import offers them for indicators, the editor and export see a figure typed
 * after a placeholder ("5件件"). One scanner, linear in the text: each digit run is read once, so a
 * paragraph of 20,000 digits costs what 20,000 letters cost (no regex backtracking over digits).
 */

/** Counting units, longest first where one begins another (场次 before 场, 人次 before 人). */
export const FIGURE_UNITS: readonly string[] = ['场次', '人次', '户次', '个', '名', '人', '次', '场', '份', '条', '起', '件', '项', '%', '％', '家', '户', '期', '篇', '批', '所', '支', '类', '册', '套', '处'];
const UNITS_BY_FIRST = new Map<string, string[]>();
for (const u of [...FIGURE_UNITS].sort((a, b) => b.length - a.length)) {
  const list = UNITS_BY_FIRST.get(u[0]!) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u[0]!, list);
}

/** Words before a figure that make it a rounded claim: 超过5000人, 近50场, 约300份. */
export const FIGURE_QUALIFIERS = ['超过', '将近', '大约', '超', '逾', '近', '约'] as const;

export interface FigureMatch {
  /** span of the whole figure: qualifier, number, 万, 余/多, unit, 以上 */
  offset: number;
  length: number;
  /** span of the number through the unit (what a placeholder replaces) */
  coreOffset: number;
  coreLength: number;
  /** the digits as typed ("1500", "4.5") */
  number: string;
  /** the figure's value: 4.5万 → 45000 */
  value: number;
  qualifier: string;
  wan: boolean;
  /** 余 or 多 after the number, '' when none */
  more: string;
  /** the unit, ％ read as % */
  unit: string;
  /** 以上 after the unit */
  above: boolean;
  /** the figure as a rounded wording ("40余", "超过5000", "4万余"), '' when exact */
  wording: string;
  /** the unit typed a second time right after it ("5件件"): its length, else 0 */
  echo: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The unit at `i`, if any (longest match). */
export function unitAt(text: string, i: number): string | null {
  const c = text[i];
  if (c === undefined) return null;
  for (const u of UNITS_BY_FIRST.get(c) ?? []) if (text.startsWith(u, i)) return u;
  return null;
}

/** How many characters right after position `at` repeat `unit` (0 when none do): "件" after a figure printing "5件". */
export function echoedUnitLength(unit: string, textAfter: string): number {
  if (!unit) return 0;
  return textAfter.startsWith(unit) ? unit.length : 0;
}

/** Units a word may legitimately repeat after a figure ("3个个人" is no echo of 个). */
const NO_ECHO = new Set(['个', '%', '％']);

/** Every figure with a counting unit in the text, left to right. */
export function scanFigures(text: string): FigureMatch[] {
  const out: FigureMatch[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const numStart = i;
    // a figure never starts inside a longer number ("2024.5" read from its 5)
    const glued = numStart > 0 && (text[numStart - 1] === '.' || text[numStart - 1] === '．');
    while (i < n && isDigit(text[i])) i++;
    if (text[i] === '.' && isDigit(text[i + 1])) {
      i++;
      while (i < n && isDigit(text[i])) i++;
    }
    const numEnd = i;
    if (glued) continue;
    // at most one space between the parts ("5 件", "300 余人"): a run of spaces is read once
    const gap = (k: number) => (text[k] === ' ' ? k + 1 : k);
    let k = gap(numEnd);
    const wan = text[k] === '万';
    if (wan) k++;
    let more = '';
    if (text[k] === '余' || text[k] === '多') {
      more = text[k]!;
      k = gap(k + 1);
    }
    const unit = unitAt(text, k);
    if (!unit) continue;
    k += unit.length;
    const above = text.startsWith('以上', k);
    const end = above ? k + 2 : k;
    let qualifier = '';
    for (const q of FIGURE_QUALIFIERS)
      if (text.startsWith(q, numStart - q.length)) {
        qualifier = q;
        break;
      }
    const number = text.slice(numStart, numEnd);
    const value = Number(number) * (wan ? 10_000 : 1);
    const echo = NO_ECHO.has(unit) ? 0 : echoedUnitLength(unit, text.slice(k, k + unit.length));
    out.push({
      offset: numStart - qualifier.length,
      length: end - numStart + qualifier.length,
      coreOffset: numStart,
      coreLength: k - numStart,
      number,
      value,
      qualifier,
      wan,
      more,
      unit: unit === '％' ? '%' : unit,
      above,
      wording: qualifier || more || above ? `${qualifier}${number}${wan ? '万' : ''}${more}${above ? '以上' : ''}` : '',
      echo,
    });
    i = end;
  }
  return out;
}

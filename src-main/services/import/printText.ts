/** Our text as printed (placeholders resolved), remembering where each placeholder's figure went. Free of the diff library so the plan checklist can use it. */
import type { IndicatorReading } from '../../../src-shared/domain/wording';
import { findPlaceholders } from '../../../src-shared/report/placeholders';
import { formatReading } from '../../../src-shared/report/printedReport';
import { MISSING_MARK } from '../../../src-shared/report/missingMarks';

export interface Printed {
  text: string;
  /** printed ranges of our placeholders: [start, end) and the token to put back */
  tokens: Array<{ start: number; end: number; token: string }>;
}

/** Our text as printed, remembering where each placeholder's figure went. */
export function printText(text: string, readings: ReadonlyMap<string, IndicatorReading>): Printed {
  let out = '';
  let last = 0;
  const tokens: Printed['tokens'] = [];
  for (const t of findPlaceholders(text)) {
    out += text.slice(last, t.start);
    const r = readings.get(t.id);
    const shown = (r && formatReading(r, t.rounded)) ?? MISSING_MARK(r?.def.name ?? t.id);
    tokens.push({ start: out.length, end: out.length + shown.length, token: text.slice(t.start, t.end) });
    out += shown;
    last = t.end;
  }
  return { text: out + text.slice(last), tokens };
}


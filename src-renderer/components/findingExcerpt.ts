import type { Finding } from '../../src-shared/proofread/finding';
import { PLACEHOLDER_RE } from '../../src-shared/report/placeholders';

/**
 * A finding's excerpt as the clerk knows the text: a figure placeholder shows as 【指标名】, never
 * as `{{code}}`. Empty when the message already says it all (it quotes the excerpt, or the excerpt
 * is one placeholder, which the message names). Shown after the message as （“…”）.
 */
export function excerptNote(f: Pick<Finding, 'message' | 'excerpt' | 'length'>, nameOf: (id: string) => string | undefined): string {
  if (!(f.length > 0 && f.excerpt) || f.message.includes(f.excerpt)) return '';
  if (new RegExp(`^${PLACEHOLDER_RE.source}$`).test(f.excerpt.trim())) return '';
  const shown = f.excerpt.replace(PLACEHOLDER_RE, (_, id: string) => `【${nameOf(id) ?? '指标数值'}】`);
  return `（“${shown}”）`;
}

/** The front and back matter's edits: 落款 fields, the attachments list, and what the title field says about its lines. */
import type { Attachment, Report, Signature } from '../../../src-shared/domain/report';
import { COUNT_LIMITS } from '../../../src-shared/domain/limits';
import { newId } from '../../../src-shared/ids';
import { manualTitleLines, titleLines, titleWidth, TITLE_LINE_UNITS } from '../../../src-shared/report/titleLines';

/** What the title field says about the lines the title will print on. */
export function titleHint(title: string): string {
  const typed = manualTitleLines(title);
  const lines = titleLines(title);
  if (typed.length > 1) {
    const long = typed.findIndex((l) => titleWidth(l) > TITLE_LINE_UNITS);
    return long >= 0 ? `第${long + 1}行超过一行的宽度，将在“${lines.join(' / ')}”处分行。` : `按输入的换行分为${typed.length}行。`;
  }
  if (lines.length > 1) return `标题较长，将自动分为${lines.length}行：${lines.join(' / ')}。要在别处分行，在标题中按回车。`;
  return '标题较长时可按回车分行；不分行时自动在词语之间分行。';
}

export function useFrontMatter(report: Report, onChange: (patch: Partial<Report>) => void) {
  const sig = report.signature;
  const attachments = report.attachments ?? [];
  const setAttachments = (next: Attachment[]) => onChange({ attachments: next });
  return {
    sig,
    setSignature: (patch: Partial<Signature>) => onChange({ signature: { ...sig, ...patch } }),
    attachments,
    canAddAttachment: attachments.length < COUNT_LIMITS.attachments,
    /**
     * New attachments, one per title, at the end or after `after.id` (whose title becomes
     * `after.title`: a pasted list's first line stays where it was pasted). The id of the last
     * new one, for the cursor to go to; null when the limit allows none.
     */
    addAttachments: (titles: string[] = [''], after?: { id: string; title: string }): string | null => {
      const room = COUNT_LIMITS.attachments - attachments.length;
      const added = titles.slice(0, Math.max(0, room)).map((title) => ({ id: newId('a'), title, paragraphs: [] }));
      const i = after ? attachments.findIndex((a) => a.id === after.id) + 1 : 0;
      const kept = after ? attachments.map((a) => (a.id === after.id ? { ...a, title: after.title } : a)) : attachments;
      const at = i > 0 ? i : kept.length;
      setAttachments([...kept.slice(0, at), ...added, ...kept.slice(at)]);
      return added.at(-1)?.id ?? null;
    },
    patchAttachment: (id: string, patch: Partial<Attachment>) => setAttachments(attachments.map((a) => (a.id === id ? { ...a, ...patch } : a))),
    removeAttachment: (id: string) => setAttachments(attachments.filter((x) => x.id !== id)),
  };
}

export type FrontMatterState = ReturnType<typeof useFrontMatter>;

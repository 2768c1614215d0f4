/**
 * 主送机关 ends with one full-width colon. Clerks often type it themselves (half- or full-width), so
 * one is added only when missing and a half-width one becomes full-width. The preview, the print
 * and the exported .docx all call this, so they cannot disagree.
 */
export function recipientLine(recipient: string): string {
  return /[：:]$/.test(recipient) ? recipient.replace(/:$/, '：') : `${recipient}：`;
}

/**
 * Length limits of what the clerk types: the schemas enforce them and the screens' maxLength props
 * show them, from this one table. zod-free so the renderer can import it.
 */
export const LIMITS = {
  unitShortName: 30,
  unitFullName: 60,
  recipient: 100,
  signatureName: 60,
  villageName: 40,
  leaderRole: 40,
  leaderName: 20,
  reportTitle: 100,
  heading: 200,
  attachmentTitle: 100,
  ledgerTitle: 200,
  ledgerNote: 2000,
  indicatorName: 60,
  indicatorWording: 20,
} as const;

/** How many of a thing a report may hold: the schema refuses more, the screens stop offering more. */
export const COUNT_LIMITS = {
  attachments: 20,
} as const;

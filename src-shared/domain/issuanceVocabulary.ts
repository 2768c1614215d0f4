/**
 * The 报送件's words and defaults, zod-free so the 导出 screen can import them at run time; the
 * schemas in issuance.ts use the same lists (and check at compile time that the defaults fit them).
 */
export const URGENCIES = ['特急', '加急'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The files one report makes: 报送件 (sent, with 版头 and 版记) and 公开件 (published). */
export const EDITIONS = ['submit', 'public'] as const;
export type Edition = (typeof EDITIONS)[number];
export const EDITION_LABELS: Record<Edition, string> = { submit: '报送件', public: '公开件' };

/**
 * The 报送件's fields as the clerk knows them, by the key the schema gives them, in the order the
 * 导出 screen shows them: the screen's labels and the services' messages name them alike.
 */
export const ISSUANCE_FIELD_LABELS = {
  docNumber: '发文字号',
  upward: '上行文',
  signers: '签发人',
  joint: '联合行文',
  cc: '抄送机关',
  printer: '印发机关',
  printDate: '印发日期',
  contact: '附注',
  copyNumber: '份号',
  urgency: '紧急程度',
  withWenjian: '发文机关标志加“文件”',
} as const;

export const ISSUANCE_LIMITS = { docNumber: 40, signer: 20, signers: 6, cc: 400, printer: 60, contact: 100, issuerMark: 40 } as const;

/** What a report holds before the clerk sets anything (the schema's defaults). */
export const ISSUANCE_DEFAULTS = {
  docNumber: '',
  signers: [] as string[],
  upward: true as boolean,
  cc: '',
  printer: '',
  printDate: '',
  contact: '',
  copyNumber: '',
  urgency: '' as '' | Urgency,
  joint: false as boolean,
  withWenjian: true as boolean,
};

export const ISSUING_DEFAULTS = { jointIssuer: '', jointLeads: true as boolean, issuerMark: '', lastDocNumber: '', cc: '', printer: '' };

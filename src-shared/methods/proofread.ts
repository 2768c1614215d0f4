/** 校对: the proofreader's findings and the ones the clerk ignored. Handlers: src-main/services/handlers/proofread.ts. */
import * as z from 'zod';
import { yearField } from '../domain/text';
import type { ProofreadingState } from '../domain/year';
import type { Finding } from '../proofread/finding';
import { returns, SCREEN, SCREEN_AND_CLI, type Declarations } from './declare';

const year = z.object({ year: yearField });

export const PROOFREAD_METHODS = {
  /** the live checks plus the import's stored findings, minus ignored */
  'proofread.run': { input: year, output: returns<Finding[]>(), read: true, callers: SCREEN_AND_CLI },
  'proofread.state': { input: year, output: returns<ProofreadingState>(), read: true, callers: SCREEN_AND_CLI },
  // the overview lists the open findings
  'proofread.ignore': {
    input: z.object({ year: yearField, key: z.string({ error: '校对项标识必须是文字' }).min(1, { error: '校对项标识不能为空' }).max(700, { error: '校对项标识过长' }) }),
    output: returns<ProofreadingState>(),
    stale: ['proofread', 'overview'],
    callers: SCREEN,
  },
  'proofread.unignore': {
    input: z.object({ year: yearField, key: z.string({ error: '校对项标识必须是文字' }).max(700, { error: '校对项标识过长' }) }),
    output: returns<ProofreadingState>(),
    stale: ['proofread', 'overview'],
    callers: SCREEN,
  },
} satisfies Declarations<'proofread'>;

/** 概览: the year at a glance. Handler: src-main/services/handlers/overview.ts. */
import * as z from 'zod';
import { dateField, yearField } from '../domain/text';
import type { Unit } from '../domain/unit';
import type { ContentItem, PartStatus } from '../domain/report';
import type { Finding } from '../proofread/finding';
import { returns, SCREEN_AND_CLI, type Declarations } from './declare';

export type DeadlineStatus = 'open' | 'overdue' | 'past' | 'figuresOnly';

export interface Overview {
  unit: Unit;
  year: number;
  years: number[];
  indicators: { filled: number; total: number };
  parts: Record<PartStatus, number>;
  /**
   * present: a part answers the item — mapped to it, or (`takenFrom`) a heading at any level, a
   * run-in sentence or themed level-1 parts the proofreader took for it, in words (“坚持依法决策”);
   * hasText: that part (or a sub-part) has body text
   */
  contentItems: Array<{ item: ContentItem; label: string; present: boolean; hasText: boolean; takenFrom: string | null }>;
  /**
   * `dueRule` says where the due date comes from (第一季度末), so the screen need not know it.
   * `status`: `open` (days left), `overdue` (this year's report still to send), `past` (a year gone
   * by: a later year exists or its final report was exported), `figuresOnly` (nothing to send).
   * `exportedOn`: the day of its last final export, if any.
   */
  deadline: { due: string; dueRule: string; publishBy: string; daysLeft: number; status: DeadlineStatus; exportedOn: string | null };
  ledgerCount: number;
  mediationCount: number;
  /** the proofreader's findings (open ones, ignored left out) and the data's own slips, as findings */
  warnings: Finding[];
  /** problems of the data that are not about the report's text (entries of a removed village, files the store repaired this run) */
  notices: string[];
}

export const OVERVIEW_METHODS = {
  'overview.get': { input: z.object({ year: yearField, today: dateField('今天日期').optional() }), output: returns<Overview>(), read: true, callers: SCREEN_AND_CLI },
} satisfies Declarations<'overview'>;

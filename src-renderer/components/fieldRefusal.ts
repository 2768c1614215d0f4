/**
 * A service's refusal of a form's input, split by field: each zod issue whose path names one of
 * the form's fields goes under that field, in the service's own Chinese words; what names no field
 * (a conflict, a lost connection) is one message for the form. The form declares its fields once
 * (key as the service's schema names it → the label the clerk reads) and passes them here.
 */
import { AppError } from '../../src-shared/errors';
import { errorText } from './errors';

export interface RoutedRefusal<K extends string> {
  fields: Partial<Record<K, string>>;
  /** what could not be placed under a field */
  general: string | null;
}

export function routeRefusal<K extends string>(err: unknown, fields: Record<K, string>): RoutedRefusal<K> {
  const isField = (seg: string): seg is K => Object.hasOwn(fields, seg);
  const routed: Partial<Record<K, string>> = {};
  const issues = err instanceof AppError && err.code === 'VALIDATION' ? issuesOf(err.details) : [];
  for (const issue of issues) {
    const key = [...issue.path].reverse().find(isField);
    if (key && !routed[key]) routed[key] = issue.message;
  }
  return { fields: routed, general: Object.keys(routed).length ? null : errorText(err) };
}

/** The first field refused, in the order the form declares (and shows) them. */
export function firstRefused<K extends string>(fields: Record<K, string>, refused: Partial<Record<K, string>>): K | null {
  return (Object.keys(fields) as K[]).find((k) => refused[k]) ?? null;
}

function issuesOf(details: unknown): Array<{ path: string[]; message: string }> {
  if (!details || typeof details !== 'object' || !Array.isArray((details as { issues?: unknown }).issues)) return [];
  return ((details as { issues: unknown[] }).issues ?? []).flatMap((i) => {
    if (!i || typeof i !== 'object') return [];
    const { path, message } = i as { path?: unknown; message?: unknown };
    if (!Array.isArray(path) || typeof message !== 'string') return [];
    return [{ path: path.map(String), message }];
  });
}

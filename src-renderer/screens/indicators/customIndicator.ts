/**
 * What the 自定义指标 dialog collects, and how it becomes an `indicators.define` call. The dialog
 * checks nothing itself and names nothing: whatever the clerk left out is sent as is, the service
 * assigns the id and answers with a Chinese message per field, which `fieldErrors` routes back
 * under the right control. The sources offered are the service's own list (CUSTOM_INDICATOR_SOURCES).
 */
import type { MethodInput } from '../../../src-shared/contract';
import type { IndicatorMeasure } from '../../../src-shared/domain/vocabulary';
import { routeRefusal, type RoutedRefusal } from '../../components/fieldRefusal';
import type { CustomIndicatorSourceType } from '../../../src-shared/domain/customIndicators';

export interface CustomDraft {
  name: string;
  measure: IndicatorMeasure | undefined;
  type: CustomIndicatorSourceType;
  categories: string[];
  field: 'participants' | 'materials' | undefined;
  numerator: string | undefined;
  denominator: string | undefined;
}

export const EMPTY_DRAFT: CustomDraft = {
  name: '',
  measure: undefined,
  type: 'manual',
  categories: [],
  field: undefined,
  numerator: undefined,
  denominator: undefined,
};

/**
 * The dialog's fields, declared once: key (as the service's schema names it, so a refusal's path
 * finds its field) → the label the clerk reads, in the order the dialog shows them.
 */
export const DRAFT_FIELDS = {
  name: '指标名称',
  measure: '计量单位',
  type: '数值来源',
  categories: '台账类别',
  field: '合计项',
  numerator: '分子指标',
  denominator: '分母指标',
} as const satisfies Record<keyof CustomDraft, string>;
export type DraftField = keyof typeof DRAFT_FIELDS;

type DefInput = MethodInput<'indicators.define'>['def'];

/** Only the parts of the draft that belong to the chosen way of computing are sent. */
export function draftToDef(d: CustomDraft): DefInput {
  const source = (() => {
    switch (d.type) {
      case 'manual':
        return { type: 'manual' };
      case 'ledgerCount':
      case 'ledgerVillages':
        return { type: d.type, categories: d.categories };
      case 'ledgerSum':
        return { type: d.type, categories: d.categories, field: d.field };
      case 'rate':
        return { type: d.type, numerator: d.numerator, denominator: d.denominator };
    }
  })();
  // an unfinished draft is sent as is on purpose: the service is where it is judged
  return { name: d.name, measure: d.measure, source } as DefInput;
}

export type RoutedErrors = RoutedRefusal<DraftField>;

/** Split a refused `indicators.define` into messages under each control and one for the dialog. */
export const fieldErrors = (err: unknown): RoutedErrors => routeRefusal(err, DRAFT_FIELDS);

import * as z from 'zod';
import { IndicatorDefFields, RATE_IS_PERCENT, rateIsPercent } from './indicatorSchema';
import { CUSTOM_INDICATOR_AREA, CUSTOM_SOURCE_RULE, isCustomIndicatorSource } from './customIndicators';

/**
 * What `indicators.define` takes: a new custom indicator without an id (the service assigns it)
 * and with one of the sources a clerk may choose (CUSTOM_INDICATOR_SOURCES).
 */
export const NewCustomIndicatorSchema = IndicatorDefFields.pick({ name: true, measure: true })
  .extend({
    area: IndicatorDefFields.shape.area.default(CUSTOM_INDICATOR_AREA),
    // under `type`, so the dialog shows the message beside 数值来源
    source: IndicatorDefFields.shape.source.refine((s) => isCustomIndicatorSource(s.type), { path: ['type'], error: CUSTOM_SOURCE_RULE }),
  })
  .refine(rateIsPercent, RATE_IS_PERCENT);
export type NewCustomIndicator = z.output<typeof NewCustomIndicatorSchema>;

import { halfWidthNumber } from '../../src-shared/domain/numberInput';

/**
 * antd InputNumber's `parser`, so a figure typed with full-width digits (２０２５, as Chinese input
 * methods produce them) is read like everywhere else. rc-input-number takes the parser's result
 * as a numeric string (antd types it as the value type, hence the cast).
 */
export const fullWidthParser = (shown: string | undefined): number => halfWidthNumber(shown ?? '') as unknown as number;

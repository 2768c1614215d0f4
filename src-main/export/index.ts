export { buildDocx, type BuildDocxOptions } from './buildDocx';
export { exportFileName } from './fileName';
export { FONT_SETS, fontSetOf, type FontSet } from './fonts';
export * as gbt9704 from './gbt9704';

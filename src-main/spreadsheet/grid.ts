/** The cells of one worksheet as read from .xlsx or .csv: what the fast and the full readers both return. */
export type CellValue = string | number | boolean | Date | null;

export interface Grid {
  sheetName: string;
  /** rows[i] is sheet row i + 1; cells[j] is column j + 1 */
  rows: CellValue[][];
  /** other non-empty worksheets, not imported */
  otherSheets: string[];
  /** formula cells without a stored result (saved by a program that does not calculate) */
  formulasWithoutResult: number;
}

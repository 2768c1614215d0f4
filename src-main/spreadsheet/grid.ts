/** The cells of one worksheet as read from .xlsx or .csv (read.ts): what the import's preview works on. */
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

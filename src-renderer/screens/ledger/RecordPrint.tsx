/**
 * The 台账 / 调解案件 as inspectors ask for them on paper: A4 landscape, every row that the filter
 * shows, the unit, year and title at the top of every page and the column headings under it
 * (a table's <thead> repeats on each printed page).
 */
import type { ReactNode } from 'react';

/** Page rules only while printing the records; the table's look is in styles.css. */
export const RECORD_PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm 12mm 14mm; @bottom-center { content: "第 " counter(page) " 页"; font: 9pt sans-serif; } }
`;

export interface PrintColumn<T> {
  key: string;
  title: string;
  width: number;
  render: (row: T) => ReactNode;
}

export function RecordPrint<T extends { id: string }>({ caption, columns, rows }: { caption: string; columns: PrintColumn<T>[]; rows: T[] }) {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return (
    <div className="fz-record-print" data-testid="record-print">
      <table>
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: `${((c.width / total) * 100).toFixed(2)}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr className="fz-record-print-caption">
            <th colSpan={columns.length}>{caption}</th>
          </tr>
          <tr>
            {columns.map((c) => (
              <th key={c.key}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {columns.map((c) => (
                <td key={c.key}>{c.render(r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The 台账 / 调解案件 as inspectors ask for them on paper: A4 landscape, every row that the filter
 * shows, the unit, year and title at the top of every page and the column headings under it
 * (a table's <thead> repeats on each printed page).
 */
import type { ReactNode } from 'react';

export const RECORD_PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm 12mm 14mm; @bottom-center { content: "第 " counter(page) " 页"; font: 9pt sans-serif; } }
.fz-record-print { font: 10pt/1.45 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; color: #000; }
.fz-record-print table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.fz-record-print th, .fz-record-print td { border: 0.5pt solid #000; padding: 2pt 4pt; vertical-align: top; word-break: break-all; }
.fz-record-print thead th { background: #eee; }
.fz-record-print .fz-record-print-caption th { background: none; border: none; font-size: 13pt; text-align: center; padding-bottom: 6pt; }
.fz-record-print tr { break-inside: avoid; }
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

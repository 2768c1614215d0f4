/**
 * Tables of a part (e.g. a figures table), edited as a grid of cells: rows and columns added or
 * taken away, the header row repeated on every printed page, 四号 or 五号, placed after a chosen
 * paragraph. A cell may hold a figure as a placeholder token ({{…}}, e.g. a chip copied from the body).
 */
import { Button, Input, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { PartTable } from '../../../src-shared/domain/report';
import { newId } from '../../../src-shared/ids';

const MAX_COLS = 12;
const MAX_ROWS = 300;

export function blankTable(after: number): PartTable {
  return { id: newId('t'), after, rows: [['项目', '数值'], ['', '']], headerRows: 1, size: '四号' };
}

interface Props {
  tables: PartTable[];
  paragraphCount: number;
  onChange: (tables: PartTable[]) => void;
  /** accessible name prefix of each table: 表格 (a part's) or 附件1表格 */
  label?: string;
}

export function PartTables({ tables, paragraphCount, onChange, label = '表格' }: Props) {
  const patch = (id: string, fn: (t: PartTable) => PartTable) => onChange(tables.map((t) => (t.id === id ? fn(t) : t)));
  const cols = (t: PartTable) => Math.max(1, ...t.rows.map((r) => r.length));
  return (
    <div className="fz-part-tables">
      {tables.map((t, n) => {
        const c = cols(t);
        return (
          <div key={t.id} className="fz-part-table" role="group" aria-label={`${label}${n + 1}`}>
            <Space wrap size={8} className="fz-part-table-bar">
              <span>
                {label}
                {n + 1}
              </span>
              <Select<number>
                size="small"
                value={Math.min(t.after, paragraphCount)}
                onChange={(after) => patch(t.id, (x) => ({ ...x, after }))}
                options={Array.from({ length: paragraphCount + 1 }, (_, k) => ({ value: k, label: k === 0 ? '排在标题下' : `排在第${k}段后` }))}
                aria-label={`${label}${n + 1}位置`}
                style={{ width: 130 }}
              />
              <Select<PartTable['size']>
                size="small"
                value={t.size}
                onChange={(size) => patch(t.id, (x) => ({ ...x, size }))}
                options={[
                  { value: '四号', label: '四号字' },
                  { value: '五号', label: '五号字' },
                ]}
                aria-label={`${label}${n + 1}字号`}
                style={{ width: 90 }}
              />
              <Button size="small" disabled={t.rows.length >= MAX_ROWS} onClick={() => patch(t.id, (x) => ({ ...x, rows: [...x.rows, Array(c).fill('')] }))}>
                加一行
              </Button>
              <Button size="small" disabled={t.rows.length <= 1} onClick={() => patch(t.id, (x) => ({ ...x, rows: x.rows.slice(0, -1) }))}>
                删末行
              </Button>
              <Button size="small" disabled={c >= MAX_COLS} onClick={() => patch(t.id, (x) => ({ ...x, rows: x.rows.map((r) => [...r, '']) }))}>
                加一列
              </Button>
              <Button size="small" disabled={c <= 1} onClick={() => patch(t.id, (x) => ({ ...x, rows: x.rows.map((r) => r.slice(0, c - 1)) }))}>
                删末列
              </Button>
              <Tooltip title="删除这个表格">
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除${label}${n + 1}`}
                  onClick={() => onChange(tables.filter((x) => x.id !== t.id))}
                />
              </Tooltip>
            </Space>
            <table className="fz-table-grid">
              <tbody>
                {t.rows.map((r, i) => (
                  <tr key={i} className={i < t.headerRows ? 'fz-table-head' : undefined}>
                    {Array.from({ length: c }, (_, j) => (
                      <td key={j}>
                        <Input
                          size="small"
                          variant="borderless"
                          value={r[j] ?? ''}
                          aria-label={`${label}${n + 1}第${i + 1}行第${j + 1}列`}
                          onChange={(e) =>
                            patch(t.id, (x) => ({
                              ...x,
                              rows: x.rows.map((row, ri) =>
                                ri === i ? Array.from({ length: c }, (_, cj) => (cj === j ? e.target.value : (row[cj] ?? ''))) : row,
                              ),
                            }))
                          }
                        />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
      <Space size={8}>
        <Button size="small" icon={<PlusOutlined />} disabled={tables.length >= 20} onClick={() => onChange([...tables, blankTable(paragraphCount)])}>
          {label === '表格' ? '添加表格' : `添加${label}`}
        </Button>
        {tables.length > 0 && (
          <Typography.Text type="secondary">第一行为表头，表格跨页时每页重复；单元格中的指标数值可从正文复制指标后粘贴。</Typography.Text>
        )}
      </Space>
    </div>
  );
}

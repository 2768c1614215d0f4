import { Modal, Radio, Space, Typography } from 'antd';
import { NEW_YEAR_START_LABELS, type NewYearStart } from '../../../src-shared/domain/vocabulary';

/** What each choice does, in the words the service keeps to (years.createNext, reportTemplate.carryReport). */
const START_HINTS: Record<NewYearStart, string> = {
  draft: '各部分带着上年的正文，全部标为“草稿”，逐段改写；其中的数字和年份仍是上年的，校对会逐一提示。',
  headings: '各部分只有标题（年份已改为新年度），正文从空白写起。',
};

export interface NewYearDialogProps {
  open: boolean;
  /** the year shown, whose report is carried */
  from: number;
  start: NewYearStart;
  onStart: (s: NewYearStart) => void;
  creating: boolean;
  onOk: () => void;
  onCancel: () => void;
}

/** 新建下一年度: says what will happen, with the one choice the clerk has, and then that happens. */
export function NewYearDialog(p: NewYearDialogProps) {
  const to = p.from + 1;
  return (
    <Modal
      title={`新建${to}年度？`}
      open={p.open}
      okText="新建"
      cancelText="取消"
      onOk={p.onOk}
      confirmLoading={p.creating}
      onCancel={p.onCancel}
      destroyOnHidden
    >
      <Typography.Paragraph>
        单位信息和{p.from}年度报告的提纲会沿用到新年度，标题中的年份改为{to}年；指标数值、台账和调解案件从空白开始。
      </Typography.Paragraph>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        报告正文：
      </Typography.Paragraph>
      <Radio.Group aria-label="报告正文" value={p.start} onChange={(e) => p.onStart(e.target.value as NewYearStart)}>
        <Space orientation="vertical">
          {(Object.keys(NEW_YEAR_START_LABELS) as NewYearStart[]).map((k) => (
            <Radio key={k} value={k}>
              {NEW_YEAR_START_LABELS[k]}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {START_HINTS[k]}
              </Typography.Text>
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        两种方式下，“下一年度安排”部分都清空：{p.from}年写下的安排逐项列在报告编辑的“举措和成效”旁，供标记已完成 / 未完成 / 结转。
      </Typography.Paragraph>
    </Modal>
  );
}

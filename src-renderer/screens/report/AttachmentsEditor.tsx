/** 附件: listed after the body as “附件：1. …”, each printed on a page of its own. */
import { Button, Input, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LIMITS } from '../../../src-shared/domain/limits';
import { PartTables } from './PartTables';
import type { FrontMatterState } from './useFrontMatter';

export function AttachmentsEditor({ f }: { f: FrontMatterState }) {
  const { attachments } = f;
  return (
    <div className="fz-attachments" aria-label="附件">
      <div className="fz-field-row">
        <span>附件</span>
        <Button size="small" icon={<PlusOutlined />} disabled={!f.canAddAttachment} onClick={f.addAttachment}>
          添加附件
        </Button>
        <Typography.Text type="secondary">正文后列出“附件：1. …”，每个附件另起一页。</Typography.Text>
      </div>
      {attachments.map((a, i) => (
        <div key={a.id} className="fz-attachment" data-attachment={a.id}>
          <div className="fz-field-row">
            <span>附件{attachments.length > 1 ? i + 1 : ''}</span>
            <Input
              value={a.title}
              onChange={(e) => f.patchAttachment(a.id, { title: e.target.value })}
              placeholder="附件名称（必填）"
              maxLength={LIMITS.attachmentTitle}
              status={a.title.trim() ? undefined : 'warning'}
              aria-label={`附件${i + 1}名称`}
              style={{ flex: 1 }}
            />
            <Tooltip title="删除这个附件">
              <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除附件${i + 1}`} onClick={() => f.removeAttachment(a.id)} />
            </Tooltip>
          </div>
          <Input.TextArea
            value={a.paragraphs.join('\n')}
            onChange={(e) => f.patchAttachment(a.id, { paragraphs: e.target.value.split('\n') })}
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder="附件正文，每段一行"
            aria-label={`附件${i + 1}正文`}
          />
          <PartTables tables={a.tables ?? []} paragraphCount={a.paragraphs.length} onChange={(tables) => f.patchAttachment(a.id, { tables })} label={`附件${i + 1}表格`} />
        </div>
      ))}
    </div>
  );
}

/**
 * 起草 beside the selected part (issue 21): the service writes the part's draft from the year's
 * records; the clerk sees it above the current text and inserts all of it, some paragraphs, or
 * none. Insertion goes through the part's editor (so Ctrl+Z takes it back), and the figures are
 * placeholders (chips), so they follow later ledger changes. Paragraphs inserted and not yet
 * edited are counted here as 起草未改 until the clerk changes them.
 */
import { memo, useCallback, useState } from 'react';
import { Alert, Button, Checkbox, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { ContentItem } from '../../../../src-shared/domain/report';
import type { DraftPartKey, DraftText, ReportDraft } from '../../../../src-shared/draft/types';
import { useMethodMutation } from '../../../api/queries';
import './draft.css';

const PART_OF: Partial<Record<ContentItem, DraftPartKey>> = {
  measures: 'measures',
  shortcomings: 'shortcomings',
  firstResponsible: 'firstResponsible',
  nextYear: 'plan',
};

export interface DraftPanelProps {
  year: number;
  partId: string;
  item: ContentItem | undefined;
  /** the selected part's body as it is now */
  paragraphs: string[];
  insert: (paragraphs: string[]) => void;
  errorText: (err: unknown) => string;
}

/** What of the draft belongs in this part: its body text, or the text of the sub-part it was matched to. */
function forPart(draft: ReportDraft, partId: string): { texts: DraftText[]; elsewhere: string[] } {
  const texts: DraftText[] = [];
  const elsewhere: string[] = [];
  for (const p of draft.parts) {
    if (p.targetPartId === partId) {
      texts.push(...p.paragraphs);
      // sub-parts the report does not have yet: offered here under their heading, as the clerk may keep one body
      for (const s of p.sections) {
        if (s.targetPartId) elsewhere.push(`“${s.targetHeading}”：${s.heading}`);
        else texts.push(...s.paragraphs.map((t) => ({ text: `${s.heading}。${t.text}`, printed: `${s.heading}。${t.printed}` })));
      }
    }
    for (const s of p.sections) if (s.targetPartId === partId) texts.push(...s.paragraphs);
  }
  return { texts, elsewhere };
}

export function DraftPanel({ year, partId, item, paragraphs, insert, errorText }: DraftPanelProps) {
  // what was inserted from a draft, per part: a paragraph still equal to it is 起草未改
  const [inserted, setInserted] = useState<Record<string, string[]>>({});
  const onInserted = useCallback((id: string, texts: string[]) => setInserted((m) => ({ ...m, [id]: [...(m[id] ?? []), ...texts] })), []);
  const key = item ? PART_OF[item] : undefined;
  if (!key) return null;
  const drafted = new Set(inserted[partId] ?? []);
  const unedited = paragraphs.filter((t) => drafted.has(t)).length;
  return <DraftBody year={year} partId={partId} draftKey={key} unedited={unedited} insert={insert} onInserted={onInserted} errorText={errorText} />;
}

interface BodyProps {
  year: number;
  partId: string;
  draftKey: DraftPartKey;
  /** paragraphs inserted from a draft and not edited since */
  unedited: number;
  insert: (paragraphs: string[]) => void;
  onInserted: (partId: string, texts: string[]) => void;
  errorText: (err: unknown) => string;
}

// memo: the panel follows the part's text only through `unedited`; a keystroke does not render its buttons again
const DraftBody = memo(function DraftBody({ year, partId, draftKey: key, unedited, insert, onInserted, errorText }: BodyProps) {
  const [draft, setDraft] = useState<{ partId: string; texts: DraftText[]; elsewhere: string[] } | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { mutateAsync: makeDraft } = useMethodMutation('draft.make');

  const open = draft && draft.partId === partId ? draft : null;

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const d = await makeDraft({ year, part: key });
      const found = forPart(d, partId);
      setDraft({ partId, ...found });
      setChosen(new Set(found.texts.map((_, i) => i)));
    } catch (err) {
      setError(`起草失败：${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };
  const put = (texts: string[]) => {
    if (!texts.length) return;
    insert(texts);
    onInserted(partId, texts);
    setDraft(null);
  };

  return (
    <div className="fz-draft" role="region" aria-label="起草">
      <div className="fz-draft-bar">
        <Button size="small" icon={<EditOutlined />} loading={busy} onClick={() => void make()}>
          起草本部分
        </Button>
        <Typography.Text type="secondary">由本年度台账、调解案件和指标生成，数字为指标占位符</Typography.Text>
        {unedited > 0 && (
          <Typography.Text className="fz-draft-unedited" data-testid="draft-unedited">
            本部分有{unedited}段起草的文字尚未修改
          </Typography.Text>
        )}
      </div>
      {error && <Alert type="error" showIcon title={error} />}
      {open && (
        <div className="fz-draft-body">
          {open.texts.length === 0 ? (
            <Typography.Paragraph type="secondary">这一部分没有可起草的内容。</Typography.Paragraph>
          ) : (
            open.texts.map((t, i) => (
              <Checkbox
                key={i}
                className="fz-draft-para"
                checked={chosen.has(i)}
                onChange={(e) => setChosen((s) => {
                  const n = new Set(s);
                  if (e.target.checked) n.add(i);
                  else n.delete(i);
                  return n;
                })}
              >
                {t.printed}
              </Checkbox>
            ))
          )}
          {open.elsewhere.length > 0 && (
            <Typography.Paragraph type="secondary" className="fz-draft-elsewhere">
              以下内容写在对应的子部分中，选中该子部分后起草：{open.elsewhere.join('；')}
            </Typography.Paragraph>
          )}
          <div className="fz-draft-actions">
            <Button size="small" type="primary" disabled={!open.texts.length} onClick={() => put(open.texts.map((t) => t.text))}>
              全部插入
            </Button>
            <Button size="small" disabled={!chosen.size} onClick={() => put(open.texts.filter((_, i) => chosen.has(i)).map((t) => t.text))}>
              插入所选（{chosen.size}段）
            </Button>
            <Button size="small" onClick={() => setDraft(null)}>
              不插入
            </Button>
            <Typography.Text type="secondary">插入到本部分正文末尾；Ctrl+Z 可撤销</Typography.Text>
          </div>
        </div>
      )}
    </div>
  );
});

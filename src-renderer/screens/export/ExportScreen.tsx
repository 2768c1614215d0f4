import { useRef, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Radio, Space, Switch, Tooltip, Typography } from 'antd';
import { FileWordOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { ChineseDateInput } from '../../components/ChineseDateInput';
import { FONT_PRESETS, FONT_PRESET_LABELS } from '../../../src-shared/domain/vocabulary';
import { canShowInFolder, showInFolder } from '../../api/platform';
import { XlsxExportButton } from '../sheets/SheetActions';
import { ExportHistory, FindingList } from './ExportHistory';
import { useExport } from './useExport';
import { EditionPicker, IssuanceFields } from './IssuanceFields';
import { PublicPdfButton, PublicPrint } from './PublicPdf';
import { reportCalendar } from '../../../src-shared/dates';
import type { RenderResult } from '../../../src-shared/report/printedReport';

export function ExportScreen() {
  const x = useExport();
  const { modal, message } = AntApp.useApp();
  const { errors, reminders, sig, busy, outcome, missing } = x;
  // a final export with a figure missing always fails: it is not offered (nor 仍然导出)
  const blocked = missing.length > 0;
  // a 落款日期 that does not read is not exported as the date it had before: the cursor goes back to it
  const [dateProblem, setDateProblem] = useState<string | null>(null);
  const dateField = useRef<{ focus: () => void }>(null);
  const dateRefused = () => {
    if (!sig?.enabled || !dateProblem) return false;
    message.error(`落款日期：${dateProblem}`);
    dateField.current?.focus();
    return true;
  };
  /** A 报送件 field that does not read: said, with the cursor in it (what it shows is what prints). */
  const issuanceRefused = async () => {
    if (x.edition !== 'submit') return false;
    const r = await x.issuance.ready();
    if (r.ok) return false;
    if (r.field) message.error(`报送件“${r.field}”：${r.problem}`);
    return true;
  };
  const doExport = async (draft?: boolean) => {
    if (dateRefused() || (await issuanceRefused())) return;
    await x.doExport(draft);
  };

  /** The proofreader's errors are listed before a final file is made; going on is the clerk's call. */
  const afterErrors = async (go: () => void) => {
    if (blocked || dateRefused() || (await issuanceRefused())) return;
    if (!errors.length) return go();
    modal.confirm({
      title: `报告还有${errors.length}处错误`,
      content: (
        <div>
          <FindingList findings={errors} max={8} nameOf={x.nameOf} />
          <p>可以先到“报告编辑”的校对面板逐项处理；也可以仍然导出，导出记录会注明当时未处理的问题数。</p>
        </div>
      ),
      okText: '仍然导出',
      cancelText: '先去修改',
      width: 560,
      onOk: go,
    });
  };
  const onExport = () => void afterErrors(() => void x.doExport());
  const onPdf = () => void afterErrors(() => void x.printPublic());

  return (
    <div style={{ maxWidth: 980 }}>
      <h2 className="screen-title">导出{x.year}年度报告</h2>
      <Card size="small" title="导出为 Word 文档（GB/T 9704—2012 公文格式）">
        <Form layout="horizontal" labelCol={{ flex: '96px' }} colon={false}>
          <Form.Item label="字体方案">
            <Radio.Group
              orientation="vertical"
              value={x.fontPreset}
              onChange={(e) => x.setFontPreset(e.target.value)}
              options={FONT_PRESETS.map((p) => ({ value: p, label: FONT_PRESET_LABELS[p] }))}
            />
          </Form.Item>
          <Form.Item label="文件版本">
            <EditionPicker value={x.edition} onChange={x.setEdition} />
          </Form.Item>
          {x.edition === 'submit' && (
            <Card size="small" type="inner" title="报送件：版头与版记（GB/T 9704—2012）" style={{ marginBottom: 16 }}>
              <IssuanceFields s={x.issuance} year={x.year} findings={x.proofread ?? []} body={x.body} fontPreset={x.fontPreset} />
            </Card>
          )}
          <Form.Item label="落款">
            <Space>
              <Switch
                checked={sig?.enabled ?? false}
                loading={!sig && x.sigLoading}
                disabled={!sig}
                onChange={(enabled) => x.setSigChoice({ date: sig?.date ?? '', enabled })}
                checkedChildren="有"
                unCheckedChildren="无"
                aria-label="落款"
              />
              {!sig && x.sigError && <Typography.Text type="secondary">未能读取报告的落款设置，导出时按报告中的设置</Typography.Text>}
              {sig?.enabled && (
                <>
                  <span>落款日期</span>
                  <ChineseDateInput
                    aria-label="落款日期"
                    value={sig.date}
                    year={reportCalendar(x.year).writtenIn}
                    onChange={(date) => x.setSigChoice({ enabled: true, date })}
                    onProblem={setDateProblem}
                    focusRef={dateField}
                  />
                  <Typography.Text type="secondary">留空则使用导出当天的日期</Typography.Text>
                </>
              )}
            </Space>
          </Form.Item>
          <Form.Item label=" ">
            <Space>
              <Button
                type="primary"
                size="large"
                icon={<FileWordOutlined />}
                loading={busy === 'final'}
                disabled={(busy !== null && busy !== 'final') || blocked}
                onClick={onExport}
              >
                导出 Word
              </Button>
              <Tooltip title="供领导审阅：未填报的指标标为【待填：指标名】，未定稿的部分加批注，页眉标“征求意见稿”">
                <Button size="large" loading={busy === 'draft'} disabled={busy !== null && busy !== 'draft'} onClick={() => void doExport(true)}>
                  导出征求意见稿
                </Button>
              </Tooltip>
              {x.edition === 'public' && <PublicPdfButton loading={busy === 'pdf'} disabled={(busy !== null && busy !== 'pdf') || blocked} onClick={onPdf} />}
            </Space>
          </Form.Item>
        </Form>
        {blocked && <MissingFigures missing={missing} onGo={() => x.go('indicators')} />}
        {x.proofread && (
          <Alert
            data-testid="export-proofread"
            type={errors.length ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 12 }}
            title={
              errors.length
                ? `校对发现${errors.length}处错误${reminders ? `、${reminders}处提醒` : ''}，导出前请先看一看`
                : reminders
                  ? `校对未发现错误（另有${reminders}处提醒，可在“报告编辑”的校对面板中查看）`
                  : '校对未发现问题'
            }
            description={errors.length ? <FindingList findings={errors} max={12} nameOf={x.nameOf} /> : undefined}
          />
        )}
        {outcome?.kind === 'saved' && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={canShowInFolder ? `已保存到：${outcome.file.path}` : `已下载“${outcome.fileName}”，文件在浏览器的下载文件夹中`}
            action={
              canShowInFolder && outcome.file.canShowInFolder ? (
                <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void showInFolder(outcome.file.path)}>
                  打开所在文件夹
                </Button>
              ) : undefined
            }
          />
        )}
        {outcome?.kind === 'pdf' && <Alert type="success" showIcon role="status" title={`公开件 PDF 已保存到：${outcome.path}`} />}
        {x.printJob && <PublicPrint job={x.printJob} onDone={x.printDone} onSaved={x.pdfSaved} onFailed={x.pdfFailed} />}
        {outcome?.kind === 'failed' && <Alert type="error" showIcon role="alert" title="导出失败" description={outcome.message} />}
      </Card>
      <Card size="small" title="全年数据表（Excel）" style={{ marginTop: 16 }}>
        <Space wrap>
          <XlsxExportButton label="导出全年数据表" type="primary" />
          <Typography.Text type="secondary">一个 .xlsx 文件：活动台账、调解案件、指标（含上年数值）三个工作表，可直接打印（A4 横向）。</Typography.Text>
        </Space>
      </Card>
      <ExportHistory records={x.records} loading={x.historyLoading} error={x.historyError} />
    </div>
  );
}

/** Why the final export is not offered: the figures it cannot print, by the names 指标录入 uses. */
function MissingFigures({ missing, onGo }: { missing: RenderResult['missing']; onGo: () => void }) {
  const unfilled = [...new Map(missing.filter((m) => !m.unknown).map((m) => [m.id, m])).values()];
  const gone = [...new Map(missing.filter((m) => m.unknown).map((m) => [m.id, m])).values()];
  return (
    <Alert
      data-testid="export-missing"
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title="定稿还不能导出：报告引用的指标要都有数值"
      description={
        <div>
          {unfilled.length > 0 && (
            <>
              <div>尚未填报的指标：</div>
              <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
                {unfilled.map((m) => (
                  <li key={m.id}>
                    “{m.name}”（{m.partHeading || '无标题部分'}）
                  </li>
                ))}
              </ul>
            </>
          )}
          {gone.length > 0 && <div>报告中有{gone.length}处引用的指标已被删除，请在“报告编辑”中删去这些数值。</div>}
          <div style={{ marginTop: 6 }}>
            先到“指标录入”填写，或先导出征求意见稿（缺的数值标为【待填：指标名】）。
            {unfilled.length > 0 && (
              <Button type="link" size="small" onClick={onGo}>
                去指标录入
              </Button>
            )}
          </div>
        </div>
      }
    />
  );
}

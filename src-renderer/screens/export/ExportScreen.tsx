import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Modal, Radio, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { FileWordOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { ChineseDateInput } from '../../components/ChineseDateInput';
import { FONT_PRESETS, FONT_PRESET_LABELS, type FontPreset } from '../../../src-shared/domain/vocabulary';
import type { ExportRecordFull as ExportRecord } from '../../../src-shared/domain/year';
import type { Finding } from '../../../src-shared/proofread/finding';
import { call } from '../../api/client';
import { canShowInFolder, saveFile, showInFolder, type SavedFile } from '../../api/platform';
import { errorText } from '../../components/errors';
import { useApp } from '../../state/app';
import { useLoad } from '../../state/useLoad';
import { chineseDateTime } from '../../../src-shared/dates';
import { Preview } from '../report/Preview';
import { XlsxExportButton } from '../sheets/SheetActions';

type Outcome = { kind: 'saved'; file: SavedFile; fileName: string } | { kind: 'failed'; message: string } | null;

export function ExportScreen() {
  const app = useApp();
  const { message, modal } = AntApp.useApp();
  // errors are listed before export; exporting anyway stays the clerk's choice (Word-like, not a jail)
  const proof = useLoad(() => call('proofread.run', { year: app.year }), [app.year]);
  const errors = (proof.data ?? []).filter((f) => f.severity === '错误');
  const reminders = (proof.data ?? []).length - errors.length;
  const [fontPreset, setFontPreset] = useState<FontPreset>(app.unit.fontPreset);
  // 落款 starts as the report itself has it (报告编辑's preview), so an untouched export prints
  // the same; null = not changed here yet
  const stored = useLoad(() => call('report.get', { year: app.year }).then((r) => r.signature), [app.year]);
  const [sigChoice, setSigChoice] = useState<{ enabled: boolean; date: string } | null>(null);
  const sig = sigChoice ?? (stored.data ? { enabled: stored.data.enabled, date: stored.data.date } : null);
  const [busy, setBusy] = useState<'final' | 'draft' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [viewing, setViewing] = useState<ExportRecord | null>(null);
  const history = useLoad(() => call('export.history', { year: app.year }), [app.year]);

  const doExport = async (draft = false) => {
    setBusy(draft ? 'draft' : 'final');
    setOutcome(null);
    try {
      const r = await call('export.docx', {
        year: app.year,
        fontPreset,
        // unknown (report not read): leave it to the report's own setting
        signature: sig ?? undefined,
        ...(draft ? { draft: true } : {}),
      });
      const file = await saveFile(r.fileName, r.data);
      if (file) {
        setOutcome({ kind: 'saved', file, fileName: r.fileName });
        message.success(draft ? '征求意见稿已导出' : '报告已导出');
        // only a written file enters the history (not a cancelled dialog, not a failed write)
        await call('export.recorded', { year: app.year, id: r.record.id }).catch((err: unknown) =>
          message.warning(`报告已保存，但导出记录未能写入：${errorText(err)}`, 8),
        );
      }
      void history.reload(true);
      void proof.reload(true);
    } catch (err) {
      setOutcome({ kind: 'failed', message: errorText(err) });
    } finally {
      setBusy(null);
    }
  };

  const onExport = () => {
    if (!errors.length) return void doExport();
    modal.confirm({
      title: `报告还有${errors.length}处错误`,
      content: (
        <div>
          <FindingList findings={errors} max={8} />
          <p>可以先到“报告编辑”的校对面板逐项处理；也可以仍然导出，导出记录会注明当时未处理的问题数。</p>
        </div>
      ),
      okText: '仍然导出',
      cancelText: '先去修改',
      width: 560,
      onOk: () => void doExport(),
    });
  };

  // newest first, in the order the exports happened (a wrong clock must not reorder them)
  const records = history.data ?? [];

  return (
    <div style={{ maxWidth: 980 }}>
      <h2 className="screen-title">导出{app.year}年度报告</h2>
      <Card size="small" title="导出为 Word 文档（GB/T 9704—2012 公文格式）">
        <Form layout="horizontal" labelCol={{ flex: '96px' }} colon={false}>
          <Form.Item label="字体方案">
            <Radio.Group
              orientation="vertical"
              value={fontPreset}
              onChange={(e) => setFontPreset(e.target.value)}
              options={FONT_PRESETS.map((p) => ({ value: p, label: FONT_PRESET_LABELS[p] }))}
            />
          </Form.Item>
          <Form.Item label="落款">
            <Space>
              <Switch
                checked={sig?.enabled ?? false}
                loading={!sig && stored.loading}
                disabled={!sig}
                onChange={(enabled) => setSigChoice({ date: sig?.date ?? '', enabled })}
                checkedChildren="有"
                unCheckedChildren="无"
                aria-label="落款"
              />
              {!sig && stored.error && <Typography.Text type="secondary">未能读取报告的落款设置，导出时按报告中的设置</Typography.Text>}
              {sig?.enabled && (
                <>
                  <span>落款日期</span>
                  <ChineseDateInput
                    aria-label="落款日期"
                    value={sig.date}
                    year={app.year + 1}
                    onChange={(date) => setSigChoice({ enabled: true, date })}
                  />
                  <Typography.Text type="secondary">留空则使用导出当天的日期</Typography.Text>
                </>
              )}
            </Space>
          </Form.Item>
          <Form.Item label=" ">
            <Space>
              <Button type="primary" size="large" icon={<FileWordOutlined />} loading={busy === 'final'} disabled={busy === 'draft'} onClick={onExport}>
                导出 Word
              </Button>
              <Tooltip title="供领导审阅：未填报的指标标为【待填：指标名】，未定稿的部分加批注，页眉标“征求意见稿”">
                <Button size="large" loading={busy === 'draft'} disabled={busy === 'final'} onClick={() => void doExport(true)}>
                  导出征求意见稿
                </Button>
              </Tooltip>
            </Space>
          </Form.Item>
        </Form>
        {proof.data && (
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
            description={errors.length ? <FindingList findings={errors} max={12} /> : undefined}
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
        {outcome?.kind === 'failed' && <Alert type="error" showIcon role="alert" title="导出失败" description={outcome.message} />}
      </Card>
      <Card size="small" title="全年数据表（Excel）" style={{ marginTop: 16 }}>
        <Space wrap>
          <XlsxExportButton label="导出全年数据表" type="primary" />
          <Typography.Text type="secondary">一个 .xlsx 文件：活动台账、调解案件、指标（含上年数值）三个工作表，可直接打印（A4 横向）。</Typography.Text>
        </Space>
      </Card>
      <Card size="small" title="导出记录" style={{ marginTop: 16 }}>
        {history.error && <Alert type="error" showIcon title={history.error} style={{ marginBottom: 8 }} />}
        <Table<ExportRecord>
          size="small"
          rowKey="id"
          loading={history.loading && !history.data}
          dataSource={records}
          pagination={records.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: '尚未导出过' }}
          columns={[
            { key: 'at', title: '导出时间', width: 180, render: (_, r) => chineseDateTime(r.at) },
            // a draft's file name says （征求意见稿）
            { key: 'file', title: '文件名', render: (_, r) => r.fileName },
            {
              key: 'open',
              title: '导出时未处理',
              width: 130,
              render: (_, r) => (r.openFindings.errors || r.openFindings.reminders ? `错误${r.openFindings.errors} · 提醒${r.openFindings.reminders}` : '无'),
            },
            { key: 'font', title: '字体方案', width: 120, render: (_, r) => (r.fontPreset === 'windows' ? 'Windows 自带' : '标准') },
            {
              key: 'view',
              title: '',
              width: 110,
              render: (_, r) => (
                <Button size="small" onClick={() => setViewing(r)}>
                  查看当时内容
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={viewing !== null}
        title={viewing ? `${chineseDateTime(viewing.at)} 导出的内容` : ''}
        width={860}
        footer={<Button onClick={() => setViewing(null)}>关闭</Button>}
        onCancel={() => setViewing(null)}
        styles={{ body: { maxHeight: '70vh', overflow: 'auto', background: '#f3f5f8', padding: 12 } }}
      >
        {/* what was printed: numbering and figures as they were at export, nothing missing by then */}
        {viewing && <Preview result={{ rendered: viewing.snapshot, missing: [] }} selectedId={null} testId="snapshot" />}
      </Modal>
    </div>
  );
}

function FindingList({ findings, max }: { findings: readonly Finding[]; max: number }) {
  return (
    <ul className="fz-export-findings" style={{ margin: '4px 0', paddingLeft: 18 }}>
      {findings.slice(0, max).map((f, i) => (
        <li key={i}>
          {f.where ? `${f.where}：` : ''}
          {f.message}
          {f.length > 0 && f.excerpt && !f.message.includes(f.excerpt) ? `（“${f.excerpt}”）` : ''}
        </li>
      ))}
      {findings.length > max && <li>另有{findings.length - max}处</li>}
    </ul>
  );
}

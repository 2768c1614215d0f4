import { useRef, useState } from 'react';
import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { DatabaseOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_KINDS } from '../../../src-shared/domain/vocabulary';
import { LIMITS } from '../../../src-shared/domain/limits';
import { reportYearFor } from '../../../src-shared/dates';
import { YearField, type YearFieldHandle } from '../../components/YearField';
import { useWelcome, type CreateForm } from './useWelcome';
import { LimitedInput } from '../../components/LimitedInput';

/** First run: no unit yet. Either a short form, last year's report, or the demo data. */
export function WelcomeScreen({ onDone }: { onDone: () => void }) {
  const { busy, error, form, imp, create, demo } = useWelcome(onDone);
  // a year that does not read refuses 创建单位 at the year field (never the year shown before)
  const yearField = useRef<YearFieldHandle>(null);
  const [yearProblem, setYearProblem] = useState<string | null>(null);

  return (
    <div style={{ minHeight: '100%', background: '#f3f5f8', padding: '48px 24px' }}>
      <div style={{ maxWidth: 920, margin: '0 auto' }}>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
          欢迎使用法治年报
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 32 }}>
          记录全年法治工作数据，按 GB/T 9704—2012 格式生成《法治政府建设年度报告》。数据只保存在本机。
        </Typography.Paragraph>
        {error && (
          <Typography.Paragraph type="danger" role="alert" style={{ textAlign: 'center' }}>
            {error}
          </Typography.Paragraph>
        )}
        {imp.dialog}
        <Card className="fz-welcome-import" style={{ marginBottom: 24 }}>
          <Row align="middle" gutter={24} wrap={false}>
            <Col flex="auto">
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                <FileWordOutlined /> 从去年的报告开始
              </Typography.Title>
              <Typography.Paragraph style={{ marginBottom: 0 }}>
                选择去年的《法治政府建设年度报告》（Word 文件 .docx / .doc，WPS 另存的 .docx，或文本文件 .txt），自动识别提纲、编号、单位和年度；
                导入前可以预览和调整，之后一键新建下一年度。
              </Typography.Paragraph>
            </Col>
            <Col>
              <Button type="primary" size="large" disabled={busy !== null} onClick={() => void imp.start()}>
                选择报告文件…
              </Button>
            </Col>
          </Row>
        </Card>
        <Row gutter={24}>
          <Col span={14}>
            <Card title={<><PlusOutlined /> 创建单位</>}>
              <Form<CreateForm>
                form={form}
                layout="vertical"
                requiredMark={false}
                initialValues={{ kind: '镇', year: reportYearFor(), villages: '' }}
                onFinish={(v) => {
                  if (yearField.current?.refuse() || v.year == null) return;
                  void create({ ...v, year: v.year });
                }}
                onFinishFailed={({ errorFields }) => {
                  if (!yearField.current?.refuse() && errorFields[0]) form.focusField(errorFields[0].name);
                }}
              >
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item label="单位简称" name="shortName" rules={[{ required: true, message: '请填写单位简称' }]}>
                      <LimitedInput placeholder="如：横街镇" maxLength={LIMITS.unitShortName} />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item label="单位全称" name="fullName" rules={[{ required: true, message: '请填写单位全称' }]}>
                      <LimitedInput placeholder="如：××市××区横街镇人民政府" maxLength={LIMITS.unitFullName} />
                    </Form.Item>
                  </Col>
                </Row>
                <Row gutter={12}>
                  <Col span={10}>
                    <Form.Item label="类型" name="kind">
                      <Select options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item
                      label="报告年度"
                      name="year"
                      validateStatus={yearProblem ? 'error' : undefined}
                      help={yearProblem && <span id="welcome-year-problem">{yearProblem}</span>}
                    >
                      <YearField fieldRef={yearField} onProblem={setYearProblem} problemId="welcome-year-problem" aria-label="报告年度" width="100%" />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.Item label="村（社区）" name="villages" extra="每行一个，也可用顿号分隔；以后可在“单位设置”中修改">
                  <Input.TextArea rows={4} placeholder={'东村\n西村\n横街社区'} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy === 'create'} disabled={busy !== null}>
                  创建单位
                </Button>
              </Form>
            </Card>
          </Col>
          <Col span={10}>
            <Card title={<><DatabaseOutlined /> 先看看示例</>}>
              <Typography.Paragraph>
                载入一个示例单位“横街镇”（15个村、社区）和2024年度的台账、调解案件与完整报告，可随意试用各项功能。
              </Typography.Paragraph>
              <Button onClick={() => void demo()} loading={busy === 'demo'} disabled={busy !== null}>
                载入示例数据
              </Button>
            </Card>
          </Col>
        </Row>
      </div>
    </div>
  );
}

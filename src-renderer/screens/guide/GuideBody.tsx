/** What the guide says: the year's four steps, the fonts of this machine, the data folder and backups. */
import { useEffect, useState } from 'react';
import { Button, Space, Steps } from 'antd';
import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { FONT_PRESET_LABELS } from '../../../src-shared/domain/vocabulary';
import { isElectron } from '../../api/platform';
import type { ScreenKey } from '../../state/app';
import { CopyableCode, H5, Para, Txt } from '../../components/Text';
import { checkFonts, type FontCheck } from './fonts';
import { useDataDir, useFontAdvice } from './useGuide';

/** The year's cycle: where each step is done. */
const CYCLE: Array<{ title: string; screen: ScreenKey; text: string }> = [
  { title: '单位', screen: 'unit', text: '填好单位名称、村（社区）、负责人和字体方案，一次即可。' },
  { title: '平时记台账', screen: 'ledger', text: '每次普法、调解等活动后记一条；指标大多由台账自动汇总。' },
  { title: '年底写报告', screen: 'report', text: '填报其余指标，按提纲撰写各部分，边写边看“校对”。' },
  { title: '导出报送', screen: 'export', text: '导出符合公文格式的 Word 文件，第一季度末前报送。' },
];

function FontList({ names, found }: { names: string[]; found: Record<string, boolean> }) {
  return (
    <Space wrap size={[12, 4]}>
      {names.map((f) => (
        <span key={f} data-testid={`font-${f}`}>
          {found[f] ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleOutlined style={{ color: '#cf1322' }} />} {f}
          {found[f] ? '' : '（未安装）'}
        </span>
      ))}
    </Space>
  );
}

function FontAdvice({ fonts, compact }: { fonts: FontCheck; compact: boolean }) {
  const { current, adopt } = useFontAdvice(fonts);
  return (
    <div data-testid="font-advice">
      <Para style={{ marginBottom: 4 }}>
        本机的公文字体：
        <br />
        <FontList names={Object.keys(fonts.standard)} found={fonts.standard} />
      </Para>
      <Para>
        建议的字体方案：<b data-testid="font-suggested">{FONT_PRESET_LABELS[fonts.suggested]}</b>
        {fonts.suggested === 'windows'
          ? '。本机没有方正小标宋、仿宋_GB2312，用标准方案导出的文件在本机 Word 中会被替换成其他字体；若报送单位要求标准字体，请先安装这两种字体。'
          : '。本机已装有方正小标宋和仿宋_GB2312。'}
        {current === fonts.suggested ? (
          <Txt type="success">（当前已是这个方案）</Txt>
        ) : (
          <Button size="small" type="link" onClick={() => void adopt()}>
            采用这个方案
          </Button>
        )}
      </Para>
      {!compact && (
        <Para type="secondary" style={{ fontSize: 13 }}>
          {isElectron
            ? '自己核对：Windows “设置 → 个性化 → 字体”，在搜索框输入“仿宋_GB2312”“方正小标宋”，能搜到即已安装。'
            : '浏览器版检查的是运行浏览器的这台电脑。自己核对：Windows “设置 → 个性化 → 字体”（或“控制面板 → 字体”），搜索“仿宋_GB2312”“方正小标宋”；打开 Word 在字体框中输入这两个名称也可以看出是否安装。'}
        </Para>
      )}
    </div>
  );
}

function DataFolder() {
  const dir = useDataDir();
  return (
    <Para>
      全部数据保存在本机的数据文件夹：
      <CopyableCode text={dir ?? '…'} copyable={!!dir} data-testid="guide-data-dir" />
      <br />
      备份：右上角“⋮ → 备份数据”保存为一个文件，请定期复制到U盘或单位的共享盘；换电脑或数据出错时用“⋮ → 从备份恢复”。
      程序每天还会在数据文件夹的 backups 文件夹中自动保留备份。
    </Para>
  );
}

/**
 * This machine's fonts, checked once the page has a moment after the guide is drawn: the check
 * measures text in a canvas for eight families (tens of milliseconds, most of it for fonts that
 * are missing), which held back 概览, where the guide first shows, for as long. Null until then.
 */
function useFontCheck(): FontCheck | null {
  const [fonts, setFonts] = useState<FontCheck | null>(null);
  useEffect(() => {
    const check = () => setFonts(checkFonts());
    // a busy page still gets its answer within a second. A browser without idle callbacks (Safari
    // before 18.2 may open the browser version; jsdom in the tests) checks after a short delay.
    if (typeof requestIdleCallback !== 'function') {
      const t = window.setTimeout(check, 200);
      return () => window.clearTimeout(t);
    }
    const id = requestIdleCallback(check, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }, []);
  return fonts;
}

export function GuideBody({ onGo, compact = false }: { onGo: (s: ScreenKey) => void; compact?: boolean }) {
  const fonts = useFontCheck();
  return (
    <div data-testid="guide-body">
      <H5 style={{ marginTop: 0 }}>
        一年的工作分四步
      </H5>
      <Steps
        orientation={compact ? 'horizontal' : 'vertical'}
        size="small"
        current={-1}
        items={CYCLE.map((c) => ({
          title: (
            <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onGo(c.screen)}>
              {c.title}
            </Button>
          ),
          content: c.text,
        }))}
      />
      <H5>字体方案</H5>
      {fonts ? <FontAdvice fonts={fonts} compact={compact} /> : <Para type="secondary">正在检查本机的公文字体…</Para>}
      <H5>数据文件夹与备份</H5>
      <DataFolder />
      <Para type="secondary" style={{ marginBottom: 0 }}>
        第一年使用时，可在“概览”中“录入上一年度数据”，只填去年的指标数值，图表的同比和指标的“上年”一栏即可使用。
      </Para>
    </div>
  );
}

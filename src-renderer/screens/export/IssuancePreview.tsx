/**
 * The 报送件's first and last pages drawn to scale (GB/T 9704-2012 measures, as the .docx lays them
 * out): the red 发文机关标志 35 mm under the top of the text block, 发文字号 and 签发人 over the red
 * rule, the report's own text under it in the print view's layout (the one the 公开件 PDF prints),
 * and the 版记 on the foot of the last page between its three rules.
 */
import type { CSSProperties, ReactNode } from 'react';
import type { RenderedIssuance, RenderedReport } from '../../../src-shared/domain/rendered';
import type { FontPreset } from '../../../src-shared/domain/vocabulary';
import { ReportPrint } from '../report/ReportPrint';

const S = 1.3; // px per mm
const PT = 0.3528 * S; // px per point
const TOP = 37;
const LEFT = 28;
const WIDTH = 156;
const BOTTOM = 262;
const LINE = 10.21; // one of 22 lines, mm
const RED = '#e00';

const at = (top: number, extra: CSSProperties = {}): CSSProperties => ({ position: 'absolute', left: LEFT * S, width: WIDTH * S, top: top * S, ...extra });

function Page({ children, label }: { children: ReactNode; label: string }) {
  return (
    <div style={{ marginBottom: 8 }}>
      <div style={{ position: 'relative', width: 210 * S, height: 297 * S, background: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,.25)', overflow: 'hidden' }} aria-label={label} role="img">
        {children}
      </div>
      <div style={{ fontSize: 12, color: '#888', width: 210 * S, textAlign: 'center' }}>{label}</div>
    </div>
  );
}

/** CSS millimetres are 96/25.4 px: the print view scaled down to the preview's px per mm. */
const PRINT_SCALE = S / (96 / 25.4);

/** The report's text from `top` to the foot of the text block, typeset as it prints. */
function BodyText({ report, fontPreset, top }: { report: RenderedReport; fontPreset: FontPreset; top: number }) {
  return (
    <div style={at(top, { height: (BOTTOM - top) * S, overflow: 'hidden' })} aria-hidden>
      <div style={{ transform: `scale(${PRINT_SCALE})`, transformOrigin: 'top left', pointerEvents: 'none' }} data-testid="preview-body">
        <ReportPrint rendered={report} fontPreset={fontPreset} />
      </div>
    </div>
  );
}

const grey = (top: number, n: number) =>
  Array.from({ length: n }, (_, i) => <div key={`${top}-${i}`} style={at(top + i * LINE + 3, { height: 2.2 * S, background: '#ddd', width: (i === n - 1 ? 90 : WIDTH) * S })} />);

/** `body`: the report as it prints (none while it is being read: grey lines stand in for it). */
export function IssuancePreview({ iss, body, fontPreset }: { iss: RenderedIssuance; body?: RenderedReport | undefined; fontPreset: FontPreset }) {
  const names = iss.issuers;
  const single = names.length <= 1;
  const chars = single ? [...`${names[0] ?? ''}${iss.withWenjian ? '文件' : ''}`].length : Math.max(...names.map((n) => [...n].length)) + (iss.withWenjian ? 2.5 : 0);
  const markPt = Math.min(44, Math.floor((0.9 * WIDTH * 72) / 25.4 / Math.max(1, chars)));
  const markH = markPt * 1.3 * (single ? 1 : names.length) * 0.3528;
  const markStyle: CSSProperties = { color: RED, fontFamily: '"方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimSun", serif', fontSize: markPt * PT, lineHeight: 1.3, whiteSpace: 'nowrap' };
  const top = [iss.copyNumber, iss.urgency].filter(Boolean);
  const numberTop = TOP + 35 + markH + 2 * LINE;
  const lines: string[][] = [];
  for (let i = 0; i < iss.signers.length; i += 2) lines.push(iss.signers.slice(i, i + 2));
  const rowsTop = numberTop - Math.max(0, lines.length - 1) * LINE;
  const ruleTop = numberTop + LINE - 1;
  const small: CSSProperties = { fontSize: 16 * PT, lineHeight: `${LINE * S}px`, fontFamily: '"仿宋_GB2312", "FangSong", serif', whiteSpace: 'nowrap' };
  const ccLines = iss.cc ? Math.max(1, Math.ceil([...iss.cc].length / 27)) : 0;
  const imprintTop = BOTTOM - (ccLines + 1) * LINE;
  const sihao: CSSProperties = { ...small, fontSize: 14 * PT };
  return (
    <div data-testid="issuance-preview">
      <Page label="第一页（版头）">
        {top.map((t, i) => (
          <div key={t} style={at(TOP + i * LINE, { ...small, fontFamily: '"黑体", sans-serif' })}>
            {t}
          </div>
        ))}
        <div style={at(TOP + 35, { display: 'flex', justifyContent: 'center', alignItems: 'center' })}>
          {single ? (
            <span style={markStyle}>{`${names[0] ?? ''}${iss.withWenjian ? '文件' : ''}`}</span>
          ) : (
            <>
              <span style={{ ...markStyle, display: 'flex', flexDirection: 'column', textAlignLast: 'justify' }}>
                {names.map((n) => (
                  <span key={n}>{n}</span>
                ))}
              </span>
              {iss.withWenjian && <span style={{ ...markStyle, marginLeft: markPt * PT * 0.5 }}>文件</span>}
            </>
          )}
        </div>
        {lines.length === 0 ? (
          <div style={at(numberTop, { ...small, textAlign: 'center' })}>{iss.docNumber || '（发文字号）'}</div>
        ) : (
          lines.map((l, i) => (
            <div key={i} style={at(rowsTop + i * LINE, { ...small, display: 'flex', justifyContent: 'space-between', padding: `0 ${5.6 * S}px` })}>
              <span>{i === lines.length - 1 ? iss.docNumber || '（发文字号）' : ''}</span>
              <span>
                <span style={{ visibility: i === 0 ? 'visible' : 'hidden' }}>签发人：</span>
                <span style={{ fontFamily: '"楷体_GB2312", "KaiTi", serif' }}>{l.join('\u3000')}</span>
              </span>
            </div>
          ))
        )}
        <div data-testid="preview-red-rule" style={at(ruleTop + 4, { height: Math.max(1, 0.8 * S), background: RED })} />
        {body ? (
          // the title two lines under the 发文字号 line (§7.3.1), as in the .docx
          <BodyText report={body} fontPreset={fontPreset} top={numberTop + 3 * LINE} />
        ) : (
          grey(ruleTop + 4 + 2 * LINE, Math.max(0, Math.floor((BOTTOM - ruleTop - 4 - 2 * LINE) / LINE)))
        )}
        {/* §7.5: 四号, its 一字线 7 mm under the text block, an odd page's one character from the right */}
        <div style={at(BOTTOM + 4.5, { fontSize: 14 * PT, lineHeight: `${5 * S}px`, textAlign: 'right', paddingRight: 4.94 * S, fontFamily: '"SimSun", "宋体", serif' })}>— 1 —</div>
      </Page>
      <Page label="最后一页（版记，偶数页，不编页码）">
        <div style={at(imprintTop, { borderTop: `${Math.max(1, 0.35 * S)}px solid #000` })} />
        {iss.cc && (
          <div style={at(imprintTop, { ...sihao, padding: `0 ${4.9 * S}px`, whiteSpace: 'normal', height: ccLines * LINE * S })}>
            抄送：{iss.cc}
          </div>
        )}
        <div style={at(BOTTOM - LINE, { borderTop: `${Math.max(1, 0.25 * S)}px solid #000` })} />
        <div style={at(BOTTOM - LINE, { ...sihao, display: 'flex', justifyContent: 'space-between', padding: `0 ${4.9 * S}px` })}>
          <span>{iss.printer}</span>
          <span>{iss.printDate}印发</span>
        </div>
        <div style={at(BOTTOM, { borderTop: `${Math.max(1, 0.35 * S)}px solid #000` })} />
      </Page>
    </div>
  );
}

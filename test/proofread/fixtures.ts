/**
 * Reports for the proofreader's tests, written for these tests (no sentence taken from any real
 * report). The clean ones hold the traps a careless check falls into: 一是/二是, 100%, the report
 * year in the measures part, quoted titles 《…》 and figures inside quoted document names.
 */
import type { Part, Report } from '../../src-shared/domain/report';
import type { IndicatorReading } from '../../src-shared/domain/wording';
import type { YearData } from '../../src-shared/domain/year';
import { YEAR_FILE_VERSION } from '../../src-shared/domain/year';
import { buildDemo, demoUnit } from '../../src-main/demo';
import { computeReadings } from '../../src-main/services/indicators/compute';
import type { ProofreadInput } from '../../src-shared/proofread';
import { resolveText } from '../../src-shared/report/printedReport';

let seq = 0;
export const part = (heading: string, paragraphs: string[], extra: Partial<Part> = {}): Part => ({
  id: `t${++seq}`,
  heading,
  runIn: false,
  paragraphs,
  status: '草稿',
  children: [],
  ...extra,
});

/** The demo year's figures: the year has data for most indicators. */
export function demoReadings(): Map<string, IndicatorReading> {
  return computeReadings(demoUnit(), buildDemo().year);
}

/** A year with nothing recorded: an imported report's figures must not be judged against it. */
export function emptyReadings(year = 2024): Map<string, IndicatorReading> {
  const data: YearData = {
    version: YEAR_FILE_VERSION,
    year,
    values: {},
    ledger: [],
    mediation: [],
    report: { title: 'x', recipient: '', preamble: [], parts: [], signature: { enabled: true, name: '', date: '' } },
    exports: [],
    proofreading: { imported: [], ignored: [] },
  };
  return computeReadings(demoUnit(), data);
}

/** A report of the demo unit with every required item, to put one slip into. */
export function frame(year: number, body: { preamble?: string[]; measures?: string[]; shortcomings?: string[]; plan?: string[]; planHeading?: string; measuresHeading?: string }): Report {
  return {
    title: `横街镇${year}年法治政府建设年度报告`,
    recipient: '',
    preamble: body.preamble ?? [`${year}年，横街镇围绕年度目标推进法治政府建设，现将有关情况报告如下。`],
    parts: [
      part(body.measuresHeading ?? '主要举措和成效', body.measures ?? ['坚持重大事项集体讨论决定，决策程序规范。'], { contentItem: 'measures' }),
      part('存在的不足和原因', body.shortcomings ?? ['执法力量与任务不够匹配，原因是专业人员偏少。'], { contentItem: 'shortcomings' }),
      part('党政主要负责人履行推进法治建设第一责任人职责情况', ['主要负责人带头学法，亲自部署推动重点工作。'], { contentItem: 'firstResponsible' }),
      part(body.planHeading ?? `${year + 1}年主要安排`, body.plan ?? ['一是加强执法队伍建设。二是深化普法宣传。'], { contentItem: 'nextYear' }),
    ],
    signature: { enabled: true, name: '', date: `${year + 1}-01-20` },
  };
}

export const unit = { shortName: '横街镇', fullName: '横街镇人民政府' };

/** Clean report 1: the demo unit's year with data; figures as placeholders, other numbers typed. */
export function cleanWithData(): ProofreadInput {
  return {
    year: 2024,
    unit,
    readings: demoReadings(),
    report: {
      title: '横街镇2024年法治政府建设年度报告',
      recipient: '区委全面依法治区委员会办公室',
      preamble: [
        '2024年，横街镇以《法治政府建设实施纲要（2021—2025年）》为遵循，对照《2024年度法治政府建设考核细则》逐项落实，现将有关情况报告如下。',
      ],
      parts: [
        part('2024年法治政府建设主要举措和成效', [], {
          contentItem: 'measures',
          children: [
            part('健全依法决策机制', [
              '一是规范决策程序。2024年初编制重大行政决策事项目录，列入事项{{decision-catalog}}，全部履行法定程序。二是做实合法性审查。全年审查各类事项{{legality-review}}，审查意见采纳率100%。三是用好法律顾问。聘请专业法律顾问{{adviser-hired}}，提供法律意见{{adviser-support|rounded}}。',
            ], { runIn: true }),
            part('规范行政执法行为', [
              '组织{{enf-exam-takers}}机关干部参加执法资格认证考试，通过率{{enf-exam-pass-rate}}。对照《浙江省行政执法监督条例》开展案卷评查，评查案卷合格率100%，较2023年提高明显。',
            ], { runIn: true }),
            part('深化普法宣传教育', [
              '围绕“八五”普法规划，开展各类普法宣传活动{{pufa-events}}。转发《关于印发〈2024年普法依法治理工作要点〉的通知》，组织网格员30人参加“法律明白人”培训，考核合格27人，合格率90%。',
              '在国家宪法日组织宪法宣誓，参与群众{{xianfa-participants|rounded}}；发放禁毒宣传资料{{jindu-materials|rounded}}，受众{{jindu-audience|rounded}}。',
              // figures that are a part of a total, or of something else, are not the indicator's
              '开展民法典普法宣传3场，通过“法律明白人”培训15人，新建村居法律服务点12个，村法律顾问12名，接待群众咨询200余人次；获评2023年度法治建设先进单位。',
            ], { runIn: true }),
            part('化解矛盾纠纷', [
              '全年调解矛盾纠纷{{mediation-cases}}，调解成功{{mediation-success}}，成功率{{mediation-success-rate}}；社区矫正对象核查率{{correction-check-rate}}。会议于9:30召开，研究部署（一）类风险排查。',
            ], { runIn: true }),
          ],
        }),
        part('存在的不足和原因', [
          '一是统一是非标准的意识还不够强；二是基层执法人员偏少，原因是编制紧张；三是普法形式单一，针对性不足。',
        ], { contentItem: 'shortcomings' }),
        part('党政主要负责人履行推进法治建设第一责任人职责情况', [
          '党委书记、镇长带头学法，集中学法{{study-sessions}}，讲授法治课{{leader-lectures}}，把法治建设纳入年度考核。',
        ], { contentItem: 'firstResponsible' }),
        part('2025年推进法治政府建设的主要安排', [
          '一是提升依法决策水平，巩固2024年工作成效。',
          '二是加强执法规范化建设，全年组织培训不少于4次。',
          '三是增强普法实效，让“法律明白人”覆盖100%的村（社区）。',
        ], { contentItem: 'nextYear' }),
      ],
      signature: { enabled: true, name: '', date: '2025-01-20' },
    },
  };
}

/** Clean report 2: an imported report in a year with no data; every figure typed, none judged. */
export function cleanImported(): ProofreadInput {
  return {
    year: 2024,
    unit,
    readings: emptyReadings(),
    report: {
      title: '横街镇2024年法治政府建设年度报告',
      recipient: '',
      preamble: ['现将横街镇2024年法治政府建设情况报告如下。'],
      parts: [
        part('法治建设推进情况', [
          '全年开展各类普法宣传活动18次，发放民法典宣传资料2000余份。村居法律顾问下村授课8次，覆盖全镇15个村（社区）。',
          '全年调解矛盾纠纷120起，调解成功114起，调解成功率95%。组织机关干部参加执法资格认证考试2名，通过2名，通过率100%。',
          '依据《中华人民共和国行政处罚法》第33条，对首次轻微违法行为依法不予处罚。',
        ], { contentItem: 'measures' }),
        part('存在的问题', ['部分村干部运用法治思维的能力不强。'], { contentItem: 'shortcomings' }),
        part('法治政府建设第一责任人履职情况', ['主要负责人带头讲授法治课2次，年内听取法治建设汇报4次。'], { contentItem: 'firstResponsible' }),
        part('2025年推进法治政府建设的主要安排', ['一是健全决策机制。', '二是规范执法行为。', '三是创新普法方式。'], { contentItem: 'nextYear' }),
      ],
      signature: { enabled: true, name: '', date: '2025-02-10' },
    },
  };
}

/** Clean report 3: a 街道 in another year, custom wording, nested parts. */
export function cleanStreet(): ProofreadInput {
  return {
    year: 2025,
    unit: { shortName: '青溪街道', fullName: '青溪街道办事处' },
    readings: emptyReadings(2025),
    report: {
      title: '青溪街道2025年法治政府建设年度报告',
      recipient: '',
      preamble: ['2025年，青溪街道坚持以法治思维推动基层治理，各项工作取得新进展。'],
      parts: [
        part('主要举措和成效', [], {
          contentItem: 'measures',
          children: [
            part('依法决策', ['一是建立重大事项法律审核清单；二是完善集体讨论程序；三是公开征求意见。'], { runIn: true }),
            part('公正执法', ['执法人员持证上岗率100%，与2024年相比，行政复议纠错案件有所减少。'], { runIn: true, children: [part('执法监督', ['季度开展案卷评查，问题当场反馈。'])] }),
            part('巩固2024年创建成果', ['持续深化民主法治示范村创建。'], { runIn: true }),
          ],
        }),
        part('存在的不足和原因', ['法治宣传的覆盖面还需扩大，原因在于宣传渠道较少。'], { contentItem: 'shortcomings' }),
        part('党政主要负责人履行推进法治建设第一责任人职责情况', ['主要负责人定期听取汇报，亲自协调解决难题。'], { contentItem: 'firstResponsible' }),
        part('2026年主要安排', ['围绕“十五五”规划开局，推进法治街道建设。'], { contentItem: 'nextYear' }),
      ],
      signature: { enabled: true, name: '', date: '2026-01-15' },
    },
  };
}

/**
 * The demo report's parts with every figure typed as the export prints it — last year's report as
 * an import gets it; `web` also turns ，；： into the half-width , ; : of text copied from the web.
 */
export function typedOut(parts: readonly Part[], opts: { web?: boolean } = {}): Part[] {
  const demo = buildDemo();
  const readings = computeReadings(demo.unitFile.unit, demo.year);
  const web = (s: string) => (opts.web ? s.replace(/，/g, ',').replace(/；/g, ';').replace(/：/g, ':') : s);
  const retype = (p: Part): Part => ({ ...p, paragraphs: p.paragraphs.map((t) => web(resolveText(t, readings, () => {}))), children: p.children.map(retype) });
  return parts.map(retype);
}

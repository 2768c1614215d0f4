import type { Part, Report } from '../../src-shared/domain/report';

/**
 * The demo report: written for this project (not taken from any real report), shaped like a real
 * one — four parts, run-in sub-parts, and figures as placeholders so they follow the data.
 */
let seq = 0;
const part = (heading: string, paragraphs: string[], extra: Partial<Part> = {}): Part => ({
  id: `demo-p${++seq}`,
  heading,
  runIn: false,
  paragraphs,
  status: '定稿',
  children: [],
  ...extra,
});
const sub = (heading: string, paragraphs: string[]) => part(heading, paragraphs, { runIn: true });

export function demoReport(): Report {
  seq = 0;
  return {
    title: '横街镇2024年法治政府建设年度报告',
    recipient: '',
    preamble: [
      '2024年，横街镇在区委、区政府的领导下，围绕法治政府建设年度目标，把依法行政贯穿于决策、执行、监督各个环节，基层治理法治化水平持续提升。现将有关情况报告如下。',
    ],
    parts: [
      part('2024年法治政府建设主要举措和成效', [], {
        contentItem: 'measures',
        children: [
          sub('坚持依法科学民主决策', [
            '一是完善决策程序。年初梳理形成年度重大行政决策事项目录，共列入事项{{decision-catalog}}，每项决策均经过公众参与、专家论证、风险评估、合法性审查和集体讨论决定等环节。二是落实合法性审查。镇党政综合办公室与司法所合署开展审查，全年审查各类事项{{legality-review}}，重大决策、规范性文件和政府合同实现应审尽审。三是发挥法律顾问作用。镇政府聘请专业法律顾问{{adviser-hired}}，全年为重大事项、信访化解和合同签订提供法律意见{{adviser-support|rounded}}。',
          ]),
          sub('推进严格规范公正文明执法', [
            '一是提升执法队伍素质。组织{{enf-exam-takers}}机关干部参加执法资格认证考试，通过率为{{enf-exam-pass-rate}}，办理执法人员跨区换证{{enf-cert-transfer}}。二是规范涉企检查。推行“综合查一次”和扫码入企，全年开展联合执法检查{{enf-inspections}}，减少重复检查对企业正常经营的干扰。三是强化执法监督。对执法案卷开展季度评查，发现的问题当场反馈、限期整改。',
          ]),
          sub('深化政务公开和法律服务', [
            '一是政务公开规范有序。全年主动公开政务信息{{open-total}}，其中应急管理类{{open-emergency}}、建议提案办理类{{open-proposals}}、基层重点领域信息{{open-key-areas}}，公开内容做到及时、准确、完整。二是公共法律服务就近可及。村居法律顾问下村授课{{adviser-lectures}}，法律服务“坐诊”{{clinic-sessions|rounded}}，覆盖全镇{{clinic-villages}}村（社区），群众在家门口就能找到律师。',
          ]),
          sub('扎实开展普法宣传', [
            '一是抓好主题宣传。全年开展各类普法宣传活动{{pufa-events}}，在国家宪法日组织宪法宣誓和知识问答，参与群众{{xianfa-participants|rounded}}。二是聚焦重点人群。开展禁毒普法授课{{jindu-lectures}}、禁毒宣传活动{{jindu-events}}，发放宣传资料{{jindu-materials|rounded}}，受众{{jindu-audience|rounded}}；开展民法典主题宣传，发放资料{{minfadian-materials|rounded}}；走进企业开展反诈宣传{{fanzha-events}}，覆盖人群{{fanzha-audience|rounded}}。三是培育“法律明白人”。分批开展培训{{mingbairen-sessions}}，实现全镇{{village-count}}村（社区）全覆盖。',
          ]),
          sub('多元化解矛盾纠纷', [
            '一是做实排查。依托网格员、人民调解员和“法律明白人”，把矛盾纠纷排查延伸到户，村居和镇调解中心化解矛盾纠纷{{disputes-center|rounded}}。二是做优调解。全年调解矛盾纠纷{{mediation-cases}}，调解成功{{mediation-success}}，成功率{{mediation-success-rate}}。三是做细社区矫正。社区矫正对象核查率{{correction-check-rate}}，个性化矫正方案制定率{{correction-plan-rate}}，全年未发生脱管漏管。',
          ]),
        ],
      }),
      part('存在的不足和原因', [
        '对照法治政府建设的要求，我镇工作仍有一些短板：一是部分村（社区）干部运用法治思维解决问题的能力还不强，遇到复杂纠纷习惯于凭经验处理，原因在于日常学法多停留在集中宣讲，案例教学和实操训练不足；二是执法力量与执法任务不够匹配，专业执法人员数量偏少，执法案卷制作仍有不规范之处；三是普法宣传的针对性有待提高，面向新业态从业人员和外来务工人员的宣传形式还比较单一。',
      ], { contentItem: 'shortcomings' }),
      part('党政主要负责人履行推进法治建设第一责任人职责情况', [], {
        contentItem: 'firstResponsible',
        children: [
          sub('亲自部署推动', [
            '镇党委书记、镇长带头履行第一责任人职责，年内多次召开党委会、镇长办公会专题研究法治建设，把法治政府建设纳入年度工作要点和班子成员考核内容，做到与经济社会发展同部署、同推进、同考核。',
          ]),
          sub('带头尊法学法守法用法', [
            '落实党委理论学习中心组学法制度，全年集中学法{{study-sessions}}，主要负责人讲授法治课{{leader-lectures}}，重大事项决策前先学习相关法律法规。',
          ]),
          sub('督促解决突出问题', [
            '主要负责人定期听取合法性审查、行政执法和矛盾纠纷化解情况汇报，对群众反映强烈的问题亲自协调、跟踪督办，推动本年度获评法治建设先进单位{{honors}}。',
          ]),
        ],
      }),
      part('2025年推进法治政府建设的主要安排', [
        '一是提升依法决策水平。严格执行重大行政决策程序，进一步发挥法律顾问和合法性审查的把关作用，推动村级重要事项审查向纵深延伸。',
        '二是加强执法规范化建设。加大执法人员培训力度，推进执法案卷评查常态化，持续优化涉企检查方式，营造稳定透明的营商环境。',
        '三是增强普法和法律服务实效。针对不同群体创新宣传方式，用好“法律明白人”队伍，让矛盾纠纷在村（社区）就地化解。',
      ], { contentItem: 'nextYear' }),
    ],
    signature: { enabled: true, name: '', date: '2025-01-20' },
  };
}

import type { LedgerEntry, MediationCase } from '../../src-shared/domain/ledger';
import { MEDIATION_KINDS } from '../../src-shared/domain/vocabulary';
import type { Unit } from '../../src-shared/domain/unit';
import { UNIT_FILE_VERSION, YEAR_FILE_VERSION, type YearData } from '../../src-shared/domain/year';
import type { UnitFile } from '../store/types';
import { demoReport } from './demoReport';

export const DEMO_YEAR = 2024;

// Village names are invented for the demo.
const VILLAGES: Array<[string, '村' | '社区']> = [
  ['桥头村', '村'], ['河西村', '村'], ['东岙村', '村'], ['新塘村', '村'], ['梅林村', '村'],
  ['石门村', '村'], ['上庄村', '村'], ['下湾村', '村'], ['竹园村', '村'], ['凤山村', '村'],
  ['青龙村', '村'], ['和平社区', '社区'], ['文昌社区', '社区'], ['迎宾社区', '社区'], ['锦绣社区', '社区'],
];

/** Deterministic PRNG so the demo (and tests built on it) are the same every run. */
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split `total` into `n` positive integer parts. */
function split(total: number, n: number, rnd: () => number): number[] {
  const w = Array.from({ length: n }, () => 0.5 + rnd());
  const s = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.max(1, Math.floor((x / s) * total)));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

export function demoUnit(): Unit {
  return {
    shortName: '横街镇',
    fullName: '横街镇人民政府',
    kind: '镇',
    villages: VILLAGES.map(([name, kind], i) => ({ id: `v${String(i + 1).padStart(2, '0')}`, name, kind })),
    leaders: [
      { role: '党委书记', name: '张明' },
      { role: '镇长', name: '李华' },
    ],
    recipient: '',
    fontPreset: 'standard',
    signatureName: '',
    customIndicators: [],
  };
}

export function buildDemo(): { unitFile: UnitFile; year: YearData } {
  const rnd = mulberry32(2024);
  const unit = demoUnit();
  const vids = unit.villages.map((v) => v.id);
  const day = (month?: number) => {
    const m = month ?? 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    return `${DEMO_YEAR}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  };
  const pickVillage = () => vids[Math.floor(rnd() * vids.length)]!;
  const ledger: LedgerEntry[] = [];
  let n = 0;
  const add = (category: string, title: string, extra: Partial<LedgerEntry> = {}) => {
    const date = extra.date ?? day();
    ledger.push({ id: `demo-l${++n}`, date, category, title, createdAt: `${date}T09:00:00.000Z`, ...extra });
  };

  const pufaTopics = ['宪法', '民法典', '未成年人保护法', '安全生产法', '消防法', '反家庭暴力法', '劳动合同法', '土地管理法', '食品安全法'];
  for (let i = 0; i < 18; i++) add('pufa', `${pufaTopics[i % pufaTopics.length]}主题普法宣传`, { villageId: pickVillage(), participants: 40 + Math.floor(rnd() * 160) });
  const jinduMat = split(1560, 16, rnd);
  const jinduAud = split(5230, 16, rnd);
  for (let i = 0; i < 4; i++) add('jindu-lecture', '禁毒普法进校园授课', { participants: jinduAud[i], materials: jinduMat[i] });
  for (let i = 0; i < 12; i++) add('jindu', i === 0 ? '“6·26”国际禁毒日集中宣传' : '禁毒宣传进村入户', { date: i === 0 ? `${DEMO_YEAR}-06-26` : day(), villageId: pickVillage(), participants: jinduAud[i + 4], materials: jinduMat[i + 4] });
  const mfdMat = split(2150, 6, rnd);
  for (let i = 0; i < 6; i++) add('minfadian', '民法典宣传月活动', { date: day(5), villageId: pickVillage(), materials: mfdMat[i], participants: 60 + Math.floor(rnd() * 90) });
  add('fanzha', '企业反诈宣传专场（工业园区）', { participants: 2860 });
  add('fanzha', '企业反诈宣传专场（商贸市场）', { participants: 2500 });
  add('xianfa', '国家宪法日宪法宣誓和知识问答', { date: `${DEMO_YEAR}-12-04`, participants: 530 });
  for (let i = 0; i < 8; i++) add('adviser-lecture', '村居法律顾问下村授课', { villageId: vids[(i * 2) % vids.length]!, participants: 30 + Math.floor(rnd() * 40) });
  for (let i = 0; i < 22; i++) add('clinic', '村居法律服务“坐诊”', { villageId: vids[i % vids.length]!, participants: 5 + Math.floor(rnd() * 20) });
  for (let i = 0; i < 23; i++) add('adviser-support', i % 3 ? '为镇政府合同出具法律意见' : '列席镇长办公会提供法律意见');
  for (let i = 0; i < 15; i++) add('mingbairen', '“法律明白人”培训', { villageId: vids[i]!, participants: 12 + Math.floor(rnd() * 10) });
  for (let i = 0; i < 26; i++) add('legality-review', i % 4 === 0 ? '规范性文件合法性审查' : i % 4 === 1 ? '重大决策合法性审查' : '政府合同合法性审查');
  for (let i = 0; i < 10; i++) add('enforcement', '“综合查一次”联合执法检查');
  for (let i = 0; i < 6; i++) add('study', '党委理论学习中心组集体学法', { participants: 15 });
  for (let i = 0; i < 12; i++) add('democracy', '民生议事会', { date: day(i + 1), villageId: pickVillage(), participants: 20 + Math.floor(rnd() * 20) });
  ledger.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));

  const mediation: MediationCase[] = [];
  for (let i = 0; i < 120; i++) {
    const date = day();
    mediation.push({
      id: `demo-m${i + 1}`,
      date,
      villageId: pickVillage(),
      kind: MEDIATION_KINDS[Math.floor(rnd() * MEDIATION_KINDS.length)]!,
      outcome: i < 114 ? '成功' : '未成功',
      createdAt: `${date}T10:00:00.000Z`,
    });
  }
  mediation.sort((a, b) => a.date.localeCompare(b.date));

  const v = (value: number | null, wording = '') => ({ value, wording });
  const year: YearData = {
    version: YEAR_FILE_VERSION,
    year: DEMO_YEAR,
    values: {
      'decision-catalog': v(8),
      'enf-exam-takers': v(2),
      'enf-exam-passed': v(2),
      'enf-cert-transfer': v(2),
      'open-total': v(55),
      'open-emergency': v(1),
      'open-proposals': v(1),
      'open-key-areas': v(20),
      'adviser-hired': v(1),
      'adviser-support': v(null, '20余'),
      'clinic-sessions': v(null, '20余'),
      'jindu-materials': v(null, '1500余'),
      'jindu-audience': v(null, '5000余'),
      'minfadian-materials': v(null, '2000余'),
      'fanzha-audience': v(null, '超过5000'),
      'xianfa-participants': v(null, '超500'),
      'disputes-center': v(43, '40余'),
      'correction-persons': v(9),
      'correction-check-rate': v(100),
      'correction-plan-rate': v(100),
      'leader-lectures': v(2),
      honors: v(1),
    },
    ledger,
    mediation,
    report: demoReport(),
    exports: [],
    proofreading: { imported: [], ignored: [] },
  };
  return { unitFile: { version: UNIT_FILE_VERSION, unit }, year };
}

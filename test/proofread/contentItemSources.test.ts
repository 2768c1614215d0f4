/**
 * Content items at any level, as the clerk sees them: a report whose measures are themed level-1
 * parts and whose 第一责任人 is a sub-part（二）has every required item — 概览 says which heading
 * was taken for which item, 校对 and `fazhi check --json` say it as a 提醒, never a missing 错误.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { servicesClient } from '../support/services';
import { fazhi, requireBuiltCli } from '../support/fazhi';
import type { Part } from '../../src-shared/domain/report';
import type { Finding } from '../../src-shared/proofread/finding';

let dir: string;
let cleanup: () => Promise<void>;
let data: string;

const part = (id: string, heading: string, paragraphs: string[], extra: Partial<Part> = {}): Part => ({ id, heading, runIn: false, paragraphs, status: '草稿', children: [], ...extra });

beforeAll(async () => {
  requireBuiltCli();
  ({ dir, cleanup } = await tempDir('fazhi-items-'));
  data = path.join(dir, 'data');
  expect((await fazhi('demo', '--data', data)).code).toBe(0);
  const { call } = await servicesClient(data);
  const report = await call('report.get', { year: 2024 });
  report.parts = [
    part('th1', '强化法治思维', ['镇党委把学法列入中心组学习计划，干部学法形成常态。']),
    part('th2', '坚持依法决策', ['重大事项一律经合法性审查和集体讨论。'], {
      children: [part('fr', '党政主要负责人履行推进法治建设第一责任人职责', ['主要负责人带头讲授法治课，亲自协调解决执法保障问题。'])],
    }),
    part('sh', '存在的问题', ['执法力量偏弱，基层法治人才不足。']),
    part('nx', '2025年工作安排', ['一是加强执法队伍建设。二是深化普法宣传。'], { contentItem: 'nextYear' }),
  ];
  await call('report.save', { year: 2024, report });
});
afterAll(() => cleanup());

describe('which heading was taken for which content item', () => {
  it('概览: every required item present and written, with the heading it was taken from', async () => {
    const { call } = await servicesClient(data);
    const o = await call('overview.get', { year: 2024 });
    const by = Object.fromEntries(o.contentItems.map((c) => [c.item, c]));
    expect(by.measures).toMatchObject({ present: true, hasText: true, takenFrom: '“强化法治思维”“坚持依法决策”等部分' });
    expect(by.firstResponsible).toMatchObject({ present: true, hasText: true, takenFrom: '“党政主要负责人履行推进法治建设第一责任人职责”' });
    expect(by.shortcomings).toMatchObject({ present: true, hasText: true, takenFrom: '“存在的问题”' });
    // mapped in the outline: nothing to say
    expect(by.nextYear).toMatchObject({ present: true, hasText: true, takenFrom: null });
  });

  it('fazhi check --json: no missing-content-item 错误; a 提醒 per item naming the heading, at that part', async () => {
    const r = await fazhi('check', '--data', data, '--year', '2024', '--json');
    const fs = (JSON.parse(r.stdout) as Finding[]).filter((f) => f.code === 'missing-content-item');
    expect(fs.filter((f) => f.severity === '错误')).toEqual([]);
    expect(fs.map((f) => [f.partId, f.message])).toEqual([
      ['th1', '规定内容“主要举措和成效”取自“强化法治思维”“坚持依法决策”等部分；可在提纲中为对应部分选择这一内容项'],
      ['sh', '规定内容“存在的不足和原因”取自“存在的问题”；可在提纲中为对应部分选择这一内容项'],
      ['fr', '规定内容“党政主要负责人履行推进法治建设第一责任人职责情况”取自“党政主要负责人履行推进法治建设第一责任人职责”；可在提纲中为对应部分选择这一内容项'],
    ]);
    // the plain form prints them where they sit
    const t = await fazhi('check', '--data', data, '--year', '2024');
    expect(t.stdout).toContain('[提醒] 党政主要负责人履行推进法治建设第一责任人职责\t规定内容“党政主要负责人履行推进法治建设第一责任人职责情况”取自');
  });
});

import type { RenderedIssuance, RenderedReport } from '../../src-shared/domain/rendered';
import { fixtureReport } from './fixture';

/** The 版头/版记 of the fictional 青溪镇's 报送件: one issuer (with 份号 and 紧急程度), or the 党委 leading with the 政府. */
export function issuanceOf(joint: boolean): RenderedIssuance {
  return {
    issuers: joint ? ['中共青溪镇委员会', '青溪镇人民政府'] : ['青溪镇人民政府'],
    withWenjian: true,
    docNumber: joint ? '青委〔2026〕2号' : '青政〔2026〕3号',
    signers: joint ? ['李卫东', '王建国'] : ['王建国'],
    copyNumber: joint ? '' : '000012',
    urgency: joint ? '' : '特急',
    cc: '县委依法治县办，县司法局。',
    printer: '青溪镇党政办公室',
    printDate: '2026年1月22日',
    note: '（联系人：张明，电话：0571-12345678）',
  };
}

/** Parts and paragraphs kept of the fixture so the body fills one, two or three pages under a 版头. */
const LENGTHS = { 1: { blocks: 0, paragraphs: 0 }, 2: { blocks: 3, paragraphs: 2 }, 3: { blocks: 5, paragraphs: 2 } } as const;

/**
 * The fixture report cut so that its body fills `pages` pages under a 版头 (the 1-page one with a
 * one-sentence preamble); test/export/docxSubmit.test.ts asserts the page counts, so a layout change
 * that moves them is noticed.
 */
export function reportOfPages(pages: 1 | 2 | 3, joint: boolean): RenderedReport {
  const r = fixtureReport();
  const { blocks, paragraphs } = LENGTHS[pages];
  r.blocks = r.blocks.slice(0, blocks);
  const last = r.blocks[r.blocks.length - 1];
  if (last) last.paragraphs = last.paragraphs.slice(0, paragraphs);
  if (pages === 1) r.preamble = ['2025年，青溪镇把法治政府建设摆在全镇工作的突出位置，现将有关情况报告如下。'];
  r.signature = joint
    ? { name: '中共青溪镇委员会', jointName: '青溪镇人民政府', date: '2026年1月20日' }
    : { name: '青溪镇人民政府', date: '2026年1月20日' };
  r.issuance = issuanceOf(joint);
  return r;
}

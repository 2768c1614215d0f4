import type { Part, Report } from '../../src-shared/domain/report';
import type { Unit } from '../../src-shared/domain/unit';
import { newId } from '../../src-shared/ids';
import { shiftYears } from '../../src-shared/text/years';
import type { NewYearStart } from '../../src-shared/domain/vocabulary';

export function reportTitle(unit: Unit | null, year: number): string {
  return `${unit?.shortName ?? ''}${year}年法治政府建设年度报告`;
}

const part = (heading: string, contentItem: Part['contentItem']): Part => ({
  id: newId('p'),
  heading,
  runIn: false,
  paragraphs: [],
  status: '草稿',
  contentItem,
  children: [],
});

/** A new year's report: one part per content item of the regulation, in its order. */
export function templateReport(unit: Unit | null, year: number): Report {
  return {
    title: reportTitle(unit, year),
    recipient: '',
    preamble: [],
    parts: [
      part(`${year}年法治政府建设主要举措和成效`, 'measures'),
      part('存在的不足和原因', 'shortcomings'),
      part('党政主要负责人履行推进法治建设第一责任人职责情况', 'firstResponsible'),
      part(`${year + 1}年推进法治政府建设主要安排`, 'nextYear'),
      part('其他需要报告的情况', 'other'),
    ],
    signature: { enabled: true, name: '', date: '' },
  };
}

/**
 * Next year's report keeps the structure the clerk built, with the years of its title and headings
 * moved on. `start` is the clerk's choice: `draft` carries last year's text (and tables) to rework,
 * `headings` leaves every part empty. Either way every part is 草稿, and last year's 下一年度安排 is
 * emptied — its points are this year's plan checklist (plan.checklist reads them from last year),
 * not this year's plan. Years inside the carried text are left as written: 校对 flags them.
 */
export function carryReport(prev: Report, unit: Unit | null, from: number, to: number, start: NewYearStart): Report {
  const keepText = start === 'draft';
  const carry = (p: Part): Part => {
    const plan = p.contentItem === 'nextYear';
    const tables = keepText && !plan && p.tables?.length ? p.tables.map((t) => ({ ...t, id: newId('t'), rows: t.rows.map((r) => [...r]) })) : undefined;
    return {
      id: newId('p'),
      heading: shiftYears(p.heading, from, to),
      runIn: p.runIn,
      paragraphs: keepText && !plan ? [...p.paragraphs] : [],
      status: '草稿',
      contentItem: p.contentItem,
      children: plan ? [] : p.children.map(carry),
      ...(tables ? { tables } : {}),
    };
  };
  return {
    // the clerk's own title form ("XX区人民政府关于2024年度…的报告") carries, with the year moved on
    title: prev.title.includes(String(from)) ? shiftYears(prev.title, from, to) : reportTitle(unit, to),
    recipient: prev.recipient,
    preamble: keepText ? [...prev.preamble] : [],
    parts: prev.parts.map(carry),
    signature: { enabled: prev.signature.enabled, name: prev.signature.name, date: '' },
  };
}

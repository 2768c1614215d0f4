import type { Part, Report } from '../../src-shared/domain/report';
import type { Unit } from '../../src-shared/domain/unit';
import { newId } from '../../src-shared/ids';

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

/** Shift "2024"/"2025" in a heading carried from `from` to the new year (next year first, so they don't collide). */
function shiftYears(text: string, from: number, to: number): string {
  const mark = '\u0000NEXT\u0000';
  return text.replaceAll(String(from + 1), mark).replaceAll(String(from), String(to)).replaceAll(mark, String(to + 1));
}

/**
 * Next year's report keeps the structure the clerk built. Text is left for them to write, or with
 * `keepText` carried as a draft to rewrite (every part 草稿 either way).
 */
export function carryReport(prev: Report, unit: Unit | null, from: number, to: number, opts: { keepText?: boolean } = {}): Report {
  const carry = (p: Part): Part => ({
    id: newId('p'),
    heading: shiftYears(p.heading, from, to),
    runIn: p.runIn,
    paragraphs: opts.keepText ? [...p.paragraphs] : [],
    status: '草稿',
    contentItem: p.contentItem,
    children: p.children.map(carry),
  });
  return {
    // the clerk's own title form ("XX区人民政府关于2024年度…的报告") carries, with the year moved on
    title: prev.title.includes(String(from)) ? shiftYears(prev.title, from, to) : reportTitle(unit, to),
    recipient: prev.recipient,
    preamble: opts.keepText ? [...prev.preamble] : [],
    parts: prev.parts.map(carry),
    signature: { enabled: prev.signature.enabled, name: prev.signature.name, date: '' },
  };
}

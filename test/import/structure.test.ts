import { describe, expect, it } from 'vitest';
import type { Part } from '../../src-shared/domain/report';
import { flattenParts } from '../../src-shared/report/walk';
import { servicesClient } from '../support/services';
import { tempDir } from '../support/tmp';
import { HALF_WIDTH, NO_HEADING, PLAIN, RESPONSIBLE_FIRST, RUN_IN, TWO_LINE_TITLE } from './samples';

const txt = (lines: string[]) => new TextEncoder().encode(lines.join('\n'));
const outline = (parts: Part[], depth = 1): string[] =>
  parts.flatMap((p) => [`${'  '.repeat(depth - 1)}${p.heading}${p.runIn ? ' [接排]' : ''}${depth === 1 ? ` <${p.contentItem}>` : ''}`, ...outline(p.children, depth + 1)]);

async function preview(lines: string[], fileName = 'r.txt') {
  const { dir, cleanup } = await tempDir('fazhi-imp-');
  try {
    const { call } = await servicesClient(dir);
    return await call('import.preview', { fileName, data: txt(lines) });
  } finally {
    await cleanup();
  }
}

describe('structure from plain text', () => {
  it('plain numbered paragraphs', async () => {
    const p = await preview(PLAIN);
    console.log(JSON.stringify(p, null, 1).slice(0, 3000));
    console.log(outline(p.report.parts).join('\n'));
  });
  for (const [name, lines] of Object.entries({ RUN_IN, HALF_WIDTH, RESPONSIBLE_FIRST, TWO_LINE_TITLE, NO_HEADING })) {
    it(name, async () => {
      const p = await preview(lines);
      console.log(name, p.report.title, '|', p.report.recipient, '|', p.report.preamble, p.report.signature, p.year, p.unit, p.warnings);
      console.log(outline(p.report.parts).join('\n'));
      console.log(flattenParts(p.report.parts).map((x) => x.paragraphs.join(' / ')).join('\n'));
      console.log(p.findings.map((f) => f.message), p.halfWidth.length, p.suggestions.map((s) => `${s.indicatorId}=${s.value} ${s.text}`));
    });
  }
});

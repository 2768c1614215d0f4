import { strFromU8, unzipSync } from 'fflate';

/** The XML parts of a .docx, by path inside the zip. Throws if it is not a zip. */
export function unzipDocx(buf: Uint8Array): Record<string, string> {
  const files = unzipSync(buf);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

export interface RunInfo {
  text: string;
  eastAsia: string | null;
  ascii: string | null;
  size: number | null;
  bold: boolean;
  charSpacing: number | null;
}

export interface ParagraphInfo {
  xml: string;
  style: string | null;
  jc: string | null;
  ind: Record<string, string>;
  runs: RunInfo[];
  text: string;
}

const attr = (xml: string, re: RegExp): string | null => re.exec(xml)?.[1] ?? null;

const unescape = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function runsOf(pXml: string): RunInfo[] {
  return [...pXml.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => {
    const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r!)?.[1] ?? '';
    const b = /<w:b(?: w:val="(\w+)")?\/>/.exec(rPr);
    return {
      text: unescape([...r!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
      eastAsia: attr(rPr, /w:eastAsia="([^"]+)"/),
      ascii: attr(rPr, /w:ascii="([^"]+)"/),
      size: Number(attr(rPr, /<w:sz w:val="(\d+)"/)) || null,
      bold: !!b && b[1] !== 'false' && b[1] !== '0',
      charSpacing: attr(rPr, /<w:spacing w:val="(-?\d+)"/) === null ? null : Number(attr(rPr, /<w:spacing w:val="(-?\d+)"/)),
    };
  });
}

export function paragraphsOf(xml: string): ParagraphInfo[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map(([whole, inner = '']) => {
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? '';
    const indXml = /<w:ind ([^>]*)\/>/.exec(pPr)?.[1] ?? '';
    const ind: Record<string, string> = {};
    for (const m of indXml.matchAll(/w:(\w+)="([^"]*)"/g)) ind[m[1]!] = m[2]!;
    const runs = runsOf(inner);
    return {
      xml: whole,
      style: attr(pPr, /<w:pStyle w:val="([^"]+)"/),
      jc: attr(pPr, /<w:jc w:val="([^"]+)"/),
      ind,
      runs,
      text: runs.map((r) => r.text).join(''),
    };
  });
}

/** `<w:style>` elements of styles.xml by id. */
export function stylesOf(xml: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of xml.matchAll(/<w:style [^>]*w:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g)) m.set(s[1]!, s[0]);
  return m;
}

/**
 * The offline guarantee, checked on what ships: no script, style, font or image comes from the
 * network, and the only http(s) strings in the built bundles are identifiers (XML namespaces,
 * JSON-schema ids) or links inside libraries' error texts — none of which is ever fetched.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');

// Hosts that appear only as names, never as something to load.
const ALLOWED_HOSTS = new Map<string, string>([
  ['schemas.openxmlformats.org', 'OOXML namespace in the .docx writer'],
  ['schemas.microsoft.com', 'Word namespace in the .docx writer'],
  ['purl.oclc.org', 'strict OOXML namespace'],
  ['purl.org', 'Dublin Core namespace in docProps'],
  ['www.w3.org', 'SVG / XML namespace'],
  ['json-schema.org', 'JSON-schema $schema identifier (zod)'],
  ['react.dev', "React's minified error text"],
  ['prosemirror.net', "ProseMirror's error text"],
  ['answers.microsoft.com', "a comment-like string in the docx library's error text"],
  ['www.npmjs.com', "a string in the docx library's error text"],
  ['127.0.0.1', 'the loopback bridge printing its own address'],
  // report import (mammoth and its XML parser, services only): comments and identifiers
  ['dom.spec.whatwg.org', '@see links in comments of xmldom (mammoth’s XML parser)'],
  ['html.spec.whatwg.org', '@see links in comments of xmldom'],
  ['developer.mozilla.org', '@see links in comments of xmldom'],
  ['www.iana.org', '@see links in comments of xmldom (MIME type registrations)'],
  ['en.wikipedia.org', '@see links in comments of xmldom'],
  ['tools.ietf.org', '@see links in comments of xmldom (RFC 7303)'],
  ['github.com', 'an @see issue link in a comment of xmldom'],
  ['www.saxproject.org', 'an @link in a comment of xmldom'],
  ['learn.microsoft.com', 'a comment in mammoth citing the .docx specification'],
  ['schemas.zwobble.org', 'mammoth’s style-map namespace identifier'],
  ['stuk.github.io', "jszip's error text (mammoth reads the .docx zip with it)"],
]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const URL_RE = /https?:\/\/([A-Za-z0-9.-]+|\$)/g;

describe.skipIf(!existsSync(path.join(DIST, 'renderer/index.html')))('built bundles stay offline', () => {
  const shipped = [...files(path.join(DIST, 'renderer')), ...files(path.join(DIST, 'main'))].filter((f) => /\.(js|cjs|css|html)$/.test(f));

  it('name no host outside the allow-list of identifiers and documentation strings', () => {
    expect(shipped.length).toBeGreaterThan(5);
    const offending: string[] = [];
    for (const f of shipped) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(URL_RE)) {
        const host = m[1]!;
        if (host === '$' || ALLOWED_HOSTS.has(host)) continue; // `http://${host}` templates in the bridge
        offending.push(`${path.relative(DIST, f)}: ${text.slice(m.index!, m.index! + 80)}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('load every script, style, font and image of the page from its own origin', () => {
    const html = readFileSync(path.join(DIST, 'renderer/index.html'), 'utf8');
    for (const m of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) expect(m[1]).toMatch(/^(\.\/|\/(?!\/)|data:)/);
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[^>]*default-src 'self'/);
    for (const css of shipped.filter((f) => f.endsWith('.css')))
      for (const m of readFileSync(css, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)/g)) expect(m[1], css).toMatch(/^(data:|\.\/|\.\.\/|\/(?!\/)|#)/);
  });

  it('start without update checks or telemetry', () => {
    // the start-up file, the app bundle and what it loads on first use (scripts/mainBundles.mjs)
    const lazy = path.join(DIST, 'main/lazy/electron-app');
    const main = [path.join(DIST, 'main/electron-main.cjs'), path.join(DIST, 'main/electron-app.cjs'), ...readdirSync(lazy).map((n) => path.join(lazy, n))]
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const word of ['autoUpdater', 'electron-updater', 'crashReporter.start', 'net.request(', 'checkForUpdates'])
      expect(main.includes(word), word).toBe(false);
  });
});

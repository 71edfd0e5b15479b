import fc from 'fast-check';
import { NewsGraphError } from '../../../src/domain/errors';
import { decodeBuffer, fromInput, parseAny, parseFeed, parseHtmlPage, parseJsonBatch, parseTextPage } from '../../../src/ingest';

/**
 * Property tests: whatever the bytes, every parser returns articles or coded errors naming the
 * input — it never crashes with anything else and never hangs (each run has a time budget).
 */
const ORIGIN = 'hostile.input';

function coded(err: unknown): boolean {
  return err instanceof NewsGraphError && err.code === 'BAD_USER_INPUT' && err.message.includes(ORIGIN);
}

/** Runs fn; true when it returned, or threw a coded error naming the input. */
function survives(fn: () => unknown): boolean {
  try {
    const out = fn();
    if (Array.isArray(out)) return out.every((x) => !(x instanceof Error) || coded(x));
    return true;
  } catch (err) {
    if (!coded(err)) throw err;
    return true;
  }
}

/** Text that looks enough like news, feeds and markup to get past the first checks. */
const piece = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '外交部長林佳龍今天表示，',
    '記者王小明／台北報導',
    '\n\n',
    'title: ',
    'date: 2025-13-45\n',
    '<p>',
    '</p>',
    '<script>',
    '<!--',
    ']]>',
    '&amp;',
    '&#xD800;',
    '\u0000',
    '\ud800',
    '\ufeff',
    '{"title":',
    '[',
    '"}',
    '<item><title>',
    '</item>',
    '<rss version="2.0"><channel>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '<entry>',
    '<?xml version="1.0"?>',
    '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
    '&a;',
  ),
);
const hostileText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));
const settings = { numRuns: 150, interruptAfterTimeLimit: 20000 };

describe('parsers under hostile input', () => {
  it('page text', () => {
    fc.assert(
      fc.property(hostileText, (t) => survives(() => parseTextPage(t, { origin: ORIGIN }))),
      settings,
    );
  });

  it('HTML pages', () => {
    fc.assert(
      fc.property(
        hostileText.map((t) => `<html><body>${t}</body></html>`),
        (t) => survives(() => parseHtmlPage(t, { origin: ORIGIN })),
      ),
      { ...settings, numRuns: 15 },
    );
  });

  it('JSON and NDJSON batches', () => {
    const jsonish = fc.oneof(
      hostileText,
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc
        .array(
          fc.record(
            {
              title: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
              body: fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(null)),
              publishedAt: fc.oneof(fc.string(), fc.date({ noInvalidDate: false }).map(String)),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 5 },
        )
        .map((a) => a.map((x) => JSON.stringify(x)).join('\n')),
    );
    fc.assert(
      fc.property(jsonish, (t) => survives(() => parseJsonBatch(t, { origin: ORIGIN }))),
      settings,
    );
  });

  it('RSS and Atom feeds', () => {
    const feedish = hostileText.map(
      (t) =>
        `<?xml version="1.0"?><rss version="2.0"><channel><item><title>${t}</title><description>${t}</description></item></channel></rss>`,
    );
    fc.assert(
      fc.property(fc.oneof(feedish, hostileText), (t) => survives(() => parseFeed(t, { origin: ORIGIN }))),
      settings,
    );
  });

  it('encodings: any bytes are decoded or refused with a coded error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => survives(() => decodeBuffer(Buffer.from(bytes), ORIGIN))),
      settings,
    );
  });

  it('format detection then parsing, as ingest does', () => {
    fc.assert(
      fc.property(hostileText, (t) => survives(() => parseAny(t, ORIGIN))),
      { ...settings, numRuns: 60 },
    );
  });

  it('structured items (the GraphQL ingestArticles input)', () => {
    const item = fc.record(
      {
        url: fc.oneof(fc.webUrl(), fc.string()),
        title: fc.string({ maxLength: 200 }),
        body: hostileText,
        publishedAt: fc.string(),
        language: fc.string({ maxLength: 12 }),
        authors: fc.array(fc.string(), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(item, (i) => survives(() => fromInput(i, ORIGIN))),
      settings,
    );
  });

  it('stays fast on a huge single line', () => {
    const started = Date.now();
    expect(survives(() => parseTextPage('稀土'.repeat(500000), { origin: ORIGIN }))).toBe(true);
    expect(survives(() => parseJsonBatch(`{"title":"${'x'.repeat(1000000)}"`, { origin: ORIGIN }))).toBe(true);
    expect(Date.now() - started).toBeLessThan(20000);
  });
});

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Article } from '../domain/types';
import { NewsGraphError, badInput } from '../domain/errors';
import { type ArticleInput, tryFromInput } from './from-input';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  // Entities in feed text (&amp; &#8217;) must come back as characters.
  processEntities: true,
  htmlEntities: true,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: false,
});

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** Text of an element that may be a string, {#text, @_type} or absent. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined;
  if (typeof v === 'object' && '#text' in (v as Node)) return text((v as Node)['#text']);
  return undefined;
}

const looksLikeHtml = (s: string): boolean => /<\s*(p|div|br|span|a|img|figure|h\d|ul|li|strong|em)\b/i.test(s);

/** Content as html or plain body, whichever it is. */
function contentFields(raw: string | undefined): Pick<ArticleInput, 'html' | 'body'> {
  if (!raw) return {};
  return looksLikeHtml(raw) ? { html: `<html><body><article>${raw}</article></body></html>` } : { body: raw };
}

function rssItem(item: Node, channel: { source?: string; language?: string }): ArticleInput {
  const authors = [...asArray(item['dc:creator']), ...asArray(item.author)]
    .map(text)
    .filter((a): a is string => Boolean(a))
    // RSS <author> is "email (Name)"; the name is what matters.
    .map((a) => /\(([^)]+)\)\s*$/.exec(a)?.[1] ?? a);
  const content = text(item['content:encoded']) ?? text(item.description);
  return {
    url: text(item.link) ?? (text(item.guid)?.startsWith('http') ? text(item.guid) : undefined),
    title: text(item.title),
    ...contentFields(content),
    publishedAt: text(item.pubDate) ?? text(item['dc:date']),
    source: text(item.source) ?? channel.source,
    language: channel.language,
    authors: authors.length ? authors : undefined,
    tags: asArray(item.category)
      .map(text)
      .filter((c): c is string => Boolean(c)),
  };
}

function atomEntry(entry: Node, feed: { source?: string; language?: string }): ArticleInput {
  const links = asArray(entry.link as Node | Node[]);
  const alternate = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? links[0];
  const authors = asArray(entry.author as Node | Node[])
    .map((a) => text(a?.name) ?? text(a))
    .filter((a): a is string => Boolean(a));
  return {
    url: alternate ? text(alternate['@_href']) : undefined,
    title: text(entry.title),
    ...contentFields(text(entry.content) ?? text(entry.summary)),
    publishedAt: text(entry.published) ?? text(entry.updated),
    source: feed.source,
    language: text(entry['@_xml:lang']) ?? feed.language,
    authors: authors.length ? authors : undefined,
    tags: asArray(entry.category as Node | Node[])
      .map((c) => text(c?.['@_term']) ?? text(c))
      .filter((c): c is string => Boolean(c)),
  };
}

/**
 * Parses an RSS 2.0 (or RSS 1.0/RDF) or Atom feed: each item becomes an Article, or a
 * NewsGraphError naming the item ("feed.xml#2") when it lacks a title or text.
 */
export function parseFeed(xml: string, options: { origin?: string } = {}): Array<Article | NewsGraphError> {
  const { origin } = options;
  const trimmed = xml.replace(/^\ufeff/, '').trim();
  if (!trimmed) return [badInput('empty file', origin)];
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) {
    return [badInput(`malformed XML: ${valid.err.msg} (line ${valid.err.line})`, origin)];
  }
  let doc: Node;
  try {
    doc = parser.parse(trimmed) as Node;
  } catch (err) {
    // the validator lets some documents through that the parser refuses (two DOCTYPEs, entity tricks)
    return [badInput(`malformed XML: ${err instanceof Error ? err.message : String(err)}`, origin)];
  }
  const itemOrigin = (n: number): string => `${origin ?? 'feed'}#${n}`;

  const rss = (doc.rss as Node | undefined)?.channel as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  if (rss || rdf) {
    const channel = (rss ?? (rdf?.channel as Node | undefined) ?? {}) as Node;
    const info = { source: text(channel.title), language: text(channel.language) ?? text(channel['dc:language']) };
    const items = asArray((rss ? rss.item : rdf?.item) as Node | Node[]);
    if (!items.length) return [badInput('the feed has no items', origin)];
    return items.map((item, i) => tryFromInput(rssItem(item, info), itemOrigin(i + 1)));
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    const info = { source: text(feed.title), language: text(feed['@_xml:lang']) };
    const entries = asArray(feed.entry as Node | Node[]);
    if (!entries.length) return [badInput('the feed has no entries', origin)];
    return entries.map((entry, i) => tryFromInput(atomEntry(entry, info), itemOrigin(i + 1)));
  }
  return [badInput('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)', origin)];
}

/** Number of items in a feed, for progress bars, without building Articles. */
export function countFeedItems(xml: string): number {
  const n = (xml.match(/<(item|entry)[\s>]/g) ?? []).length;
  return Math.max(1, n);
}

/// <reference path="./jsdom.d.ts" />
import type { DomDocument, DomElement } from 'jsdom';
import type { Article, Author } from '../domain/types';
import { badInput } from '../domain/errors';
import { articleId, canonicalUrl } from './article-id';
import { matchByline, matchCaption } from './byline';
import { normalizeDate } from './dates';
import { normalizeLanguageTag } from './language';
import { normalizeText, uniqueBy } from './normalize';
import { outletFromName, outletFromUrl } from './outlets';
import { parseTextPage } from './text-page';

export interface HtmlPageOptions {
  origin?: string;
  /** Where the page was fetched from; used when the page names no canonical URL. */
  url?: string;
  /** A headline known from elsewhere (a feed item, a JSON field); it wins over the page's own. */
  title?: string;
}

type Json = Record<string, unknown>;
type Doc = DomDocument;
type El = DomElement;

/** Parses markup without running scripts or printing the page's CSS errors to our console. */
function parseDocument(html: string): Doc {
  // jsdom takes ~1.5 s to load: only commands that meet HTML pay for it
  const { JSDOM, VirtualConsole } = require('jsdom') as typeof import('jsdom');
  return new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document;
}

interface PageMeta {
  title?: string;
  publishedAt?: string;
  modifiedAt?: string;
  authors: string[];
  publisher?: string;
  url?: string;
  keywords: string[];
  language?: string;
  body?: string;
}

const NEWS_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|OpinionNewsArticle|BackgroundNewsArticle)$/;

const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') return str((v as Json).name);
  return undefined;
}

/** All JSON-LD nodes of the page, flattening arrays and @graph containers. */
function jsonLdNodes(doc: Doc): Json[] {
  const nodes: Json[] = [];
  const visit = (v: unknown): void => {
    for (const item of asArray(v)) {
      if (!item || typeof item !== 'object') continue;
      const obj = item as Json;
      nodes.push(obj);
      if (obj['@graph']) visit(obj['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common and not the reader's problem: other metadata remains.
    }
  }
  return nodes;
}

function isNewsNode(node: Json): boolean {
  return asArray(node['@type'] as string | string[]).some((t) => typeof t === 'string' && NEWS_TYPES.test(t) && t !== 'WebPage');
}

function metaContent(doc: Doc, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const el =
      doc.querySelector(`meta[property="${key}"]`) ??
      doc.querySelector(`meta[name="${key}"]`) ??
      doc.querySelector(`meta[itemprop="${key}"]`);
    const value = str(el?.getAttribute('content'));
    if (value) return value;
  }
  return undefined;
}

function metaContents(doc: Doc, key: string): string[] {
  return Array.from(doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`))
    .map((el) => str(el.getAttribute('content')))
    .filter((v): v is string => Boolean(v));
}

const splitList = (s: string | undefined): string[] => (s ? s.split(/\s*[,，、;；]\s*/u).filter(Boolean) : []);

function readMeta(doc: Doc): PageMeta {
  const news = jsonLdNodes(doc).find(isNewsNode);
  const ldKeywords = news ? asArray(news.keywords as string | string[]).flatMap((k) => (typeof k === 'string' ? splitList(k) : [])) : [];
  const ldAuthors = news
    ? asArray(news.author as unknown)
        .map(nameOf)
        .filter((v): v is string => Boolean(v))
    : [];
  const mainEntity = news?.mainEntityOfPage;
  const ldUrl = str(news?.url) ?? (mainEntity && typeof mainEntity === 'object' ? str((mainEntity as Json)['@id']) : str(mainEntity));
  const metaAuthors = [...metaContents(doc, 'author'), ...metaContents(doc, 'article:author'), ...metaContents(doc, 'dc.creator')]
    .filter((a) => !/^https?:\/\//.test(a))
    .flatMap(splitList);
  return {
    title: str(news?.headline) ?? metaContent(doc, 'og:title', 'twitter:title'),
    publishedAt:
      str(news?.datePublished) ?? metaContent(doc, 'article:published_time', 'pubdate', 'publishdate', 'date', 'dc.date', 'datePublished'),
    modifiedAt: str(news?.dateModified) ?? metaContent(doc, 'article:modified_time', 'og:updated_time', 'dateModified'),
    authors: ldAuthors.length ? ldAuthors : metaAuthors,
    publisher: nameOf(news?.publisher) ?? metaContent(doc, 'og:site_name', 'application-name'),
    url: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? ldUrl ?? metaContent(doc, 'og:url'),
    keywords: ldKeywords.length
      ? ldKeywords
      : [...splitList(metaContent(doc, 'news_keywords', 'keywords')), ...metaContents(doc, 'article:tag')],
    language:
      str(news?.inLanguage) ??
      str(doc.documentElement?.getAttribute('lang')) ??
      metaContent(doc, 'og:locale', 'language', 'content-language'),
    body: str(news?.articleBody),
  };
}

/** Cleans a name that metadata sometimes prefixes with a role ("記者王小明", "By Jane Doe"). */
function metaAuthor(raw: string): Author[] {
  const byline = matchByline(raw.startsWith('By ') ? raw : raw);
  if (byline?.authors.length) return byline.authors;
  const name = raw.replace(/^(?:By\s+|記者\s*|文[／/]\s*)/i, '').trim();
  return name ? [{ name, role: 'author' }] : [];
}

const BLOCK = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'DT', 'DD']);

/** Text blocks of an article DOM in reading order; figcaptions come back separately. */
function blocks(root: El): { lines: string[]; captions: string[] } {
  const lines: string[] = [];
  const captions: string[] = [];
  const walk = (el: El): void => {
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue;
      if (tag === 'FIGCAPTION') {
        const text = normalizeText(child.textContent ?? '').trim();
        if (text) captions.push(text);
        continue;
      }
      const hasBlockChild = Array.from(child.querySelectorAll('*')).some(
        (d) => BLOCK.has(d.tagName.toUpperCase()) || d.tagName.toUpperCase() === 'DIV',
      );
      if (BLOCK.has(tag) && !hasBlockChild) {
        for (const line of normalizeText(child.textContent ?? '').split('\n')) if (line.trim()) lines.push(line.trim());
      } else if (child.children.length) {
        walk(child);
      } else if (tag === 'DIV' || tag === 'SPAN' || tag === 'SECTION') {
        const text = normalizeText(child.textContent ?? '').trim();
        if (text) lines.push(text);
      }
    }
  };
  walk(root);
  return { lines, captions };
}

function pageTitle(doc: Doc, meta: PageMeta): string | undefined {
  if (meta.title) return meta.title;
  const h1 = str(doc.querySelector('h1')?.textContent);
  if (h1) return normalizeText(h1).trim();
  const title = str(doc.querySelector('title')?.textContent);
  // Site names trail the page title after a separator ("標題 | 聯合新聞網").
  return title ? title.replace(/\s*[|｜\-–—_]\s*[^|｜\-–—_]{1,30}$/u, '').trim() : undefined;
}

/**
 * Parses a news web page: body text through Readability, metadata from JSON-LD, OpenGraph
 * and meta tags. Bylines and credits inside the text are used only when the metadata names
 * no author.
 */
export function parseHtmlPage(html: string, options: HtmlPageOptions = {}): Article {
  const { origin } = options;
  if (!html.trim()) throw badInput('empty file', origin);
  if (!/<\s*(html|head|body|article|main|div|p|h1|title|meta|section)\b/i.test(html)) {
    throw badInput('malformed HTML: no HTML elements found', origin);
  }
  const document = parseDocument(html.replace(/<br\s*\/?>/gi, '\n'));
  const meta = readMeta(document);
  const title = options.title?.trim() || pageTitle(document, meta);
  if (!title) throw badInput('missing title: the page has no headline, og:title, <h1> or <title>', origin);

  let lines: string[] = [];
  let captions: string[] = [];
  // Readability edits the tree it is given, so it works on a copy; metadata came from the original.
  const { Readability } = require('@mozilla/readability') as typeof import('@mozilla/readability');
  const readable = new Readability(document.cloneNode(true) as never, { charThreshold: 100 }).parse();
  if (readable?.content) {
    const content = parseDocument(`<html><body>${readable.content}</body></html>`);
    if (content.body) ({ lines, captions } = blocks(content.body));
  }
  if (!lines.length && document.body) ({ lines, captions } = blocks(document.body));
  if (!lines.length && meta.body)
    lines = normalizeText(meta.body)
      .split('\n')
      .filter((l) => l.trim());
  if (!lines.length) throw badInput('no article text found in the HTML', origin);

  const url = canonicalUrl(meta.url ?? options.url) ?? options.url;
  const base = parseTextPage(lines.join('\n'), { origin, defaults: { title, url } });

  const captionAuthors: Author[] = [];
  const captionTexts: string[] = [];
  for (const c of captions) {
    const m = matchCaption(c);
    captionAuthors.push(...(m?.authors ?? []));
    const text = m ? m.caption : c;
    if (text) captionTexts.push(text);
  }
  const metaAuthors = meta.authors.flatMap(metaAuthor);
  const authors = uniqueBy([...(metaAuthors.length ? metaAuthors : base.authors), ...captionAuthors], (a) => a.name);
  const named = outletFromName(meta.publisher);
  const captionKeys = new Set(captionTexts);
  const article: Omit<Article, 'id'> = {
    ...base,
    title,
    url: url ?? base.url,
    publishedAt: normalizeDate(meta.publishedAt) ?? base.publishedAt ?? normalizeDate(meta.modifiedAt),
    source: named?.source ?? meta.publisher ?? base.source,
    site: named?.site ?? outletFromUrl(url)?.site ?? base.site,
    authors,
    language: normalizeLanguageTag(meta.language) ?? base.language,
    paragraphs: base.paragraphs.filter((p) => !captionKeys.has(p)),
    captions: uniqueBy([...base.captions, ...captionTexts], (c) => c),
    tags: uniqueBy([...meta.keywords, ...base.tags], (t) => t),
  };
  return { ...article, id: articleId(article) };
}

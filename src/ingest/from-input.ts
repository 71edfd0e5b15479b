import type { Article, Author } from '../domain/types';
import { NewsGraphError, badInput } from '../domain/errors';
import { articleId, canonicalUrl } from './article-id';
import { normalizeDate } from './dates';
import { parseHtmlPage } from './html-page';
import { normalizeLanguageTag } from './language';
import { outletFromName, outletFromUrl } from './outlets';
import { parseTextPage } from './text-page';

/** One article as JSON batches, feeds and the GraphQL mutation deliver it. */
export interface ArticleInput {
  url?: string;
  title?: string;
  body?: string;
  html?: string;
  publishedAt?: string;
  source?: string;
  language?: string;
  authors?: string[];
  /** Outlet tags, when the input carries them (feed categories, JSON keywords). */
  tags?: string[];
}

type Json = Record<string, unknown>;

/** Other spellings that scraped JSON commonly uses for the same fields. */
const ALIASES: Record<keyof Omit<ArticleInput, 'authors' | 'tags'>, string[]> = {
  url: ['url', 'link', 'canonicalUrl', 'href'],
  title: ['title', 'headline'],
  body: ['body', 'text', 'content', 'articleBody', 'contentText'],
  html: ['html', 'contentHtml', 'rawHtml'],
  publishedAt: ['publishedAt', 'published_at', 'published', 'datePublished', 'date', 'pubDate'],
  source: ['source', 'outlet', 'publisher', 'siteName'],
  language: ['language', 'lang', 'inLanguage'],
};

function pickString(item: Json, field: keyof typeof ALIASES, origin?: string): string | undefined {
  for (const key of ALIASES[field]) {
    const value = item[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' && field === 'publishedAt') return new Date(value).toISOString();
    // A publisher object ({name}) is common in JSON-LD-shaped exports.
    if (typeof value === 'object' && !Array.isArray(value) && typeof (value as Json).name === 'string') {
      return ((value as Json).name as string).trim() || undefined;
    }
    throw badInput(`field "${key}" must be a string`, origin);
  }
  return undefined;
}

function pickList(item: Json, keys: string[], origin?: string): string[] | undefined {
  for (const key of keys) {
    const value = item[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') return value.split(/\s*[,，、;]\s*/).filter(Boolean);
    if (Array.isArray(value)) {
      return value
        .map((v) =>
          typeof v === 'string'
            ? v
            : v && typeof v === 'object' && typeof (v as Json).name === 'string'
              ? ((v as Json).name as string)
              : undefined,
        )
        .filter((v): v is string => Boolean(v && v.trim()))
        .map((v) => v.trim());
    }
    throw badInput(`field "${key}" must be a list of strings`, origin);
  }
  return undefined;
}

/** Checks and normalises an untyped JSON value into an ArticleInput. */
export function toArticleInput(value: unknown, origin?: string): ArticleInput {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw badInput('an article must be a JSON object', origin);
  }
  const item = value as Json;
  return {
    url: pickString(item, 'url', origin),
    title: pickString(item, 'title', origin),
    body: pickString(item, 'body', origin),
    html: pickString(item, 'html', origin),
    publishedAt: pickString(item, 'publishedAt', origin),
    source: pickString(item, 'source', origin),
    language: pickString(item, 'language', origin),
    authors: pickList(item, ['authors', 'author', 'byline'], origin),
    tags: pickList(item, ['tags', 'keywords', 'categories'], origin),
  };
}

/**
 * Builds an Article from one structured item. The body still goes through the page-text
 * cleaner (bylines, captions and chrome are common in scraped bodies), but whatever the item
 * states explicitly — url, date, outlet, language, authors — wins over what is inferred.
 */
export function fromInput(input: ArticleInput, origin?: string): Article {
  const checked = toArticleInput(input, origin);
  const title = checked.title;
  const url = canonicalUrl(checked.url) ?? checked.url;
  let base: Article;
  if (checked.body) {
    if (!title) throw badInput('missing title: the item has no "title"', origin);
    base = parseTextPage(checked.body, { origin, defaults: { title, url } });
  } else if (checked.html) {
    base = parseHtmlPage(checked.html, { origin, url, title });
  } else {
    throw badInput(
      title ? 'missing body: the item has neither "body" nor "html"' : 'not an article: the item has no "title" and no "body" or "html"',
      origin,
    );
  }
  const publishedAt = checked.publishedAt ? normalizeDate(checked.publishedAt) : undefined;
  if (checked.publishedAt && !publishedAt) throw badInput(`unreadable publishedAt "${checked.publishedAt}"`, origin);
  const named = outletFromName(checked.source);
  const explicitAuthors: Author[] | undefined = checked.authors?.map((name) => ({ name, role: 'author' }));
  const source = named?.source ?? checked.source ?? base.source;
  const article: Omit<Article, 'id'> = {
    ...base,
    url: url ?? base.url,
    publishedAt: publishedAt ?? base.publishedAt,
    source,
    site: named?.site ?? outletFromUrl(url)?.site ?? base.site,
    language: normalizeLanguageTag(checked.language) ?? base.language,
    authors: explicitAuthors?.length ? explicitAuthors : base.authors,
    tags: checked.tags?.length ? Array.from(new Set([...checked.tags, ...base.tags])) : base.tags,
    origin,
  };
  return { ...article, id: articleId(article) };
}

/** Like fromInput, but returns the error instead of throwing, for batch callers. */
export function tryFromInput(input: unknown, origin?: string): Article | NewsGraphError {
  try {
    return fromInput(input as ArticleInput, origin);
  } catch (err) {
    if (err instanceof NewsGraphError) return err;
    return badInput(`could not read the item: ${(err as Error).message}`, origin);
  }
}

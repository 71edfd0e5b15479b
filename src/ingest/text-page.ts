import type { Article, Author, RelatedLink } from '../domain/types';
import { badInput } from '../domain/errors';
import { articleId, canonicalUrl } from './article-id';
import { matchByline, matchCaption } from './byline';
import { dateFromUrl, normalizeDate, parseDateLine } from './dates';
import { detectLanguage, normalizeLanguageTag } from './language';
import { cjkRatio, contentLines, lineKey, normalizeText, uniqueBy } from './normalize';
import { outletFromName, outletFromUrl } from './outlets';
import { bulletText, isChrome, isStop, relatedHead } from './page-chrome';

export interface TextPageOptions {
  origin?: string;
  /** Values used when the page itself does not give them (e.g. the URL a dump came from). */
  defaults?: Partial<Article>;
}

/** Header keys a dump may open with ("url: …" lines followed by a blank line). */
const HEADER = /^(url|date|lang|language|source|title|site|authors?)\s*:\s*(.*)$/i;

interface Header {
  url?: string;
  date?: string;
  lang?: string;
  source?: string;
  title?: string;
  site?: string;
  authors?: string[];
}

function splitHeader(text: string): { header: Header; rest: string } {
  const lines = text.split('\n');
  const header: Header = {};
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i += 1;
  const start = i;
  for (; i < lines.length; i += 1) {
    const m = HEADER.exec(lines[i].trim());
    if (!m) break;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (!value) continue;
    if (key === 'language' || key === 'lang') header.lang = value;
    else if (key === 'author' || key === 'authors') header.authors = value.split(/\s*[,，、;]\s*/).filter(Boolean);
    else header[key as 'url' | 'date' | 'source' | 'title' | 'site'] = value;
  }
  // Only a header block that ends with a blank line (or the end) counts; otherwise the
  // first line merely happens to contain a colon.
  if (i === start || (i < lines.length && lines[i].trim() !== '')) return { header: {}, rest: text };
  return { header, rest: lines.slice(i).join('\n') };
}

type Kind = 'text' | 'chrome' | 'date' | 'byline' | 'caption' | 'tags' | 'related' | 'bullet';

interface Item {
  kind: Kind;
  text: string;
  /** Body text that shared the line with a byline or caption credit. */
  rest?: string;
}

/** Outlet name written in front of a headline: "《TAIPEI TIMES》 Monkeys clinch …". */
const HEADLINE_OUTLET = /^《([A-Z][A-Z .&]+)》\s*/;

const EN_STOPWORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'at',
  'in',
  'and',
  'or',
  'with',
  'for',
  'on',
  'by',
  'from',
  'as',
  'that',
  'is',
  'was',
]);

/** A line that could be a headline: short, no sentence-ending full stop, not a clause fragment. */
export function isHeadlineLike(line: string): boolean {
  const t = line.trim().replace(HEADLINE_OUTLET, '');
  if (cjkRatio(t) >= 0.5) {
    if (t.length < 6 || t.length > 64) return false;
    if (/[。]/u.test(t) || /[，、；：,;:（(「『]$/u.test(t)) return false;
    if (/^[（(〔]/u.test(t)) return false;
    return true;
  }
  const words = t.split(/\s+/);
  if (words.length < 3 || words.length > 24 || t.length > 180) return false;
  if (/[.,;:]$/.test(t) && !/\b(?:U\.S|U\.K|Inc|Jr|Co)\.$/.test(t)) return false;
  if (/[.!?]\s+[A-Z]/.test(t)) return false;
  if (EN_STOPWORDS.has(words[words.length - 1].toLowerCase())) return false;
  return /^[A-Z0-9"“'‘$]/.test(t);
}

const TAG_TOKEN = /^[^\s。，、！？!?,.;；:：「」()（）]{1,12}$/u;

function isTagLine(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length < 3 || !tokens.every((t) => TAG_TOKEN.test(t))) return false;
  // Tag lines are lists of short keywords; Chinese only, since spaced English words are just prose.
  const avg = tokens.reduce((n, t) => n + t.length, 0) / tokens.length;
  return avg <= 6 && cjkRatio(line) >= 0.6;
}

const TAG_PREFIX = /^(?:標籤|關鍵字|關鍵詞|Tags?|Keywords?|Topics?)\s*[：:]\s*(.+)$/i;

/** English lines broken mid-sentence by the dump: rejoin when the next one starts in lowercase. */
function joinBrokenLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && /[A-Za-z,]$/.test(prev) && /^[a-z]/.test(line) && cjkRatio(prev) < 0.2 && prev.length > 40) {
      out[out.length - 1] = `${prev} ${line}`;
    } else out.push(line);
  }
  return out;
}

/** A date stamp written in front of a line by the tool that dumped the page. */
const DATE_STAMP = /^date:?\s+(\d{4}-\d{2}-\d{2})(?:\s+|$)/i;
/** A line of publishing times only ("首次上稿 02-09 02:04 更新時間 02-09 06:32"). */
const PUBLISHING_TIMES =
  /^(?:(?:首次上稿|上稿|更新時間|更新|發布時間|發佈時間|最後更新|Published|Updated)[\s:：]*(?:\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?\s*(?:\d{1,2}:\d{2})?\s*)+$/i;

/** What is left of an image or link when a page is copied as text (".webp)", "](…)"): no words at all. */
function isMarkupResidue(line: string): boolean {
  if (line.length > 40) return false;
  if (/[\u3400-\u9fff]/.test(line)) return false;
  const words = line.replace(/\.(?:webp|jpe?g|png|gif|svg|avif)\b/gi, '').match(/[A-Za-z]{2,}|\d+/g);
  return !words && /[.)\]!(\[]/.test(line);
}

interface Collected {
  authors: Author[];
  captions: string[];
  tags: string[];
  related: RelatedLink[];
  dates: string[];
  outlet?: string;
  wire?: string;
  /** Outlets named by bylines, wire tags and photo credits, as written. */
  credits: string[];
  dateline?: string;
}

function classify(lines: string[], acc: Collected): Item[] {
  const items: Item[] = [];
  let mode: 'main' | 'related' | 'stopped' = 'main';
  for (const raw of lines) {
    // a dump that stamps the page's date in front of its first line ("date 2025-01-02 Headline")
    const stamped = DATE_STAMP.exec(raw.trim());
    if (stamped) acc.dates.push(stamped[1]);
    const line = stamped ? raw.trim().slice(stamped[0].length).trim() : raw.trim();
    if (!line) continue;
    if (stamped && PUBLISHING_TIMES.test(line)) {
      items.push({ kind: 'date', text: line });
      continue;
    }
    if (isMarkupResidue(line)) {
      items.push({ kind: 'chrome', text: line });
      continue;
    }
    const head = relatedHead(line);
    if (head !== undefined) {
      mode = 'related';
      if (head) acc.related.push({ title: head });
      continue;
    }
    if (isStop(line)) {
      mode = 'stopped';
      continue;
    }
    if (mode === 'stopped') continue;
    if (isChrome(line)) {
      if (mode === 'main') items.push({ kind: 'chrome', text: line });
      continue;
    }
    if (mode === 'related') {
      // Teaser summaries end in an ellipsis; the teaser headline is what we keep.
      if (/(\.\.\.|…)$/u.test(line) || !isHeadlineLike(line)) continue;
      const url = /\s(https?:\/\/\S+)$/.exec(line);
      acc.related.push(url ? { title: line.slice(0, url.index).trim(), url: url[1] } : { title: line });
      continue;
    }
    const date = parseDateLine(line);
    if (date) {
      acc.dates.push(date);
      items.push({ kind: 'date', text: line });
      continue;
    }
    const byline = matchByline(line);
    if (byline && !byline.keepLine) {
      acc.authors.push(...byline.authors);
      if (byline.outlet) acc.outlet ??= byline.outlet;
      if (byline.wire) acc.wire ??= byline.wire;
      for (const c of [byline.outlet, byline.wire]) if (c) acc.credits.push(c);
      if (byline.dateline) acc.dateline ??= byline.dateline;
      if (byline.date) acc.dates.push(byline.date);
      items.push({ kind: 'byline', text: line, rest: byline.rest });
      continue;
    }
    if (byline?.keepLine && byline.wire) {
      acc.wire ??= byline.wire;
      acc.credits.push(byline.wire);
    }
    const caption = matchCaption(line);
    if (caption) {
      acc.authors.push(...caption.authors);
      if (caption.caption) acc.captions.push(caption.caption);
      if (caption.credit) acc.credits.push(caption.credit);
      items.push({ kind: 'caption', text: caption.caption ?? '', rest: caption.rest });
      continue;
    }
    const tagged = TAG_PREFIX.exec(line);
    if (tagged) {
      acc.tags.push(...tagged[1].split(/\s*[,，、;；]\s*|\s+/u).filter(Boolean));
      items.push({ kind: 'tags', text: line });
      continue;
    }
    const bullet = bulletText(line);
    if (bullet !== undefined) {
      items.push({ kind: 'bullet', text: bullet });
      continue;
    }
    items.push({ kind: isTagLine(line) ? 'tags' : 'text', text: line });
  }
  return items;
}

/** A section label left above a headline by the dump: a word or two, no punctuation. */
function isSectionLabel(line: string): boolean {
  const t = line.trim();
  return cjkRatio(t) >= 0.5 ? t.length <= 5 && !/[，。、；：！？]/u.test(t) : /^[A-Z][A-Za-z&]*(?: [A-Z][A-Za-z&]*)?$/.test(t);
}

/** Finds the headline: right before the byline or date line, else a lone first line, else a repeated line. */
function findTitle(items: Item[]): { index?: number; text?: string; repeated?: boolean } {
  // prose is a sentence, not a short section label ("生活", "Sports") left above the headline
  const firstProse = items.findIndex((it) => it.kind === 'text' && !isHeadlineLike(it.text) && !isSectionLabel(it.text));
  const limit = firstProse < 0 ? items.length : firstProse;
  for (let a = 0; a < limit; a += 1) {
    if (items[a].kind !== 'byline' && items[a].kind !== 'date') continue;
    let j = a - 1;
    while (j >= 0 && ['chrome', 'caption', 'date', 'byline'].includes(items[j].kind)) j -= 1;
    if (j >= 0 && items[j].kind === 'text' && isHeadlineLike(items[j].text)) return { index: j };
  }
  const firstText = items.findIndex((it) => (it.kind === 'text' && !isSectionLabel(it.text)) || it.kind === 'byline');
  if (firstText >= 0 && items[firstText].kind === 'text' && firstText < limit) {
    const next = items.slice(firstText + 1).find((it) => it.kind === 'text');
    if (next && !isHeadlineLike(next.text)) return { index: firstText };
  }
  const counts = new Map<string, number>();
  for (const it of items) {
    if (it.kind === 'text' && isHeadlineLike(it.text) && it.text.length >= 8) {
      const key = lineKey(it.text);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  for (const it of items) {
    if (it.kind === 'text' && (counts.get(lineKey(it.text)) ?? 0) >= 2) return { text: it.text, repeated: true };
  }
  return {};
}

/** Last resort for pages without a headline: the lead sentence, cut at a clause boundary. */
function leadSentence(paragraph: string): string {
  const zh = cjkRatio(paragraph) >= 0.5;
  const max = zh ? 40 : 120;
  // Wire datelines ("Taipei, Sept. 18 (CNA)") and abbreviations ("Nov.", "U.S.") are not sentence ends.
  const text = zh ? paragraph : paragraph.replace(/^[A-Z][\w\s/.,'-]{0,60}?\((?:CNA|Reuters|AP|AFP|Bloomberg)\)\s*[-–—]?\s*/, '');
  const sentence =
    (zh
      ? /^.+?[。！？]/u
      : /^.+?(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Ms|Mrs|Dr|St|No|U\.S|U\.K|Gen|Gov|Sen|Rep))[.!?](?=\s+[A-Z"“]|$)/
    ).exec(text)?.[0] ?? text;
  if (sentence.length <= max) return sentence.replace(/[。.]$/u, '');
  const cut = sentence.slice(0, max);
  const boundary = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf(', '), cut.lastIndexOf('；'));
  return (boundary > max / 3 ? cut.slice(0, boundary) : cut).trim();
}

function dedupeAuthors(authors: Author[]): Author[] {
  return uniqueBy(authors, (a) => a.name);
}

/**
 * Parses a news page text dump (as copied from a browser) into an Article: finds the
 * headline among navigation lines, takes bylines and photo credits as authors, keeps
 * captions, tags and related-story teasers apart from the body, and drops page chrome.
 */
export function parseTextPage(text: string, options: TextPageOptions = {}): Article {
  const { origin, defaults = {} } = options;
  const normalized = normalizeText(text);
  if (!normalized.trim()) throw badInput('empty file: no text to ingest', origin);
  const { header, rest } = splitHeader(normalized);

  const acc: Collected = { authors: [], captions: [], tags: [], related: [], dates: [], credits: [] };
  const items = classify(joinBrokenLines(contentLines(rest)), acc);

  // A known headline from the header is matched in the text so the lines above it drop as navigation.
  let titleIndex: number | undefined;
  // A caller that already knows the headline (JSON items, HTML metadata) passes it as a default.
  let title = header.title?.trim() || defaults.title?.trim() || undefined;
  let repeatedTitle = false;
  if (title) {
    const key = lineKey(title);
    const found = items.findIndex((it) => it.kind === 'text' && lineKey(it.text) === key);
    if (found >= 0) titleIndex = found;
    else {
      // The page words its headline differently from the header: its position still tells
      // where the navigation ends.
      const positional = findTitle(items);
      if (positional.index !== undefined) titleIndex = positional.index;
    }
  } else {
    const found = findTitle(items);
    titleIndex = found.index;
    title = found.index !== undefined ? items[found.index].text : found.text;
    repeatedTitle = Boolean(found.repeated);
  }
  const titleOutlet = title ? HEADLINE_OUTLET.exec(title) : null;
  if (title && titleOutlet) {
    acc.outlet ??= titleOutlet[1].trim();
    acc.credits.push(titleOutlet[1].trim());
    title = title.slice(titleOutlet[0].length).trim();
  }

  const titleKey = title ? lineKey(title) : undefined;
  const captionKeys = new Set(acc.captions.map(lineKey));
  const paragraphs: string[] = [];
  let bodyStarted = false;
  const start = titleIndex === undefined ? 0 : titleIndex + 1;
  for (let i = start; i < items.length; i += 1) {
    const it = items[i];
    const body = it.kind === 'text' ? it.text : it.rest;
    if (it.kind === 'tags' && bodyStarted) {
      if (!TAG_PREFIX.test(it.text)) acc.tags.push(...it.text.split(/\s+/));
      continue;
    }
    if (it.kind === 'bullet') {
      // Wire sites list links to other stories as bullets; bullets that read as sentences are body.
      if (isHeadlineLike(it.text)) acc.related.push({ title: it.text });
      else paragraphs.push(it.text);
      continue;
    }
    if (!body) continue;
    // A short heading right before an ad prompt is the ad's own title ("熱門賽事、球星動態不漏接").
    if (it.kind === 'text' && items[i + 1]?.kind === 'chrome' && isHeadlineLike(body) && bodyStarted) continue;
    const key = lineKey(body);
    if (key === titleKey || captionKeys.has(key)) continue;
    paragraphs.push(body);
    bodyStarted = true;
  }
  const uniqueParagraphs = uniqueBy(paragraphs, lineKey);
  if (!title && repeatedTitle === false) {
    if (uniqueParagraphs.length === 0) throw badInput('missing title: no headline and no body text could be found', origin);
    title = leadSentence(uniqueParagraphs[0]);
  }
  if (!title) throw badInput('missing title: no headline could be found', origin);

  const url = canonicalUrl(header.url) ?? header.url ?? defaults.url;
  const named = outletFromName(header.source ?? acc.outlet);
  const hosted = outletFromUrl(url);
  const wired = outletFromName(acc.wire);
  const source = header.source ?? named?.source ?? acc.outlet ?? hosted?.source ?? wired?.source ?? defaults.source;
  const site = header.site ?? named?.site ?? hosted?.site ?? wired?.site ?? defaults.site;
  const publishedAt = normalizeDate(header.date) ?? acc.dates[0] ?? dateFromUrl(url) ?? defaults.publishedAt;
  // an outlet whose name is written on the page (a byline, an app banner, a footer) is one the page credits
  if (source && rest.includes(source)) acc.credits.push(source);
  const credits = uniqueBy(acc.credits.map((c) => c.trim()).filter(Boolean), (c) => c);
  const headerAuthors: Author[] = (header.authors ?? []).map((name) => ({ name, role: 'author' }));
  const authors = dedupeAuthors([...headerAuthors, ...acc.authors, ...(defaults.authors ?? [])]);
  const language = normalizeLanguageTag(header.lang) ?? defaults.language ?? detectLanguage(`${title}\n${uniqueParagraphs.join('\n')}`);

  const article: Omit<Article, 'id'> = {
    url,
    title,
    publishedAt,
    source,
    site,
    authors,
    language,
    paragraphs: uniqueParagraphs,
    captions: uniqueBy(acc.captions, lineKey),
    tags: uniqueBy(acc.tags, (t) => t),
    related: uniqueBy(acc.related, (r) => lineKey(r.title)).filter((r) => lineKey(r.title) !== titleKey),
    origin: origin ?? defaults.origin,
  };
  if (credits.length) article.credits = credits;
  if (acc.dateline) article.dateline = acc.dateline;
  return { id: defaults.id ?? articleId(article), ...article };
}

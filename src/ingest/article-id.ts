import { createHash } from 'node:crypto';

/** Query parameters that only track the reader; two links differing in them are one article. */
const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref|ref_src|from|fromid|cmpid|ocid|share|s_id|spm|_ga)$/i;

/**
 * Canonical form of an article URL: lowercase scheme and host, no fragment, no tracking
 * parameters, no default port, no trailing slash. Returns undefined for something that is
 * not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const key of Array.from(url.searchParams.keys())) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  // URL already lowercases the host; the scheme difference http/https is kept on purpose
  // only for display, the id below ignores it.
  let text = url.toString();
  if (url.pathname.length > 1 && text.endsWith('/') && !url.search) text = text.slice(0, -1);
  return text;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Stable article id: from the canonical URL when there is one (so re-ingesting the same page
 * from another dump merges), else from outlet + title + body.
 */
export function articleId(a: { url?: string; source?: string; title: string; paragraphs: string[] }): string {
  const canonical = canonicalUrl(a.url);
  const key = canonical
    ? `url:${canonical.replace(/^https?:\/\//, '')}`
    : `text:${a.source ?? ''}\n${a.title.trim()}\n${a.paragraphs.map((p) => p.trim()).join('\n')}`;
  return `a_${sha256(key).slice(0, 16)}`;
}

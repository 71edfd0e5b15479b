/**
 * Known outlets: how their host names, byline prefixes and wire tags map to a display name
 * (`source`) and a short site id (`site`). Matching is by host suffix, with optional path
 * prefixes for sites that host another outlet's stories (ltn's "focus" section carries the
 * Taipei Times).
 */
export interface Outlet {
  source: string;
  site: string;
}

interface HostRule extends Outlet {
  host: string;
  pathPrefix?: string;
}

const HOST_RULES: readonly HostRule[] = [
  { host: 'news.ltn.com.tw', pathPrefix: '/news/focus/', source: 'Taipei Times', site: 'taipeitimes' },
  { host: 'udn.com', source: '聯合新聞網', site: 'udn' },
  { host: 'ltn.com.tw', source: '自由時報', site: 'ltn' },
  { host: 'focustaiwan.tw', source: 'Focus Taiwan', site: 'focustaiwan' },
  { host: 'cna.com.tw', source: '中央社', site: 'cna' },
  { host: 'ettoday.net', source: 'ETtoday', site: 'ettoday' },
  { host: 'cnyes.com', source: '鉅亨網', site: 'cnyes' },
  { host: 'nownews.com', source: 'NOWnews', site: 'nownews' },
  { host: 'taipeitimes.com', source: 'Taipei Times', site: 'taipeitimes' },
  { host: 'tw.news.yahoo.com', source: 'Yahoo奇摩新聞', site: 'yahoo' },
  { host: 'thenationalnews.com', source: 'The National', site: 'thenational' },
  { host: 'chinatimes.com', source: '中時新聞網', site: 'chinatimes' },
  { host: 'setn.com', source: '三立新聞網', site: 'setn' },
  { host: 'tvbs.com.tw', source: 'TVBS新聞網', site: 'tvbs' },
  { host: 'storm.mg', source: '風傳媒', site: 'storm' },
  { host: 'rti.org.tw', source: '中央廣播電臺', site: 'rti' },
  { host: 'pts.org.tw', source: '公視新聞網', site: 'pts' },
  { host: 'reuters.com', source: 'Reuters', site: 'reuters' },
  { host: 'apnews.com', source: 'AP', site: 'ap' },
  { host: 'bbc.com', source: 'BBC', site: 'bbc' },
  { host: 'bbc.co.uk', source: 'BBC', site: 'bbc' },
];

/** Outlet names as they appear in bylines and wire tags, longest first so prefixes do not win. */
const NAME_RULES: ReadonlyArray<{ pattern: RegExp } & Outlet> = [
  { pattern: /^(聯合報|經濟日報|聯合晚報|世界日報)$/, source: '$1', site: 'udn' },
  { pattern: /^聯合新聞網$/, source: '聯合新聞網', site: 'udn' },
  { pattern: /^(自由時報|自由財經|自由體育)$/, source: '自由時報', site: 'ltn' },
  { pattern: /^(中央社|中央通訊社)$/, source: '中央社', site: 'cna' },
  { pattern: /^CNA$/, source: '中央社', site: 'cna' },
  { pattern: /^Focus Taiwan$/i, source: 'Focus Taiwan', site: 'focustaiwan' },
  { pattern: /^(ETtoday(新聞雲)?)$/i, source: 'ETtoday', site: 'ettoday' },
  { pattern: /^鉅亨網$/, source: '鉅亨網', site: 'cnyes' },
  { pattern: /^NOWnews(今日新聞)?$/i, source: 'NOWnews', site: 'nownews' },
  { pattern: /^TAIPEI TIMES$/i, source: 'Taipei Times', site: 'taipeitimes' },
  { pattern: /^民視(新聞)?$/, source: '民視新聞', site: 'ftv' },
  { pattern: /^Reuters$/i, source: 'Reuters', site: 'reuters' },
  { pattern: /^(AP|Associated Press)$/, source: 'AP', site: 'ap' },
  { pattern: /^AFP$/, source: 'AFP', site: 'afp' },
];

export function outletFromUrl(url: string | undefined): Outlet | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const host = parsed.hostname.toLowerCase();
  for (const rule of HOST_RULES) {
    const hostMatches = host === rule.host || host.endsWith(`.${rule.host}`);
    if (hostMatches && (!rule.pathPrefix || parsed.pathname.startsWith(rule.pathPrefix))) {
      return { source: rule.source, site: rule.site };
    }
  }
  return undefined;
}

/** Resolves an outlet name seen in a byline ("聯合報", "CNA", "TAIPEI TIMES"); unknown names pass through. */
export function outletFromName(name: string | undefined): Outlet | undefined {
  const trimmed = name?.trim();
  if (!trimmed) return undefined;
  for (const rule of NAME_RULES) {
    const m = rule.pattern.exec(trimmed);
    if (m) return { source: rule.source.replace('$1', m[1] ?? trimmed), site: rule.site };
  }
  return undefined;
}

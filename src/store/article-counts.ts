import { ARTICLES_OF_DAY, wholeDayWindow } from './entity-counts';

/**
 * Article counts kept at write time, so that a list filtered by outlet, language or date
 * counts its total without reading every article it matches:
 *
 * `(:ArticleDay {key, day, source, site, language, articles})` is one node per publishedDate
 * (null when undated), `source`, `site` and `language` (each null when the article has none)
 * of the articles that are not stubs, `articles` of them, near-duplicate copies included (lists
 * show copies). An article records the key it was counted under in `listedIn`, so that writing
 * it again or deleting it subtracts exactly what was added. A row that reaches 0 is deleted.
 *
 * Ingestion keeps them as articles come, change and go (article-writes.ts); import and the
 * migration build them all (BUILD_ARTICLE_DAYS).
 */

/** Separates the parts of a key (a Cypher literal; no outlet, site or language holds it). */
const SEP = "'\\u001f'";

/** The key the article bound as `v` is counted under (a Cypher expression), null for a stub. */
export const LISTED_KEY = (v: string): string =>
  `CASE WHEN coalesce(${v}.stub, false) THEN null ELSE coalesce(toString(${v}.publishedDate), '') + ${SEP} + coalesce(${v}.source, '') + ${SEP} +
        coalesce(${v}.site, '') + ${SEP} + coalesce(${v}.language, '') END`;

/**
 * Applies a list (a Cypher expression) of `{ key, articles }` changes to the ArticleDay rows,
 * added up per key and written in key order (so that concurrent writers lock busy rows in one
 * order); rows left with no article are deleted. A unit subquery body.
 */
export const APPLY_ARTICLE_DELTAS = (list: string): string => `
      UNWIND ${list} AS delta_
      WITH delta_.key AS key, sum(delta_.articles) AS articles
      WITH key, articles, split(key, ${SEP}) AS parts WHERE articles <> 0
      ORDER BY key
      MERGE (row_:ArticleDay {key: key})
      ON CREATE SET row_.day = CASE parts[0] WHEN '' THEN null ELSE date(parts[0]) END,
                    row_.source = CASE parts[1] WHEN '' THEN null ELSE parts[1] END,
                    row_.site = CASE parts[2] WHEN '' THEN null ELSE parts[2] END,
                    row_.language = CASE parts[3] WHEN '' THEN null ELSE parts[3] END,
                    row_.articles = 0
      SET row_.articles = row_.articles + articles
      WITH row_ WHERE row_.articles <= 0
      DELETE row_`;

/** Every article's `listedIn` and every ArticleDay row again, from the articles (a migration, or after an import). */
export const BUILD_ARTICLE_DAYS: string[] = [
  `MATCH (r:ArticleDay) CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (a:Article) CALL (a) { SET a.listedIn = ${LISTED_KEY('a')} } IN TRANSACTIONS OF 5000 ROWS`,
  `MATCH (a:Article) WHERE a.listedIn IS NOT NULL
   WITH a.listedIn AS listed, count(*) AS n
   CALL (listed, n) { ${APPLY_ARTICLE_DELTAS('[{ key: listed, articles: n }]')} } IN TRANSACTIONS OF 1000 ROWS`,
];

/**
 * Whether an article-list filter of outlet, language and a publishedAt window only (no
 * entities, topic or text) can take its total from the ArticleDay rows.
 */
export interface ListedFilter {
  source?: string;
  language?: string;
  from?: string;
  to?: string;
}

/**
 * The total of such a filter (a unit subquery body returning `totalCount`): the rows of the
 * outlet (its `source` or its `site`), language and whole days of the window, plus the
 * articles of the days a bound cuts (`$partial`, see partialDays), counted one by one.
 * `articleWhere` is the filter on an article bound as `a` (stubs left out); `fromDay` and
 * `toDay` are the days the bounds start with, when real; `afterTo`, when the upper bound's day is
 * read whole (cutDays), a UNION ALL branch taking back its articles after the bound.
 */
export function listedTotal(
  f: ListedFilter,
  days: { fromDay: string | null; toDay: string | null },
  articleWhere: string,
  afterTo: string,
): string {
  const rest = [
    f.language ? 'r.language = $language' : null,
    f.from || f.to ? 'r.day IS NOT NULL' : null,
    ...wholeDayWindow('r.day', { ...f, ...days }),
    f.from || f.to ? 'NOT r.day IN cut' : null,
  ].filter(Boolean);
  const where = (first: string | null): string => {
    const all = [first, ...rest].filter(Boolean);
    return all.length ? ` WHERE ${all.join(' AND ')}` : '';
  };
  // an outlet is an article's source or its site: a row of both is read once (UNION)
  const rows = f.source
    ? `MATCH (r:ArticleDay)${where('r.source = $source')} RETURN r
              UNION
              MATCH (r:ArticleDay)${where('r.site = $source')} RETURN r`
    : `MATCH (r:ArticleDay)${where(null)} RETURN r`;
  return `
          WITH [p IN $partial | date(p)] AS cut
          CALL (cut) {
            CALL (cut) {
              ${rows}
            }
            RETURN r.articles AS n
            UNION ALL
            UNWIND $partial AS p
            ${ARTICLES_OF_DAY('p', 'a')} AND ${articleWhere}
            RETURN 1 AS n
            ${afterTo}
          }
          RETURN sum(n) AS totalCount`;
}

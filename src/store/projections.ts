/**
 * Cypher map projections shared by the read queries, so that every query returns one shape.
 * Mention counts leave out near-duplicate copies (DUPLICATE_OF): a wire story carried by five
 * outlets is one mention. They are kept on the entity at write time (see entity-counts.ts).
 */

export const ENTITY_PROJECTION = (v: string): string =>
  `${v} { .id, .type, .name, aliases: coalesce(${v}.aliases, []), nameEn: ${v}.nameEn, iso2: ${v}.iso2, kind: ${v}.kind,
     mentionCount: coalesce(${v}.mentionCount, 0) }`;

/**
 * An article as the API returns it. Lists leave the body out (`{ body: false }`): it is most of an
 * article's bytes (52 of a 20-article page's 68 kB) and lists rarely show it; the API reads it by
 * id for the articles of a list whose query asks for it (ArticleResolver.body).
 */
/**
 * The number of articles less stubs, as an expression: the count store less the stub index's
 * seek; no article is read. Its own variable names, so it never binds to a caller's.
 */
export const ARTICLES_LESS_STUBS = 'COUNT { MATCH (all_:Article) } - COUNT { MATCH (stub_:Article) WHERE stub_.stub = true }';

export const ARTICLE_PROJECTION = (v: string, options: { body?: boolean } = {}): string =>
  `${v} { .id, .url, .title, .source, .site, .publishedAt, .language, .lead,${options.body === false ? '' : ' .body,'}
     authors: [i IN range(0, size(coalesce(${v}.authors, [])) - 1) | { name: ${v}.authors[i], role: coalesce(${v}.authorRoles[i], 'author') }],
     tags: coalesce(${v}.tags, []), stub: coalesce(${v}.stub, false) }`;

export const STORY_PROJECTION = (v: string): string =>
  `${v} { .id, .title, .titleEn, .firstSeen, .lastSeen, articleCount: coalesce(${v}.articleCount, 0), copies: coalesce(${v}.copies, 0),
     languages: coalesce(${v}.languages, []), outlets: coalesce(${v}.outlets, []) }`;

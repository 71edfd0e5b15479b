/**
 * Cypher map projections shared by the read queries, so that every query returns one shape.
 * Mention counts leave out near-duplicate copies (DUPLICATE_OF): a wire story carried by five
 * outlets is one mention. They are kept on the entity at write time (see entity-counts.ts).
 */

export const ENTITY_PROJECTION = (v: string): string =>
  `${v} { .id, .type, .name, aliases: coalesce(${v}.aliases, []), nameEn: ${v}.nameEn, iso2: ${v}.iso2, kind: ${v}.kind,
     mentionCount: coalesce(${v}.mentionCount, 0) }`;

export const ARTICLE_PROJECTION = (v: string): string =>
  `${v} { .id, .url, .title, .source, .site, .publishedAt, .language, .lead, .body,
     authors: [i IN range(0, size(coalesce(${v}.authors, [])) - 1) | { name: ${v}.authors[i], role: coalesce(${v}.authorRoles[i], 'author') }],
     tags: coalesce(${v}.tags, []), stub: coalesce(${v}.stub, false) }`;

export const STORY_PROJECTION = (v: string): string =>
  `${v} { .id, .title, .titleEn, .firstSeen, .lastSeen, articleCount: coalesce(${v}.articleCount, 0), copies: coalesce(${v}.copies, 0),
     languages: coalesce(${v}.languages, []), outlets: coalesce(${v}.outlets, []) }`;

/**
 * The first sentences of one relation, as `evidence`: its edges of the type and title bound as
 * `type` and `title` from the node bound as `from` to the one bound as `to` (`types`: the relation
 * types the edges may have, for the pattern), in article order and ties by sentence so that the
 * answer does not depend on storage order, at most `limit` (a parameter) of them. Read between
 * the two entities, for the few relations a query ranked: a hub holds hundreds of thousands.
 * `editor` adds who added a relation by hand.
 */
export const FIRST_EVIDENCE = (from: string, to: string, types: string, limit: string, options: { editor: boolean }): string => `
      CALL (${from}, ${to}, type, title) {
        MATCH (${from})-[ev_:${types}]->(${to}) WHERE type(ev_) = type AND coalesce(ev_.title, '') = title
        WITH ev_ ORDER BY ev_.articleId, ev_.evidence LIMIT ${limit}
        RETURN collect({ sentence: ev_.evidence, articleId: ev_.articleId, confidence: ev_.confidence${options.editor ? ', editor: ev_.editor' : ''} }) AS evidence
      }`;

/** The explorer's only way to the data: POST to the public GraphQL endpoint of the same server. */

export const GRAPHQL_URL = '/graphql';

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

interface Response<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  let res: globalThis.Response;
  try {
    res = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new GraphQLRequestError(`The server cannot be reached (${(err as Error).message})`, 'NETWORK');
  }
  let body: Response<T>;
  try {
    body = (await res.json()) as Response<T>;
  } catch {
    throw new GraphQLRequestError(`The server answered HTTP ${res.status} without JSON`, 'HTTP');
  }
  if (body.errors?.length) throw new GraphQLRequestError(body.errors.map((e) => e.message).join('; '), body.errors[0].extensions?.code);
  if (!body.data) throw new GraphQLRequestError('The server answered without data', 'HTTP');
  return body.data;
}

// ---- the shapes the views read ----

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'COUNTRY' | 'PLACE' | 'TOPIC';
export type RelationType = 'HOLDS_ROLE' | 'MEMBER_OF' | 'REPORTS_TO' | 'PART_OF' | 'COOPERATES_WITH' | 'LOCATED_IN';

export interface EntityRef {
  id: string;
  name: string;
  type: EntityType;
}

export interface ArticleRef {
  id: string;
  title: string;
  publishedAt: string | null;
  source: string | null;
}

export interface Evidence {
  sentence: string;
  confidence: number;
  article: ArticleRef | null;
}

export interface Relation {
  type: RelationType;
  title: string | null;
  confidence: number;
  from: EntityRef;
  to: EntityRef;
  /** The first sentences (ten by default) of evidenceCount. */
  evidence: Evidence[];
  evidenceCount: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  type: RelationType;
  title: string | null;
  weight: number;
  /** In paths; the neighbourhood leaves it out (see NEIGHBORHOOD_QUERY). */
  evidence?: Evidence[];
}

export interface GraphNode extends EntityRef {
  mentionCount: number;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const ARTICLE_REF = 'id title publishedAt source';
const EVIDENCE = `sentence confidence article { ${ARTICLE_REF} }`;

const STORY_REF = 'id title titleEn articleCount firstSeen lastSeen';

/**
 * Entities and articles from `search`, stories from the full-text filter on story titles, in one
 * request. The path finder asks for entities only (`withStories: false`).
 */
export const SEARCH_QUERY = `query Search($q: String!, $first: Int, $storyFirst: Int, $withStories: Boolean!) {
  search(query: $q, first: $first) {
    score
    entity { id name nameEn type mentionCount }
    article { ${ARTICLE_REF} }
  }
  stories(filter: { text: $q }, first: $storyFirst) @include(if: $withStories) { totalCount nodes { ${STORY_REF} } }
}`;

export interface SearchHit {
  score: number;
  entity: (EntityRef & { nameEn: string | null; mentionCount: number }) | null;
  article: ArticleRef | null;
}

export interface StoryRef {
  id: string;
  title: string;
  titleEn: string | null;
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
}

export interface SearchData {
  search: SearchHit[];
  stories?: { totalCount: number; nodes: StoryRef[] };
}

/** What the entity page shows first: who it is, its relations with evidence, its articles. */
export const ENTITY_QUERY = `query EntityPage($id: ID!) {
  entity(id: $id) {
    id name nameEn aliases type mentionCount
    ... on Organization { kind }
    ... on Country { iso2 }
    ... on Topic { parent { id name type } children { id name type } }
    relations(first: 60) { type title confidence from { id name type } to { id name type } evidenceCount evidence { ${EVIDENCE} } }
    articles(first: 10) { totalCount nodes { ${ARTICLE_REF} } }
  }
}`;

/** Statistics over all its articles, sent alongside ENTITY_QUERY so neither waits for the other. */
export const ENTITY_STATS_QUERY = `query EntityStats($id: ID!, $interval: Interval!) {
  cooccurrences(id: $id, first: 12) { count strength entity { id name type } }
  timeline(ids: [$id], interval: $interval) { points { bucket articles mentions } }
  stories(filter: { entity: $id }, first: 8) { totalCount nodes { ${STORY_REF} } }
}`;

export interface EntityStatsData {
  cooccurrences: { count: number; strength: number; entity: EntityRef }[];
  timeline: { points: { bucket: string; articles: number; mentions: number }[] }[];
  stories: { totalCount: number; nodes: StoryRef[] };
}

export interface EntityPageData {
  entity:
    | (EntityRef & {
        nameEn: string | null;
        aliases: string[];
        mentionCount: number;
        kind?: string | null;
        iso2?: string | null;
        parent?: EntityRef | null;
        children?: EntityRef[];
        relations: Relation[];
        articles: { totalCount: number; nodes: ArticleRef[] };
      })
    | null;
}

/**
 * No evidence: with it, a 200-node neighbourhood costs more than the API's query cost limit
 * allows. The sentences and articles of one edge are fetched when it is hovered or selected
 * (EDGE_SOURCES_QUERY).
 */
export const NEIGHBORHOOD_QUERY = `query Neighborhood($id: ID!, $depth: Int!, $limit: Int!) {
  neighborhood(id: $id, depth: $depth, limit: $limit) {
    nodes { id name type mentionCount }
    edges { from to type title weight }
  }
}`;

export const EDGE_SOURCES_QUERY = `query EdgeSources($id: ID!, $types: [RelationType!]) {
  entity(id: $id) {
    relations(first: 100, direction: OUT, types: $types) { title to { id } evidence { ${EVIDENCE} } }
  }
}`;

export interface EdgeSourcesData {
  entity: { relations: { title: string | null; to: { id: string }; evidence: Evidence[] }[] } | null;
}

export const PATHS_QUERY = `query Paths($from: ID!, $to: ID!, $maxHops: Int!) {
  paths(from: $from, to: $to, maxHops: $maxHops, first: 5) {
    length
    nodes { id name type }
    edges { from to type title weight evidence { ${EVIDENCE} } }
  }
}`;

export interface PathResult {
  length: number;
  nodes: EntityRef[];
  edges: GraphEdge[];
}

export const ARTICLE_QUERY = `query ArticlePage($id: ID!) {
  article(id: $id) {
    id title publishedAt source url language lead body tags
    authors { name role }
    mentions { count salience inHeadline entity { id name type aliases } }
    relatedArticles(first: 8) { link score article { ${ARTICLE_REF} } shared { id name type } }
    story { ${STORY_REF} }
  }
}`;

export interface ArticlePageData {
  article:
    | (ArticleRef & {
        url: string | null;
        language: string | null;
        lead: string | null;
        body: string | null;
        tags: string[];
        authors: { name: string; role: string }[];
        mentions: { count: number; salience: number; inHeadline: boolean; entity: EntityRef & { aliases: string[] } }[];
        relatedArticles: { link: string; score: number; article: ArticleRef; shared: EntityRef[] }[];
        story: StoryRef | null;
      })
    | null;
}

export const HOME_QUERY = `query Home {
  stats { articles firstPublished lastPublished entities { type count } relations { type count } }
  people: entities(filter: { type: PERSON }, first: 8) { nodes { id name type mentionCount } }
  organizations: entities(filter: { type: ORGANIZATION }, first: 8) { nodes { id name type mentionCount } }
  topics: entities(filter: { type: TOPIC }, first: 8) { nodes { id name type mentionCount } }
  articles(first: 8) { nodes { ${ARTICLE_REF} } }
  stories(first: 8) { nodes { ${STORY_REF} } }
}`;

type Ranked = { nodes: (EntityRef & { mentionCount: number })[] };
export interface HomeData {
  stats: {
    articles: number;
    firstPublished: string | null;
    lastPublished: string | null;
    entities: { type: string; count: number }[];
    relations: { type: string; count: number }[];
  };
  people: Ranked;
  organizations: Ranked;
  topics: Ranked;
  articles: { nodes: ArticleRef[] };
  stories: { nodes: StoryRef[] };
}

// ---- stories ----

const STORY_LINK = `score evidence shared { id name type } story { ${STORY_REF} }`;

/** /explore/story/<id>: the story, its per-outlet timeline, key entities, a page of articles, its links. */
export const STORY_QUERY = `query StoryPage($id: ID!, $first: Int!, $after: String) {
  story(id: $id) {
    ${STORY_REF} outlets languages copies
    timeline(interval: DAY, by: OUTLET) { bucket key articles }
    keyEntities(first: 12) { salience articles entity { id name type } }
    articles(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ARTICLE_REF} language } }
    follows { ${STORY_LINK} }
    followedBy { ${STORY_LINK} }
    related(first: 6) { ${STORY_LINK} }
  }
}`;

export interface StoryLink {
  score: number;
  evidence: string[];
  shared: EntityRef[];
  story: StoryRef;
}

export interface StoryPageData {
  story:
    | (StoryRef & {
        outlets: string[];
        languages: string[];
        copies: number;
        timeline: { bucket: string; key: string | null; articles: number }[];
        keyEntities: { salience: number; articles: number; entity: EntityRef }[];
        articles: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes: (ArticleRef & { language: string | null })[];
        };
        follows: StoryLink[];
        followedBy: StoryLink[];
        related: StoryLink[];
      })
    | null;
}

/** The dashboard: what rose in the last 7 days against the 7 before, and the newest date it counts back from. */
export const DASHBOARD_QUERY = `query Dashboard($relativeTo: RelativeTo!, $first: Int!) {
  stats { articles lastPublished }
  trending(period: LAST_7_DAYS, relativeTo: $relativeTo, first: $first) { current previous score entity { id name type } }
  trendingStories(period: LAST_7_DAYS, relativeTo: $relativeTo, first: $first) { current previous score story { ${STORY_REF} } }
}`;

export type RelativeTo = 'NEWEST_ARTICLE' | 'NOW';

export interface DashboardData {
  stats: { articles: number; lastPublished: string | null };
  trending: { current: number; previous: number; score: number; entity: EntityRef }[];
  trendingStories: { current: number; previous: number; score: number; story: StoryRef }[];
}

/** What the dashboard listens to: every ingested article, and stories that lose articles or go. */
export const ARTICLE_INGESTED_SUBSCRIPTION = `subscription ArticleIngested {
  articleIngested { status article { ${ARTICLE_REF} } story { id title } }
}`;

export interface ArticleIngestedData {
  articleIngested: { status: string; article: ArticleRef | null; story: { id: string; title: string } | null };
}

export const STORY_UPDATED_SUBSCRIPTION = `subscription StoryUpdated($id: ID) {
  storyUpdated(id: $id) { change storyId story { id title } article { ${ARTICLE_REF} } }
}`;

export interface StoryUpdatedData {
  storyUpdated: { change: string; storyId: string; story: { id: string; title: string } | null; article: ArticleRef | null };
}

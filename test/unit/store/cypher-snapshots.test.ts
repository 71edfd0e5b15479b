import { isInt } from 'neo4j-driver';
import type { Query } from '../../../src/store/executor';
import * as changeFeed from '../../../src/store/change-feed';
import { addAliasQuery, resolveRedirects } from '../../../src/store/entity-writes';
import * as graph from '../../../src/store/graph-queries';
import { curationRulesQuery, knownNamesQuery } from '../../../src/store/known-names';
import * as queries from '../../../src/store/queries';
import * as stories from '../../../src/store/story-queries';

/**
 * The Cypher and parameters of every read builder and each of its branches, as reviewable text
 * (the way @neo4j/graphql's tests/tck do): a query change shows up as a diff of the snapshot, no
 * database needed. After a deliberate change, `npx jest test/unit/store/cypher-snapshots -u`
 * and review the diff. The write path (article-writes, story-writes, curation-writes, edits) is
 * covered by the integration tests.
 */

function render(q: Query<unknown>): string {
  const lines = q.cypher.split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  const cypher = lines
    .map((l) => l.slice(indent).trimEnd())
    .filter((l, i, all) => l || (i > 0 && i < all.length - 1))
    .join('\n');
  const params = JSON.stringify(q.params, (_k, v: unknown) => (isInt(v) ? `int(${v.toString()})` : v), 2);
  return `\n${cypher}\n-- params\n${params}\n`;
}

const cases: Record<string, () => Query<unknown>> = {
  'queries.articlesById': () => queries.articlesById(['a1', 'a2']),
  'queries.articleByUrl': () => queries.articleByUrl('https://example.test/a'),
  'queries.entitiesById': () => queries.entitiesById(['person:甲', 'org:乙']),
  'queries.articlesPage: no filter': () => queries.articlesPage({ skip: 0, limit: 20 }),
  'queries.articlesPage: text (relevance)': () => queries.articlesPage({ filter: { text: '稀土 "出口"' }, skip: 20, limit: 10 }),
  'queries.articlesPage: text, newest first': () =>
    queries.articlesPage({ filter: { text: 'rare earth' }, orderBy: 'PUBLISHED_AT', skip: 0, limit: 10 }),
  'queries.articlesPage: mentionsAll': () => queries.articlesPage({ filter: { mentionsAll: ['person:甲', 'org:乙'] }, skip: 0, limit: 5 }),
  'queries.articlesPage: mentionsAll by relevance': () =>
    queries.articlesPage({ filter: { mentionsAll: ['person:甲'] }, orderBy: 'RELEVANCE', skip: 0, limit: 5 }),
  'queries.articlesPage: mentionsAny': () => queries.articlesPage({ filter: { mentionsAny: ['person:甲', 'org:乙'] }, skip: 0, limit: 5 }),
  'queries.articlesPage: mentionsAny by relevance': () =>
    queries.articlesPage({ filter: { mentionsAny: ['person:甲'] }, orderBy: 'RELEVANCE', skip: 0, limit: 5 }),
  'queries.articlesPage: topic': () => queries.articlesPage({ filter: { topic: 'topic:測試' }, skip: 0, limit: 5 }),
  'queries.articlesPage: source, language, dates': () =>
    queries.articlesPage({
      filter: { source: 'udn', language: 'zh-Hant', from: '2025-10-01', to: '2025-10-31T23:59:59.999Z' },
      skip: 0,
      limit: 5,
    }),
  'queries.entitiesPage: no filter': () => queries.entitiesPage({ skip: 0, limit: 20 }),
  'queries.entitiesPage: type, name, mentions, by name': () =>
    queries.entitiesPage({ filter: { type: 'person', nameContains: '林', minMentions: 2 }, orderBy: 'NAME', skip: 0, limit: 20 }),
  'queries.search: all types with articles': () => queries.search({ query: '稀土', includeArticles: true, first: 10 }),
  'queries.search: some types': () => queries.search({ query: 'Lin', types: ['person', 'organization'], includeArticles: false, first: 5 }),
  'queries.mentionsByArticle': () => queries.mentionsByArticle(['a1']),
  'queries.articlesByEntity': () => queries.articlesByEntity({ ids: ['person:甲'], skip: 0, limit: 3 }),
  'queries.relationsByEntity: out': () => queries.relationsByEntity({ ids: ['person:甲'], direction: 'OUT', first: 5 }),
  'queries.relationsByEntity: in, typed': () =>
    queries.relationsByEntity({ ids: ['org:乙'], types: ['HOLDS_ROLE', 'PART_OF'], direction: 'IN', first: 5 }),
  'queries.relationsByEntity: both': () => queries.relationsByEntity({ ids: ['org:乙'], direction: 'BOTH', first: 5 }),
  'queries.counts': () => queries.counts(),
  'queries.articleCount': () => queries.articleCount(),
  'graph.neighborhood: depth 1': () => graph.neighborhood({ id: 'person:甲', depth: 1, limit: 50 }),
  'graph.neighborhood: depth 3, typed': () => graph.neighborhood({ id: 'person:甲', depth: 3, limit: 200, types: ['MEMBER_OF'] }),
  'graph.paths': () => graph.paths({ from: 'person:甲', to: 'org:乙', maxHops: 3, first: 5 }),
  'graph.paths: typed': () => graph.paths({ from: 'person:甲', to: 'org:乙', maxHops: 4, first: 5, types: ['HOLDS_ROLE', 'REPORTS_TO'] }),
  'graph.cooccurrences': () => graph.cooccurrences({ id: 'person:甲', first: 20 }),
  'graph.cooccurrences: type, dates, duplicates': () =>
    graph.cooccurrences({
      id: 'person:甲',
      type: 'topic',
      from: '2025-10-01',
      to: '2025-10-31T23:59:59.999Z',
      first: 5,
      includeDuplicates: true,
    }),
  'graph.timeline: week': () => graph.timeline({ ids: ['person:甲'], interval: 'WEEK' }),
  'graph.timeline: day by outlet, dates': () =>
    graph.timeline({ ids: ['person:甲', 'topic:測試'], interval: 'DAY', from: '2025-10-01', to: '2025-10-31T23:59:59.999Z', by: 'OUTLET' }),
  'graph.timeline: month by language, duplicates': () =>
    graph.timeline({ ids: ['person:甲'], interval: 'MONTH', by: 'LANGUAGE', includeDuplicates: true }),
  'graph.trending': () => graph.trending({ from: '2025-11-01', to: '2025-11-07T23:59:59.999Z', previousFrom: '2025-10-25', first: 10 }),
  'graph.trending: typed, duplicates': () =>
    graph.trending({
      type: 'person',
      from: '2025-11-01',
      to: '2025-11-07T23:59:59.999Z',
      previousFrom: '2025-10-25',
      first: 10,
      includeDuplicates: true,
    }),
  'graph.relatedArticles': () => graph.relatedArticles({ ids: ['a1'], first: 5 }),
  'graph.topicParents': () => graph.topicParents(['topic:測試']),
  'graph.topicChildren': () => graph.topicChildren(['topic:測試']),
  'stories.storiesById': () => stories.storiesById(['story:1']),
  'stories.storiesByArticle': () => stories.storiesByArticle(['a1']),
  'stories.storiesPage: latest': () => stories.storiesPage({ skip: 0, limit: 10 }),
  'stories.storiesPage: size, every filter': () =>
    stories.storiesPage({
      filter: {
        from: '2025-10-01',
        to: '2025-10-31T23:59:59.999Z',
        entity: 'person:甲',
        topic: 'topic:測試',
        language: 'en',
        outlet: 'udn',
        text: '稀土',
      },
      orderBy: 'SIZE',
      skip: 0,
      limit: 10,
    }),
  'stories.storiesPage: trending': () =>
    stories.storiesPage({
      filter: { from: '2025-11-01', to: '2025-11-07T23:59:59.999Z' },
      orderBy: 'TRENDING',
      previousFrom: '2025-10-25',
      skip: 0,
      limit: 10,
    }),
  'stories.trendingStories': () =>
    stories.trendingStories({ from: '2025-11-01', to: '2025-11-07T23:59:59.999Z', previousFrom: '2025-10-25', first: 5 }),
  'stories.storyArticles': () => stories.storyArticles({ ids: ['story:1'], skip: 0, limit: 10, includeDuplicates: false }),
  'stories.storyTimeline: by outlet': () => stories.storyTimeline({ ids: ['story:1'], unit: 'day', by: 'OUTLET' }),
  'stories.storyKeyEntities': () => stories.storyKeyEntities({ ids: ['story:1'], first: 5 }),
  'stories.storyFollows: out': () => stories.storyFollows({ ids: ['story:1'], direction: 'OUT' }),
  'stories.storyFollows: in': () => stories.storyFollows({ ids: ['story:1'], direction: 'IN' }),
  'stories.relatedStories': () => stories.relatedStories({ ids: ['story:1'], first: 5 }),
  'stories.newestPublished': () => stories.newestPublished(),
  'stories.relationsPage: no filter': () => stories.relationsPage({ skip: 0, limit: 20 }),
  'stories.relationsPage: every filter': () =>
    stories.relationsPage({
      filter: {
        types: ['HOLDS_ROLE'],
        entity: 'person:甲',
        from: 'person:甲',
        to: 'org:乙',
        since: '2025-10-01',
        until: '2025-10-31T23:59:59.999Z',
      },
      skip: 0,
      limit: 20,
    }),
  'knownNames.knownNamesQuery': () => knownNamesQuery(),
  'knownNames.curationRulesQuery': () => curationRulesQuery(),
  'entityWrites.addAliasQuery': () => addAliasQuery('person:甲', '甲先生'),
  'entityWrites.resolveRedirects': () => resolveRedirects([{ articleId: 'a1', ids: ['person:甲'] }]),
  'changeFeed.changesSince': () => changeFeed.changesSince({ since: 1000, afterId: 'c1', afterAt: 1000, limit: 100 }),
  'changeFeed.changePayloads': () => changeFeed.changePayloads(['c1']),
  'changeFeed.databaseNow': () => changeFeed.databaseNow(),
  'changeFeed.pruneChanges': () => changeFeed.pruneChanges(1000),
};

describe('Cypher of the store builders', () => {
  it.each(Object.keys(cases))('%s', (name) => {
    expect(render(cases[name]())).toMatchSnapshot();
  });

  it('covers every exported read builder', () => {
    const named = new Set(Object.keys(cases).map((k) => k.split(':')[0].split('.')[1]));
    const modules = { queries, graph, stories };
    for (const [prefix, mod] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(mod)) {
        if (typeof value === 'function' && name !== 'escapeLucene')
          expect({ [prefix]: name, covered: named.has(name) }).toEqual({ [prefix]: name, covered: true });
      }
    }
  });
});

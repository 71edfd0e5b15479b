#!/usr/bin/env node
// Prints the README's example operations with their real output, as Markdown, by sending each
// one to a running API: `npm start` in one terminal, then
//   node scripts/readme-examples.js [http://localhost:4000/graphql] > /tmp/examples.md
const url = process.argv[2] || 'http://localhost:4000/graphql';

const EXAMPLES = [
  ['search', 'Full-text search over names, aliases and titles (CJK-aware).', `{
  search(query: "稀土", first: 5) {
    score
    entity { __typename id name }
    article { title }
  }
}`],
  ['article', 'One article with its authors and most salient entities.', `{
  articles(first: 1, filter: { text: "林佳龍 稀土" }) {
    nodes {
      id title publishedAt source
      authors { name role }
      mentions { count salience inHeadline entity { __typename name } }
    }
  }
}`],
  ['entity', 'An entity with its articles and relations, each with the sentence that shows it.', `{
  entity(id: "person:林佳龍") {
    name nameEn aliases mentionCount
    articles(first: 3) { totalCount nodes { title publishedAt } }
    relations(first: 5) { type title from { name } to { name } evidence { sentence article { title } } }
  }
}`],
  ['entities', 'Entities filtered by type, most mentioned first, with cursor pagination.', `{
  entities(filter: { type: COUNTRY }, first: 4) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { name mentionCount ... on Country { iso2 } }
  }
}`],
  ['articles', 'Articles mentioning every one of several entities, newest first.', `{
  articles(filter: { mentionsAll: ["person:林佳龍", "country:US"] }, first: 5) {
    totalCount
    nodes { title publishedAt language }
  }
}`],
  ['neighborhood', 'A subgraph around an entity, ready to draw.', `{
  neighborhood(id: "person:林佳龍", depth: 2, limit: 10) {
    nodes { id name }
    edges { from to type title weight }
  }
}`],
  ['paths', 'How two entities connect, each edge with its evidence.', `{
  paths(from: "person:林佳龍", to: "org:立法院", maxHops: 3, first: 2) {
    length
    nodes { name }
    edges { type from to evidence { sentence } }
  }
}`],
  ['cooccurrences', 'Entities mentioned together with one, by association strength.', `{
  cooccurrences(id: "topic:rare-earths", first: 5) {
    entity { __typename name }
    count npmi strength
  }
}`],
  ['timeline', 'Mentions per entity per week, zeros included, for charts.', `{
  timeline(ids: ["person:林佳龍", "topic:tariffs"], interval: WEEK, from: "2025-10-20", to: "2025-11-16") {
    entity { name }
    points { bucket articles mentions }
  }
}`],
  ['trending', 'What rose most against the preceding period.', `{
  trending(from: "2025-11-01", to: "2025-11-30", first: 5) {
    entity { __typename name }
    current previous score
  }
}`],
  ['relatedArticles', 'Related articles: explicit links first, then shared entities.', `{
  relatedArticles(id: "a_27ed079906c9cc5b", first: 4) {
    link score
    article { title }
    shared { name }
  }
}`],
  ['stats', 'What the graph holds.', `{
  stats { articles firstPublished lastPublished entities { type count } relations { type count } }
}`],
];

// Mutations need the server's key (NEWSGRAPH_API_KEY in both terminals). They add one sample
// article, curate two of its entities and delete it again, leaving the graph as it was.
const MUTATIONS = [
  ['ingestArticles', 'Parse, extract and store articles (one transaction each); a result per item.', `mutation {
  ingestArticles(articles: [
    { url: "https://newsgraph.example/samples/readme", title: "經濟部長龔明鑫訪問東京", publishedAt: "2025-11-20",
      source: "NewsGraph sample", body: "經濟部長龔明鑫今天抵達東京，與日本經濟產業省官員討論半導體與稀土合作。" }
    { title: "" }
  ]) { index id status error duplicateOf }
}`],
  ['addAlias', 'Add a surface form so that search finds it.', `mutation {
  addAlias(id: "person:龔明鑫", alias: "Kung Ming-hsin") { id name aliases }
}`],
  ['mergeEntities', 'Merge a duplicate into the entity to keep: mentions and relations move, names become aliases.', `mutation {
  mergeEntities(keepId: "org:經濟部", mergeId: "org:日本經濟產業省") { id name aliases mentionCount }
}`],
  ['deleteArticle', 'Delete an article with its mentions and evidence; orphaned entities go too.', `mutation {
  deleteArticle(id: "a_readme")
}`],
];

async function main() {
  const only = process.argv[3];
  const key = process.env.NEWSGRAPH_API_KEY;
  const all = key ? [...EXAMPLES, ...MUTATIONS] : EXAMPLES;
  let lastId;
  for (const [name, text, template] of all) {
    if (only && only !== name) continue;
    const query = lastId ? template.replace('a_readme', lastId) : template;
    const headers = { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) };
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
    const body = await res.json();
    if (name === 'ingestArticles') lastId = body.data?.ingestArticles?.[0]?.id;
    console.log(`#### \`${name}\`\n\n${text}\n\n\`\`\`graphql\n${query}\n\`\`\`\n\n<details><summary>Output</summary>\n\n\`\`\`json\n${JSON.stringify(body, null, 2)}\n\`\`\`\n\n</details>\n`);
  }
}

main().catch((err) => {
  console.error(`readme-examples: ${err.message} (is the API running at ${url}?)`);
  process.exit(1);
});

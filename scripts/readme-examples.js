#!/usr/bin/env node
// Prints the README's example operations with their real output, as Markdown, by sending each
// one to a running API: `npm start` in one terminal (on a fresh graph), then
//   node scripts/readme-examples.js [http://localhost:4000/graphql] > /tmp/examples.md
// or, to refresh the README between its examples markers (the curation ones included; with a
// named key such as editor:secret the trail says "editor", and the script sends the secret):
//   NEWSGRAPH_API_KEY=... node scripts/readme-examples.js http://localhost:4000/graphql --write README.md
const url = process.argv[2] || 'http://localhost:4000/graphql';

const EXAMPLES = [
  [
    'search',
    'Full-text search over names, aliases and titles (CJK-aware).',
    `{
  search(query: "稀土", first: 5) {
    score
    entity { __typename id name }
    article { title }
  }
}`,
  ],
  [
    'article',
    'One article with its authors and most salient entities.',
    `{
  articles(first: 1, filter: { text: "林佳龍 稀土" }) {
    nodes {
      id title publishedAt source
      authors { name role }
      mentions { count salience inHeadline entity { __typename name } }
    }
  }
}`,
  ],
  [
    'entity',
    'An entity with its articles and relations, each with the sentence that shows it.',
    `{
  entity(id: "person:林佳龍") {
    name nameEn aliases mentionCount
    articles(first: 3) { totalCount nodes { title publishedAt } }
    relations(first: 5) { type title from { name } to { name } evidence { sentence article { title } } }
  }
}`,
    'main',
  ],
  [
    'entities',
    'Entities filtered by type, most mentioned first, with cursor pagination.',
    `{
  entities(filter: { type: COUNTRY }, first: 4) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { name mentionCount ... on Country { iso2 } }
  }
}`,
  ],
  [
    'articles',
    'Articles mentioning every one of several entities, newest first.',
    `{
  articles(filter: { mentionsAll: ["person:林佳龍", "country:US"] }, first: 5) {
    totalCount
    nodes { title publishedAt language }
  }
}`,
  ],
  [
    'neighborhood',
    'A subgraph around an entity, ready to draw.',
    `{
  neighborhood(id: "person:林佳龍", depth: 2, limit: 10) {
    nodes { id name }
    edges { from to type title weight }
  }
}`,
  ],
  [
    'paths',
    'How two entities connect, each edge with its evidence.',
    `{
  paths(from: "person:林佳龍", to: "org:立法院", maxHops: 3, first: 2) {
    length
    nodes { name }
    edges { type from to evidence { sentence } }
  }
}`,
  ],
  [
    'cooccurrences',
    'Entities mentioned together with one, by association strength.',
    `{
  cooccurrences(id: "topic:rare-earths", first: 5) {
    entity { __typename name }
    count npmi strength
  }
}`,
  ],
  [
    'timeline',
    'Mentions per entity per week, zeros included, for charts.',
    `{
  timeline(ids: ["person:林佳龍", "topic:tariffs"], interval: WEEK, from: "2025-10-20", to: "2025-11-16") {
    entity { name }
    points { bucket articles mentions }
  }
}`,
  ],
  [
    'trending',
    'What rose most against the preceding period.',
    `{
  trending(from: "2025-11-01", to: "2025-11-30", first: 5) {
    entity { __typename name }
    current previous score
  }
}`,
  ],
  [
    'relatedArticles',
    'Related articles: explicit links first, then shared entities.',
    `{
  relatedArticles(id: "a_27ed079906c9cc5b", first: 4) {
    link score
    article { title }
    shared { name }
  }
}`,
  ],
  [
    'stats',
    'What the graph holds.',
    `{
  stats { articles firstPublished lastPublished entities { type count } relations { type count } }
}`,
  ],
];

// Mutations need the server's key (NEWSGRAPH_API_KEY in both terminals). They add one sample
// article, curate two of its entities and delete it again, leaving the graph as it was.
const MUTATIONS = [
  [
    'ingestArticles',
    'Parse, extract and store articles (one transaction each); a result per item, and nothing of a bad item is written.',
    `mutation {
  ingestArticles(articles: [
    { url: "https://newsgraph.example/samples/readme-zh", title: "龔明鑫訪問東京 討論半導體合作", publishedAt: "2025-11-20",
      source: "NewsGraph sample", body: "經濟部長龔明鑫今天抵達東京，與日本經產省官員討論半導體與稀土合作。隨行的經濟部次長陳小明表示，台日將擴大供應鏈合作。" }
    { url: "https://newsgraph.example/samples/readme-en", title: "Taiwan and Japan to expand chip cooperation", publishedAt: "2025-11-20",
      source: "NewsGraph sample", language: "en",
      body: "Deputy Economics Minister Chen Hsiao-ming said in Tokyo on Thursday that Taiwan and Japan would expand cooperation on semiconductor supply chains." }
    { title: "" }
  ]) { index id status error duplicateOf }
}`,
  ],
  [
    'mergeEntities',
    'A curator sees that the English article\'s unknown "Chen Hsiao-ming" is 陳小明: merge them. Mentions and relations move, names become aliases, and later articles naming the old id land on the kept entity.',
    `mutation {
  mergeEntities(keepId: "person:陳小明", mergeId: "person:Chen Hsiao-ming") { id name aliases mentionCount }
}`,
  ],
  [
    'addAlias',
    'Add a surface form so that search finds it.',
    `mutation {
  addAlias(id: "person:陳小明", alias: "H.M. Chen") { id aliases }
}`,
  ],
  [
    'deleteArticle',
    'Delete articles with their mentions and evidence; entities left with nothing go too.',
    `mutation {
  zh: deleteArticle(id: "ID_0")
  en: deleteArticle(id: "ID_1")
}`,
  ],
];

// The editor's workflow in the README's Curation section, run after the examples above (it
// changes the graph: run the whole script once, on a fresh graph of the sample articles). Each
// step is [block, text before it, operation]; `{{name}}` in an operation is a value an earlier
// step kept (`keep`), and `until` repeats a step until its answer says so (a background job).
const CURATION = [
  [
    'curation-find',
    '**1. Find the junk.** The most mentioned topics and what is trending show what crowds search\nand dashboards:',
    `{
  entities(filter: { type: TOPIC }, orderBy: MENTIONS, first: 8) { nodes { id name mentionCount } }
  trending(from: "2025-10-01", to: "2025-11-30", first: 6) { entity { id name } current }
}`,
  ],
  [
    'curation-find',
    '**2. Fix it.** A word that is never a topic (合作, "cooperation", a common word) is blocked for that type; the next\narticle already obeys it (the rule travels in the known-names snapshot that extraction reads), and\n`reapplyCuration` reads the articles ingested before again, in bounded batches, in the\nbackground, with progress:',
    `mutation {
  blockSurfaceForm(type: TOPIC, surface: "合作") { id actor action summary }
}`,
  ],
  ['curation-find', '', 'mutation { reapplyCuration(all: true) { id total status } }', { keep: (d) => ({ job: d.reapplyCuration.id }) }],
  [
    'curation-find',
    '',
    `{
  reapplyJob(id: "{{job}}") { total done status }
  entity(id: "topic:合作") { id }
}`,
    { until: (d) => d.reapplyJob.status !== 'running' },
  ],
  [
    'curation-fix',
    '',
    `mutation {
  addAlias(id: "person:林佳龍", alias: "外交部") { id aliases }
}`,
  ],
  [
    'curation-fix',
    '',
    `mutation {
  removeAlias(id: "person:林佳龍", alias: "Lin") { aliases }
  renameEntity(id: "person:林佳龍", language: EN, name: "Lin Chia-lung (Foreign Minister)") { name nameEn }
  rejectRelation(type: HOLDS_ROLE, from: "person:林佳龍", to: "country:TW") { id summary }
  addRelation(type: HOLDS_ROLE, from: "person:林佳龍", to: "org:外交部", title: "部長", note: "Minister of Foreign Affairs since 2024 (ministry's website).") { id summary }
}`,
  ],
  [
    'curation-undo',
    '',
    '{ edits(first: 8) { totalCount nodes { id actor action summary undoneBy } } }',
    {
      keep: (d) => Object.fromEntries(d.edits.nodes.filter((n) => !n.undoneBy).map((n) => [n.action, n.id])),
    },
  ],
  ['curation-undo', '', 'mutation { undoEdit(id: "{{removeAlias}}") { id } }'],
  [
    'curation-undo',
    'Undone newest first, each undo is an edit of its own:',
    `mutation {
  relation: undoEdit(id: "{{addRelation}}") { id summary undoes }
  rejection: undoEdit(id: "{{rejectRelation}}") { id summary undoes }
  rename: undoEdit(id: "{{renameEntity}}") { id summary undoes }
  alias: undoEdit(id: "{{removeAlias}}") { id summary undoes }
}`,
  ],
  ['curation-undo', '', '{ entity(id: "person:林佳龍") { nameEn aliases } }'],
];

/** A block of JSON: short ones as they are, long ones folded away. */
function jsonBlock(json) {
  const lines = json.split('\n').length;
  return lines <= 40
    ? `\`\`\`json\n${json}\n\`\`\`\n`
    : `<details><summary>Output (${lines} lines)</summary>\n\n\`\`\`json\n${json}\n\`\`\`\n\n</details>\n`;
}

async function send(query, key) {
  const headers = { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) };
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
  return res.json();
}

/** The curation steps, as Markdown per block. */
async function curationBlocks(key) {
  const blocks = {};
  const kept = {};
  for (const [block, text, template, options = {}] of CURATION) {
    const query = template.replace(/\{\{(\w+)\}\}/g, (_, name) => {
      if (!kept[name]) throw new Error(`curation step needs "${name}", which no earlier step kept`);
      return kept[name];
    });
    let body = await send(query, key);
    for (let i = 0; options.until && !options.until(body.data) && i < 600; i++) {
      await new Promise((r) => setTimeout(r, 100));
      body = await send(query, key);
    }
    if (options.keep) Object.assign(kept, options.keep(body.data));
    // times and job ids differ on every run: the shape is what the README shows
    const json = JSON.stringify(body, null, 2);
    blocks[block] = `${blocks[block] ?? ''}${text ? `${text}\n\n` : ''}\`\`\`graphql\n${query}\n\`\`\`\n\n${jsonBlock(json)}\n`;
  }
  return blocks;
}

async function main() {
  const writeTo = process.argv.includes('--write') ? process.argv[process.argv.indexOf('--write') + 1] : undefined;
  const only = writeTo ? undefined : process.argv[3];
  const out = [];
  // the server's key may be named (name:secret): clients send the secret
  const key = process.env.NEWSGRAPH_API_KEY?.replace(/^[^:]*:/, '');
  const all = key ? [...EXAMPLES, ...MUTATIONS] : EXAMPLES;
  let ids = [];
  let main = '';
  for (const [name, text, template, where] of all) {
    if (only && only !== name) continue;
    const query = template.replace('ID_0', ids[0]).replace('ID_1', ids[1]);
    const body = await send(query, key);
    if (name === 'ingestArticles') ids = (body.data?.ingestArticles ?? []).map((r) => r.id);
    const json = JSON.stringify(body, null, 2);
    const output = jsonBlock(json);
    if (where === 'main') main = `\`\`\`graphql\n${query}\n\`\`\`\n\n\`\`\`json\n${json}\n\`\`\`\n`;
    else out.push(`#### \`${name}\`\n\n${text}\n\n\`\`\`graphql\n${query}\n\`\`\`\n\n${output}`);
  }
  const curation = key && !only ? await curationBlocks(key) : {};
  if (!writeTo) return console.log([main, ...out, ...Object.values(curation)].join('\n'));
  const fs = require('node:fs');
  let readme = fs.readFileSync(writeTo, 'utf8');
  const splice = (marker, content) => {
    const start = `<!-- ${marker}:start -->`;
    const end = `<!-- ${marker}:end -->`;
    if (!readme.includes(start) || !readme.includes(end)) throw new Error(`${writeTo} has no ${start} / ${end} markers`);
    readme = `${readme.slice(0, readme.indexOf(start) + start.length)}\n${content}\n${readme.slice(readme.indexOf(end))}`;
  };
  splice('main-example', main);
  splice('examples', out.join('\n'));
  for (const [block, content] of Object.entries(curation)) splice(block, content.trimEnd());
  fs.writeFileSync(writeTo, readme);
  console.log(`wrote ${out.length + 1} examples and ${CURATION.length} curation steps into ${writeTo}`);
}

main().catch((err) => {
  console.error(`readme-examples: ${err.message} (is the API running at ${url}?)`);
  process.exit(1);
});

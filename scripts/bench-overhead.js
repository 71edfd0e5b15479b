#!/usr/bin/env node
// In-process API overhead: the same neighborhood and search operations run N times in sequence
// through Apollo (executeOperation, no HTTP) and straight through the driver, on the graph at
// NEO4J_URI (e.g. one kept by `npm run bench:ingest -- --keep DIR` and started with `npm run neo4j`).
require('reflect-metadata');
const { createDriver, Executor } = require('../dist/store/executor');
const { graphQueries, queries } = require('../dist/store');
const { createApolloServer, contextFor } = require('../dist/api/server');
(async () => {
  const ex = new Executor(createDriver({ uri: process.env.NEO4J_URI || 'bolt://127.0.0.1:7687' }));
  const server = await createApolloServer({ log: () => {} });
  await server.start();
  const ids = (
    await ex.read({ cypher: 'MATCH (e:Entity) RETURN e.id AS id ORDER BY COUNT{(e)<-[:MENTIONS]-()} DESC LIMIT 20', params: {} })
  ).map((r) => r.id);
  const N = 60;
  const time = async (label, fn) => {
    const t = process.hrtime.bigint();
    for (let i = 0; i < N; i++) await fn(i);
    console.log(label, (Number(process.hrtime.bigint() - t) / 1e6 / N).toFixed(1), 'ms');
  };
  const q = `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 50) { nodes { id name type } edges { from to type title weight evidence { sentence } } } }`;
  for (let round = 0; round < 2; round++) {
    await time('driver neighborhood', (i) => ex.read(graphQueries.neighborhood({ id: ids[i % 20], depth: 2, limit: 50 })));
    await time('apollo neighborhood', (i) =>
      server.executeOperation({ query: q, variables: { id: ids[i % 20] } }, { contextValue: contextFor(ex, undefined, undefined) }),
    );
    await time('driver search', () => ex.read(queries.search({ query: '台灣', includeArticles: true, first: 20 })));
    await time('apollo search', () =>
      server.executeOperation(
        { query: '{ search(query: "台灣") { score entity { id name } article { id title } } }' },
        { contextValue: contextFor(ex, undefined, undefined) },
      ),
    );
  }
  await server.stop();
  await ex.close();
})();

/**
 * The layer rules of README.md and /src/*\/README.md, checked on every `npm run lint`: data flows
 * ingest -> extract -> store <- api; domain imports nothing; no cycles.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make the layers meaningless.', from: {}, to: { circular: true } },
    {
      name: 'domain-imports-nothing',
      severity: 'error',
      comment: 'src/domain holds plain types and vocabularies shared by every stage; it imports nothing but itself.',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'extract-not-store',
      severity: 'error',
      comment: 'Extraction is pure: it never reaches the database.',
      from: { path: '^src/extract/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'extract-not-api',
      severity: 'error',
      comment: 'Extraction knows nothing of GraphQL.',
      from: { path: '^src/extract/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'store-not-api',
      severity: 'error',
      comment: 'The store serves the API, never the other way round.',
      from: { path: '^src/store/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'ingest-not-api',
      severity: 'error',
      comment: 'Ingestion turns input into Articles; it knows nothing of GraphQL.',
      from: { path: '^src/ingest/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'ingest-not-store',
      severity: 'error',
      comment: "Ingestion is pure parsing; writing is the pipeline's job.",
      from: { path: '^src/ingest/' },
      to: { path: '^src/store/' },
    },
    {
      name: 'resolvers-not-executor',
      severity: 'error',
      comment:
        'Resolvers reach the database through the context: `store` (typed reads) and `writes` (src/api/context.ts), never the executor or the write modules.',
      from: { path: '^src/api/resolvers/' },
      to: { path: '^src/(store/(executor|article-writes|story-writes|entity-writes)|pipeline/ingest-articles)\\.ts$' },
    },
    {
      name: 'neo4j-driver-only-in-store',
      severity: 'error',
      comment: 'src/store is the only importer of neo4j-driver.',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: 'node_modules/neo4j-driver' },
    },
    {
      name: 'graphql-only-in-api',
      severity: 'error',
      comment: 'src/api is the only importer of type-graphql and Apollo Server.',
      from: { path: '^src/', pathNot: '^src/api/' },
      to: { path: 'node_modules/(type-graphql|@apollo/server)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '^(dist|web|test|scripts)/' },
  },
};

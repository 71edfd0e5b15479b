'use strict';
/**
 * The peer bench-api compares NewsGraph's reads with: @neo4j/graphql (a dev dependency used
 * only here) serving the same graph, over HTTP with Apollo Server like NewsGraph's API. Its type
 * definitions describe the part of NewsGraph's schema both can express: articles, entities and
 * the MENTIONS between them with their properties. @neo4j/graphql generates the Cypher itself.
 */

const neo4j = require('neo4j-driver');

const TYPE_DEFS = /* GraphQL */ `
  type Article @node {
    id: ID!
    title: String
    publishedAt: String
    source: String
    language: String
    stub: Boolean
    mentions: [Entity!]! @relationship(type: "MENTIONS", direction: OUT, properties: "Mention")
  }

  type Entity @node {
    id: ID!
    type: String
    name: String
    aliasText: String
    mentionCount: Int
    articles: [Article!]! @relationship(type: "MENTIONS", direction: IN, properties: "Mention")
  }

  type Mention @relationshipProperties {
    count: Float
    salience: Float
    firstOffset: Float
    inHeadline: Boolean
  }
`;

/** Starts the peer on `port` (0: a free one) against the Neo4j at `uri`; returns { url, stop }. */
async function startPeer({ uri, port = 0 }) {
  const { Neo4jGraphQL } = require('@neo4j/graphql');
  const { ApolloServer } = require('@apollo/server');
  const { startStandaloneServer } = require('@apollo/server/standalone');
  const driver = neo4j.driver(uri, undefined, { maxConnectionPoolSize: 16 });
  const schema = await new Neo4jGraphQL({ typeDefs: TYPE_DEFS, driver }).getSchema();
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return {
    url,
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

module.exports = { startPeer };

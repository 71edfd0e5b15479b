// A live dashboard feed: prints every story change as it happens, whichever process wrote the
// article (the ingestArticles mutation, `npx newsgraph ingest`, another API instance).
//   node docs/examples/dashboard-live.mjs [ws://localhost:4000/graphql]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const client = createClient({ url: process.argv[2] ?? 'ws://localhost:4000/graphql', webSocketImpl: WebSocket });
client.subscribe(
  {
    query: `subscription {
      storyUpdated(filter: {}) {
        change storyId
        story { title articleCount outlets lastSeen timeline(interval: DAY, by: OUTLET) { bucket key articles } follows { story { title } shared { name } } }
        article { title source }
      }
    }`,
  },
  { next: (event) => console.log(JSON.stringify(event.data.storyUpdated, null, 2)), error: (err) => console.error(err), complete: () => {} },
);

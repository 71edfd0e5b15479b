// The offline GraphQL IDE: GraphiQL and its Monaco editor, bundled from npm, served at /graphiql.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';

const defaultQuery = `# NewsGraph: who is 林佳龍 and how is he connected?
{
  entity(id: "person:林佳龍") {
    name nameEn aliases mentionCount
    relations(first: 5) { type title to { name } evidence { sentence article { title } } }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).toString() });
createRoot(document.getElementById('graphiql')!).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);

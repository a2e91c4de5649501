// GraphiQL for graphd: queries and mutations go to /graphql, subscriptions
// to /graphql/stream over Server-Sent Events (graphql-sse). Everything is
// bundled into dist/ by build.mjs and served by graphd itself; nothing is
// loaded from another host.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { getOperationAST, parse } from 'graphql';
import { createClient } from 'graphql-sse';
import 'graphiql/graphiql.css';

const base = new URL('..', new URL('graphiql/', document.baseURI));
const graphqlURL = new URL('graphql', base).href;
const streamURL = new URL('graphql/stream', base).href;

// isSubscription reports whether the request selects a subscription.
function isSubscription(params) {
  try {
    const op = getOperationAST(parse(params.query), params.operationName || undefined);
    return op?.operation === 'subscription';
  } catch {
    return false; // let the server explain the syntax error
  }
}

// fetcher answers GraphiQL's requests: subscriptions as an async iterable of
// results (one per event, until the stream completes or the user stops it),
// everything else as one JSON answer.
function fetcher(params, opts = {}) {
  const headers = { ...(opts.headers || {}) };
  if (isSubscription(params)) {
    const client = createClient({ url: streamURL, headers, retryAttempts: 0, singleConnection: false });
    return client.iterate(params);
  }
  return fetch(graphqlURL, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...headers,
    },
    body: JSON.stringify(params),
  }).then((res) => res.json());
}

const defaultQuery = `# graphd's GraphQL IDE: Ctrl-Space completes, Ctrl-Enter runs, the
# book icon opens the schema (also served as SDL at /schema.graphql).

query Taliban {
  actor(name: "Taliban") {
    name
    aliases
    stances(first: 5) {
      totalCount
      nodes { type object { name } date evidence { quote } }
    }
  }
}

# Run this, then add a stance (from another tab, the explorer or
# graphd load): it appears here as it is committed.
subscription Live {
  stanceAdded {
    id type topic date
    subject { name }
    object { name }
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    defaultEditorToolsVisibility: false,
    isHeadersEditorEnabled: true,
  }),
);

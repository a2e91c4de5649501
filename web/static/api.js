// A small GraphQL-over-HTTP client for the page. It talks only to the
// server the page came from.

export const ENDPOINT = '/graphql';

/** An answer that carried GraphQL errors; errors holds them as sent. */
export class GraphQLError extends Error {
  constructor(errors, data) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphQLError';
    this.errors = errors;
    this.data = data;
  }
}

/**
 * Posts a query and returns its data; throws GraphQLError when the answer
 * lists errors and Error when it is not a GraphQL answer at all.
 */
export async function gql(query, variables = {}) {
  const { status, body } = await post(query, variables);
  if (body === undefined) throw new Error(`graphql: HTTP ${status} with a body that is not JSON`);
  if (Array.isArray(body.errors) && body.errors.length) throw new GraphQLError(body.errors, body.data);
  if (status < 200 || status > 299) throw new Error(`graphql: HTTP ${status}`);
  if (!body.data) throw new Error('graphql: answer without data');
  return body.data;
}

/**
 * Posts a query and returns the HTTP status with the raw text and the
 * parsed body (undefined when not JSON), for the console to show as is.
 * token, when given, is sent as a bearer token.
 */
export async function post(query, variables = {}, { operationName, token } = {}) {
  const payload = { query, variables };
  if (operationName) payload.operationName = operationName;
  const headers = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
  };
  // Mutations on a server started with a token need it; queries never do.
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify(payload) });
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body };
}

/**
 * Follows a connection page by page and returns all its nodes, at most
 * limit. pick maps the data of one answer to the connection.
 */
export async function collect(query, variables, pick, { pageSize = 500, limit = 20000 } = {}) {
  const nodes = [];
  let after = null;
  let total = 0;
  for (;;) {
    const data = await gql(query, { ...variables, first: pageSize, after });
    const conn = pick(data);
    total = conn.totalCount;
    nodes.push(...conn.nodes);
    if (!conn.pageInfo.hasNextPage || nodes.length >= limit || !conn.pageInfo.endCursor) break;
    after = conn.pageInfo.endCursor;
  }
  return { nodes: nodes.slice(0, limit), total };
}

// Checks a live server's schema against the contract shipped in the
// repository (schema/contract.graphql, a copy of the project's
// shared contract): everything the contract has must be served unchanged.
// The server may serve more (new fields, optional arguments, enum values).
//
// usage: node contract.mjs http://127.0.0.1:8080/graphql ../schema/contract.graphql
import { readFileSync } from 'node:fs';
import {
  buildClientSchema, buildSchema, DangerousChangeType, findBreakingChanges,
  findDangerousChanges, getIntrospectionQuery, isSpecifiedDirective,
} from 'graphql';

const [url, contractPath] = process.argv.slice(2);
if (!url || !contractPath) {
  console.error('usage: node contract.mjs GRAPHQL_URL CONTRACT.graphql');
  process.exit(2);
}
const contract = buildSchema(readFileSync(contractPath, 'utf8'));
const res = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify({ query: getIntrospectionQuery() }),
});
const body = await res.json();
if (!body.data) {
  console.log(`introspection failed (HTTP ${res.status}): ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  process.exit(1);
}
const live = buildClientSchema(body.data);
// Breaking changes from the contract to the live schema are what a client
// written against the contract would trip on; among the "dangerous" ones
// only a changed argument default is a difference, the rest are additions.
// Directives built into graphql-js (@specifiedBy, @oneOf) count only when
// the contract declares them itself.
const declared = contract.getDirectives().filter((d) => !isSpecifiedDirective(d)).map((d) => d.name);
const ours = (c) => !c.type.startsWith('DIRECTIVE_') || declared.some((n) => c.description.includes(n));
const problems = [
  ...findBreakingChanges(contract, live),
  ...findDangerousChanges(contract, live).filter((c) => c.type === DangerousChangeType.ARG_DEFAULT_VALUE_CHANGE),
].filter(ours);
for (const p of problems) console.log(`     ${p.type}: ${p.description}`);
const types = Object.keys(contract.getTypeMap()).filter((n) => !n.startsWith('__')).length;
console.log(`     ${types} contract types checked against ${url}: ${problems.length} differences`);
process.exit(problems.length ? 1 : 0);

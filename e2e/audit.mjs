// Runs the GraphQL over HTTP audit suite of the graphql-http package against
// a server and fails when any MUST audit fails. SHOULD and MAY results are
// reported but do not fail the run: they are recommendations of the spec.
//
// usage: node audit.mjs http://127.0.0.1:PORT/graphql [REPORT.md]
import fs from 'node:fs';
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
const reportPath = process.argv[3];
if (!url) {
  console.error('usage: node audit.mjs GRAPHQL_URL [REPORT.md]');
  process.exit(2);
}

async function describe(response) {
  if (!response) return '';
  try {
    const body = await response.clone().text();
    return `HTTP ${response.status} ${response.headers.get('content-type') || '(no content type)'}: ${body.slice(0, 300)}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}

const results = [];
for (const audit of serverAudits({ url })) {
  let result;
  try {
    result = await audit.fn();
  } catch (err) {
    // The suite throws only on a fatal problem, such as no connection.
    result = { id: audit.id, name: audit.name, status: 'error', fatal: true, reason: `audit could not run: ${err.message}${err.cause ? ` (${err.cause.message || err.cause})` : ''}` };
  }
  results.push({ ...result, detail: result.status === 'ok' ? '' : await describe(result.response) });
}

const level = (r) => r.name.split(' ')[0];
const failed = results.filter((r) => r.status !== 'ok');
// An audit that could not run at all (the server hung up, say) fails the
// run whatever its level: nothing was checked.
const mustFailed = failed.filter((r) => level(r) === 'MUST' || r.fatal);
const lines = [`# graphql-http server audits against ${url}`, ''];
for (const lv of ['MUST', 'SHOULD', 'MAY']) {
  const all = results.filter((r) => level(r) === lv);
  const bad = all.filter((r) => r.status !== 'ok');
  lines.push(`- ${lv}: ${all.length - bad.length} of ${all.length} pass`);
}
lines.push('');
for (const r of failed) {
  lines.push(`## ${r.status.toUpperCase()} ${r.id}: ${r.name}`, '', `reason: ${r.reason}`, r.detail ? `\nanswer: \`${r.detail.replace(/`/g, "'").replace(/\n/g, ' ')}\`` : '', '');
}
const report = lines.join('\n');
if (reportPath) fs.writeFileSync(reportPath, report + '\n');
for (const r of failed) {
  if (level(r) === 'MUST' || r.fatal) console.log(`FAIL ${r.id} ${r.name}: ${r.reason}${r.detail ? ` [${r.detail.slice(0, 200).replace(/\n/g, ' ')}]` : ''}`);
  else console.log(`warn ${r.id} ${r.name}`);
}
if (reportPath && failed.length) console.log(`details: ${reportPath}`);
const passed = results.length - failed.length;
console.log(`graphql-http audits: ${passed} of ${results.length} pass; ${mustFailed.length} MUST (or fatal) failures, ${failed.length - mustFailed.length} SHOULD/MAY warnings`);
process.exit(mustFailed.length ? 1 : 0);

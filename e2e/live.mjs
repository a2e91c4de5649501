// Checks GraphiQL and the live feed in headless Chromium:
//   - /graphiql loads (nothing from another host, no console error), runs a
//     query and shows the schema's documentation; /schema.graphql is SDL;
//   - the graphql-sse client from npm, loaded into a page of graphd,
//     subscribes to stanceAdded on /graphql/stream and receives a stance
//     added through a mutation;
//   - the explorer, open meanwhile, redraws with the new stance.
// Screenshots land in OUTDIR: graphiql.png, graphiql-docs.png,
// explorer-live-before.png, explorer-live-update.png.
//
// usage: node live.mjs http://127.0.0.1:PORT OUTDIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const base = (process.argv[2] || '').replace(/\/$/, '');
const outDir = process.argv[3] || 'out';
if (!base) {
  console.error('usage: node live.mjs BASE_URL [OUTDIR]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const origin = new URL(base).origin;
const require = createRequire(import.meta.url);
const sseClient = fs.readFileSync(path.join(path.dirname(require.resolve('graphql-sse/package.json')), 'umd/graphql-sse.min.js'), 'utf8');

const problems = [];
function check(name, ok, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (!ok) problems.push(`${name}${detail ? `: ${detail}` : ''}`);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stancegraph-live-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1500, height: 950 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// watch fails the run on console errors and on requests to other hosts.
function watch(page, name) {
  page.setDefaultTimeout(15000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${name}: browser console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${name}: uncaught exception: ${err.message}`));
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:')) problems.push(`${name}: loaded from another host: ${u}`);
  });
  return page;
}

async function step(name, fn) {
  try {
    await fn();
  } catch (err) {
    check(name, false, err.message.split('\n')[0]);
  }
}

async function gql(query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

try {
  await step('/schema.graphql serves the schema in SDL', async () => {
    const res = await fetch(`${base}/schema.graphql`);
    const sdl = await res.text();
    const ok = res.ok && sdl.includes('type Subscription {') && sdl.includes('stanceAdded(filter: StanceFilter): Stance!');
    check('/schema.graphql serves the schema in SDL', ok, `${res.status}, ${sdl.length} bytes`);
  });

  const ide = watch(await context.newPage(), 'GraphiQL');
  await step('GraphiQL runs a query', async () => {
    await ide.goto(`${base}/graphiql`);
    await ide.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
    await ide.evaluate(() => {
      const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
      cm.setValue('{\n  actor(name: "Taliban") {\n    name\n    aliases\n    stances(first: 3) { totalCount nodes { type object { name } } }\n  }\n}\n');
      cm.focus();
    });
    await ide.waitForTimeout(1000); // GraphiQL reads the operation names after a pause in typing
    await ide.keyboard.press('Control+Enter');
    const result = () => document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue() || '';
    await ide.waitForFunction(result);
    const text = await ide.evaluate(result);
    check('GraphiQL runs a query', text.includes('"name": "Taliban"') && text.includes('"totalCount"'), text.replace(/\s+/g, ' ').slice(0, 80));
    await ide.screenshot({ path: path.join(outDir, 'graphiql.png') });
  });
  await step('GraphiQL shows the schema', async () => {
    await ide.click('button[aria-label="Show Documentation Explorer"]');
    await ide.waitForSelector('.graphiql-doc-explorer');
    await ide.getByText('Subscription', { exact: true }).first().click();
    await ide.waitForFunction(() => document.querySelector('.graphiql-doc-explorer')?.textContent.includes('stanceAdded'));
    check('GraphiQL shows the schema', true, 'Subscription.stanceAdded documented');
    await ide.screenshot({ path: path.join(outDir, 'graphiql-docs.png') });
  });

  await step('GraphiQL follows a subscription', async () => {
    await ide.evaluate(() => {
      const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;
      cm.setValue('subscription {\n  stanceAdded(filter: {types: [OFFERS]}) {\n    type topic subject { name } object { name }\n  }\n}\n');
      cm.focus();
    });
    await ide.waitForTimeout(1000); // GraphiQL reads the operation names after a pause in typing
    await ide.keyboard.press('Control+Enter');
    await ide.waitForFunction(() => document.querySelector('.graphiql-execute-button')?.getAttribute('aria-label')?.includes('Stop'));
    await gql(`mutation { addStance(input: {subject: "Russia", type: OFFERS, object: "Taliban", topic: "graphiql ${Date.now()}"}) { id } }`);
    const result = () => document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue() || '';
    await ide.waitForFunction((r) => new Function(`return (${r})()`)().includes('graphiql '), result.toString()).catch(() => {});
    const text = await ide.evaluate(result);
    check('GraphiQL follows a subscription', text.includes('"stanceAdded"') && text.includes('"name": "Russia"'), text.replace(/\s+/g, ' ').slice(0, 100));
    await ide.screenshot({ path: path.join(outDir, 'graphiql-subscription.png') });
  });

  const explorer = watch(await context.newPage(), 'explorer');
  let before = '';
  await step('the explorer follows the feed', async () => {
    await explorer.goto(`${base}/`);
    await explorer.waitForSelector('#graph .node');
    await explorer.waitForFunction(() => document.getElementById('live-status')?.textContent.startsWith('Live:'));
    before = await explorer.$eval('#stats', (n) => n.textContent);
    check('the explorer follows the feed', true, before);
    await explorer.screenshot({ path: path.join(outDir, 'explorer-live-before.png') });
  });

  // The npm graphql-sse client, in a page of graphd (its origin; the
  // script is evaluated through the DevTools protocol, not injected).
  const client = watch(await context.newPage(), 'graphql-sse client');
  await step('the graphql-sse client receives a stance added by a mutation', async () => {
    await client.route('**/favicon.ico', (r) => r.fulfill({ status: 204 }));
    await client.goto(`${base}/healthz`);
    await client.evaluate(sseClient);
    await client.evaluate(() => {
      window.received = [];
      window.connected = false;
      const c = window.graphqlSse.createClient({ url: '/graphql/stream', on: { connected: () => (window.connected = true) } });
      c.subscribe(
        { query: 'subscription($s: ID) { stanceAdded(filter: {subject: $s}) { type topic subject { name } object { name } } }', variables: { s: 'Tehran' } },
        { next: (r) => window.received.push(r), error: (e) => window.received.push({ error: String(e) }), complete: () => {} },
      );
    });
    await client.waitForFunction(() => window.connected);
    await gql(`mutation { addStance(input: {subject: "Iran", type: SUPPORTS, object: "Kabul government", topic: "live e2e ${Date.now()}"}) { id } }`);
    await client.waitForFunction(() => window.received.length > 0);
    const got = await client.evaluate(() => window.received[0]);
    const s = got.data?.stanceAdded;
    check('the graphql-sse client receives a stance added by a mutation', s?.topic?.startsWith('live e2e') && s.subject.name === 'Iran' && s.object.name === 'Kabul government', JSON.stringify(got));
  });

  await step('the explorer redraws with the new stance', async () => {
    await explorer.waitForFunction((b) => document.getElementById('stats').textContent !== b, before);
    await explorer.waitForFunction(() => [...document.querySelectorAll('#graph .edge')].some((e) => e.dataset.type === 'SUPPORTS'));
    const after = await explorer.$eval('#stats', (n) => n.textContent);
    const n = (t) => Number((t.match(/(\d+) stances/) || [])[1]);
    check('the explorer redraws with the new stance', n(after) === n(before) + 1, `${before} -> ${after}`);
    await explorer.screenshot({ path: path.join(outDir, 'explorer-live-update.png') });
  });
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

for (const p of problems) console.log(`problem: ${p}`);
process.exit(problems.length ? 1 : 0);

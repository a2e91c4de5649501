// Drives the graph explorer in headless Chromium the way a reader would and
// fails on anything wrong, including any error in the browser's console.
//
// usage: node browser.mjs http://127.0.0.1:PORT OUTDIR
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const SEED_ACTORS = ['United States', 'Taliban', 'Kabul government', 'Pakistan', 'Russia', 'Iran', 'NATO', 'Islamic State'];
const base = (process.argv[2] || '').replace(/\/$/, '');
const outDir = process.argv[3] || 'out';
if (!base) {
  console.error('usage: node browser.mjs BASE_URL [OUTDIR]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const problems = [];
const checks = [];
function check(name, ok, detail = '') {
  checks.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? `: ${detail}` : ''}`);
  if (!ok) problems.push(`${name}${detail ? `: ${detail}` : ''}`);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stancegraph-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1500, height: 1000 },
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(15000);
const origin = new URL(base).origin;
page.on('console', (msg) => {
  if (msg.type() === 'error') problems.push(`browser console error: ${msg.text()}`);
});
page.on('pageerror', (err) => problems.push(`uncaught exception in the page: ${err.message}`));
page.on('request', (req) => {
  const u = req.url();
  if (!u.startsWith(origin) && !u.startsWith('data:')) problems.push(`the page loaded from another host: ${u}`);
});
page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));

async function shot(name) {
  const file = path.join(outDir, name);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`     screenshot ${file}`);
}

async function step(name, fn) {
  try {
    await fn();
  } catch (err) {
    check(name, false, err.message.split('\n')[0]);
    await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`).catch(() => {});
  }
}

try {
  await step('the graph shows the seed actors', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('#graph .node');
    await page.waitForFunction(() => /stances? shown/.test(document.getElementById('graph-status').textContent));
    const names = await page.$$eval('#graph .node', (ns) => ns.map((n) => n.dataset.name));
    const missing = SEED_ACTORS.filter((a) => !names.includes(a));
    check('the graph shows the seed actors', missing.length === 0, missing.length ? `missing ${missing.join(', ')}` : `${names.length} actors drawn`);
    const edges = await page.$$eval('#graph .edge', (es) => es.map((e) => e.dataset.type));
    check('the graph draws stance arrows', edges.length > 0, `${edges.length} arrows, types ${[...new Set(edges)].sort().join(' ')}`);
    await shot('explorer-graph.png');
  });

  await step('clicking Taliban lists its REJECTS stance toward Kabul government with its quote', async () => {
    await page.click('#graph .node[data-name="Taliban"]');
    await page.waitForSelector('#actor-stances tbody tr');
    const rows = await page.$$eval('#actor-stances tbody tr', (trs) =>
      trs.map((tr) => {
        const td = [...tr.querySelectorAll('td')].map((c) => c.textContent.trim());
        return { id: tr.dataset.stanceId, subject: td[0], type: td[1], object: td[2], quote: td[3] };
      }),
    );
    const hit = rows.find((r) => r.subject === 'Taliban' && r.type === 'REJECTS' && r.object === 'Kabul government');
    check('clicking Taliban lists its REJECTS stance toward Kabul government', Boolean(hit), `${rows.length} rows`);
    check('that stance shows its quote', Boolean(hit && hit.quote.length > 3), hit ? hit.quote : '');
    await shot('explorer-taliban.png');
    if (!hit) return;

    await page.click(`#actor-stances tr[data-stance-id="${hit.id}"] a.type`);
    await page.waitForSelector('#details-body blockquote');
    const quote = await page.textContent('#details-body blockquote');
    check('the stance lists its quote with the source', hit.quote.includes(quote.trim()), quote.trim());
    await shot('explorer-stance.png');

    await page.click('#details-body a.doc-link');
    await page.waitForSelector('#details-body mark');
    const marked = await page.textContent('#details-body mark');
    check('the document text highlights exactly the quote', marked === quote, marked);
    await shot('explorer-document.png');
  });

  await step('the keyboard selects an actor', async () => {
    await page.focus('#graph .node[data-name="United States"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('details-title').textContent === 'United States');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
    check('Enter on a focused actor lists its stances and moves focus to them', focused === 'details-title', `focus on #${focused}`);
    await page.focus('#graph .node[data-name="Iran"]');
    await page.keyboard.press('ArrowRight');
    const next = await page.evaluate(() => document.activeElement.dataset && document.activeElement.dataset.name);
    check('an arrow key moves the focus to the next actor', Boolean(next) && next !== 'Iran', `from Iran to ${next}`);
  });

  await step('clicking an arrow shows its stance', async () => {
    const taliban = await page.getAttribute('#graph .node[data-name="Taliban"]', 'data-actor-id');
    const kabul = await page.getAttribute('#graph .node[data-name="Kabul government"]', 'data-actor-id');
    // A dispatched click: the middle of a curved arrow's box need not lie on the curve.
    await page.dispatchEvent(`#graph .edge[data-source="${taliban}"][data-target="${kabul}"][data-type="REJECTS"]`, 'click');
    await page.waitForFunction(() => /REJECTS/.test(document.getElementById('details-title').textContent));
    const title = await page.textContent('#details-title');
    check('clicking the Taliban REJECTS Kabul government arrow shows that stance', title === 'Taliban REJECTS Kabul government', title);
  });

  await step('the search box finds an actor by alias', async () => {
    await page.fill('#search', 'U.S.');
    await page.waitForSelector('#search-results li');
    const found = await page.$$eval('#search-results a', (as) => as.map((a) => a.textContent));
    check('the search box finds an actor by alias', found.includes('United States'), found.join(', '));
    await page.fill('#search', '');
  });

  await step('the type filter limits the arrows', async () => {
    const types = await page.$$eval('#type-list input', (is) => is.map((i) => i.value));
    for (const t of types) if (t !== 'REJECTS') await page.uncheck(`#type-${t}`);
    await page.waitForFunction(() => [...document.querySelectorAll('#graph .edge')].every((e) => e.dataset.type === 'REJECTS'));
    const edges = await page.$$eval('#graph .edge', (es) => es.map((e) => e.dataset.type));
    check('the type filter leaves only REJECTS arrows', edges.length > 0 && edges.every((t) => t === 'REJECTS'), `${edges.length} arrows`);
    await shot('explorer-filter-rejects.png');
    await page.click('#reset-filters');
    await page.waitForFunction((n) => document.querySelectorAll('#graph .edge').length > n, edges.length);
  });

  await step('the date range filters the arrows', async () => {
    const before = await page.$$eval('#graph .edge', (es) => es.length);
    await page.fill('#from', '2100-01-01');
    await page.dispatchEvent('#from', 'change');
    await page.waitForFunction(() => document.querySelectorAll('#graph .edge').length === 0);
    const empty = await page.textContent('#graph');
    check('a date range after every stance leaves no arrow', /No stances match/.test(empty), `${before} arrows before`);
    await page.click('#reset-filters');
    await page.waitForFunction((n) => document.querySelectorAll('#graph .edge').length === n, before);
  });

  await step('the console runs a query', async () => {
    await page.fill('#gql-query', 'query Console($name: String) {\n  stats { actors stances documents }\n  actor(name: $name) { name aliases }\n}\n');
    await page.fill('#gql-variables', '{"name": "Taliban"}');
    await page.click('#gql-run');
    await page.waitForFunction(() => /HTTP/.test(document.getElementById('gql-status').textContent));
    const status = await page.textContent('#gql-status');
    const result = JSON.parse(await page.textContent('#gql-result'));
    const ok = /HTTP 200/.test(status) && !result.errors && result.data.stats.actors >= SEED_ACTORS.length && result.data.actor.name === 'Taliban';
    check('the console runs a query', ok, `${status}; ${JSON.stringify(result).slice(0, 160)}`);
    await shot('explorer-console.png');
  });
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

const consoleProblems = problems.filter((p) => !checks.some((c) => !c.ok && p.startsWith(c.name)));
for (const p of consoleProblems) console.log(`FAIL ${p}`);
const failed = problems.length;
console.log(`browser: ${checks.filter((c) => c.ok).length} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

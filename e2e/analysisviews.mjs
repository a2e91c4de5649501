// Checks of the explorer's timeline and coalition views (browser.mjs runs
// them on the seed graph and on the 300-actor graph): what the page draws
// is compared with what the GraphQL fields answer for the same arguments.

const Q_TIMELINE = `query T($a: ID!, $b: ID, $bucket: TimeBucket) {
  timeline(a: $a, b: $b, bucket: $bucket) { buckets { start total net } }
}`;
const Q_COALITIONS = `{ coalitions { balance { triads balanced } blocs { stanceCount actors { id } } actors { actor { id } bloc } } }`;

async function graphql(base, query, variables = {}) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(`graphql: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

// drawnTimeline reads the chart once it shows w.n buckets starting at
// w.first (else null, so that page.waitForFunction tries again): its
// bucket count, the stances its labels add up to and the empty buckets.
// Waiting and reading in one call leaves no moment for the panel to be
// redrawn in between.
function drawnTimeline(w) {
  const chart = document.getElementById('timeline-chart');
  if (!chart || chart.dataset.buckets !== String(w.n) || chart.querySelectorAll('.bucket')[0]?.dataset.start !== w.first) return null;
  const bars = [...chart.querySelectorAll('.bucket')];
  const totals = bars.map((b) => Number(/: (\d+) stances?/.exec(b.getAttribute('aria-label'))[1]));
  return {
    said: Number(chart.dataset.buckets),
    bars: bars.length,
    starts: bars.map((b) => b.dataset.start),
    stances: totals.reduce((n, t) => n + t, 0),
    empty: totals.filter((t) => t === 0).length,
    rows: document.querySelectorAll('#timeline-table tbody tr').length,
  };
}

/**
 * Opens the timeline of actor (and of the pair with partner, when given)
 * and checks every bucket width against the timeline field; opens the
 * busiest bucket and checks its stances. Returns the MONTH buckets.
 */
export async function timelineChecks({ page, base, check, shot, prefix, actorId, actorName, partnerId, partnerName, shots, emptyWeeks = false }) {
  await page.goto(`${base}/#actor=${encodeURIComponent(actorId)}`);
  await page.waitForFunction(() => document.getElementById('timeline-chart')?.dataset.buckets !== undefined, null, { timeout: 30000 });
  for (const [bucket, b] of [['MONTH', null], ['YEAR', null], ['WEEK', null], ['MONTH', partnerId]]) {
    if (b) await page.selectOption('#timeline-with', b);
    await page.selectOption('#timeline-bucket', bucket);
    const want = (await graphql(base, Q_TIMELINE, { a: actorId, b, bucket })).timeline.buckets;
    const got = await (await page.waitForFunction(drawnTimeline, { n: want.length, first: want[0]?.start })).jsonValue();
    const stances = want.reduce((n, x) => n + x.total, 0);
    const empty = want.filter((x) => x.total === 0).length;
    const who = b ? `${actorName} and ${partnerName}` : actorName;
    check(`${prefix}timeline of ${who} by ${bucket.toLowerCase()}: buckets as the timeline field`,
      want.length > 0 && got.bars === want.length && got.said === want.length && got.rows === want.length && got.stances === stances && got.empty === empty &&
      got.starts.join() === want.map((x) => x.start).join(),
      `${got.bars} buckets drawn (${got.empty} empty, ${got.stances} stances), table ${got.rows} rows; GraphQL ${want.length} buckets (${empty} empty, ${stances} stances)`);
    if (bucket === 'WEEK' && !b) {
      check(`${prefix}timeline of ${who} by week shows its empty weeks`, got.empty === empty && (!emptyWeeks || empty > 0), `${got.empty} empty weeks drawn, GraphQL ${empty}`);
    }
  }
  await shot(`${shots}-pair.png`);

  // The busiest bucket of the actor's own timeline, by keyboard: Home,
  // then arrows to it, then Enter.
  await page.selectOption('#timeline-with', '');
  await page.selectOption('#timeline-bucket', 'MONTH');
  const want = (await graphql(base, Q_TIMELINE, { a: actorId, bucket: 'MONTH' })).timeline.buckets;
  await page.waitForFunction((n) => document.getElementById('timeline-chart')?.dataset.buckets === String(n), want.length);
  const busiest = want.reduce((best, x, i) => (x.total > want[best].total ? i : best), 0);
  await page.focus('#timeline-chart .bucket[tabindex="0"]');
  await page.keyboard.press('Home');
  for (let i = 0; i < busiest; i++) await page.keyboard.press('ArrowRight');
  const focused = await page.evaluate(() => document.activeElement?.dataset?.index);
  check(`${prefix}arrow keys move along the timeline's buckets`, Number(focused) === busiest, `focus on bucket ${focused}, want ${busiest}`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#bucket-stances-table');
  const rows = await page.$$eval('#bucket-stances-table tbody tr[data-stance-id]', (trs) => trs.length);
  const quotes = await page.$$eval('#bucket-stances-table tbody td.quote', (tds) => tds.filter((td) => td.textContent.trim().length > 3).length);
  const caption = await page.textContent('#bucket-stances-table caption');
  check(`${prefix}Enter on the busiest month lists the stances behind it, with quotes`, rows === Math.min(want[busiest].total, 500) && rows > 0 && quotes === rows,
    `${caption}: ${rows} rows, ${quotes} quotes; the bucket counts ${want[busiest].total}`);
  const focusOn = await page.evaluate(() => document.activeElement?.tagName);
  check(`${prefix}the listed stances take the focus`, focusOn === 'CAPTION', `focus on ${focusOn}`);
  await shot(`${shots}.png`);
  return want;
}

/**
 * Switches on the coalition colours and checks them against the
 * coalitions field: the bloc count, every drawn actor's bloc, and the
 * stances of the largest bloc one click away.
 */
export async function coalitionChecks({ page, base, check, shot, prefix, shots }) {
  const want = (await graphql(base, Q_COALITIONS)).coalitions;
  await page.check('#coalitions-on');
  await page.waitForFunction((n) => document.getElementById('coalitions-status').dataset.blocs === String(n), want.blocs.length, { timeout: 30000 });
  const bloc = new Map(want.actors.map((a) => [a.actor.id, a.bloc]));
  const drawn = await page.$$eval('#graph .node', (ns) => ns.map((n) => ({ id: n.dataset.actorId, bloc: n.dataset.bloc, fill: getComputedStyle(n.querySelector('circle')).fill })));
  const wrong = drawn.filter((n) => bloc.has(n.id) && Number(n.bloc) !== bloc.get(n.id));
  const coloured = drawn.filter((n) => n.bloc !== undefined).length;
  const status = await page.textContent('#coalitions-status');
  check(`${prefix}coalitions: as many blocs as the coalitions field, every actor in its bloc`,
    want.blocs.length > 0 && wrong.length === 0 && coloured === drawn.filter((n) => bloc.has(n.id)).length && status.startsWith(`${want.blocs.length} bloc`),
    `${status} | ${coloured} of ${drawn.length} actors coloured, ${wrong.length} in the wrong bloc; GraphQL ${want.blocs.length} blocs`);
  const balanceShown = want.balance.triads === 0 ? /no triangle/.test(status) : status.includes(`${want.balance.balanced} of ${want.balance.triads} triangle`);
  check(`${prefix}coalitions: the balance measure is shown`, balanceShown, status);
  const fills = new Map(drawn.map((n) => [n.bloc, n.fill]));
  check(`${prefix}coalitions: the two largest blocs have different colours`, want.blocs.length < 2 || fills.get('0') !== fills.get('1'), `${fills.get('0')} / ${fills.get('1')}`);
  await shot(`${shots}.png`);

  await page.click('#bloc-list a.bloc-link >> nth=0');
  await page.waitForSelector('#bloc-stances tbody tr');
  const rows = await page.$$eval('#bloc-stances tbody tr[data-stance-id]', (trs) => trs.length);
  const members = await page.$$eval('#bloc-members tbody tr', (trs) => trs.length);
  check(`${prefix}the largest bloc lists the stances holding it together`,
    rows === Math.min(want.blocs[0].stanceCount, 500) && members === want.blocs[0].actors.length,
    `${members} actors, ${rows} stances; GraphQL ${want.blocs[0].actors.length} actors, ${want.blocs[0].stanceCount} stances`);
  await shot(`${shots}-bloc.png`);
  await page.uncheck('#coalitions-on');
  await page.waitForFunction(() => !document.querySelector('#graph .node[data-bloc]'));
}

// The stance graph explorer. Plain JavaScript and SVG; the only server it
// talks to is the one it came from (see api.js). State lives in one object,
// the URL fragment names what the details panel shows (#actor=ID,
// #stance=ID, #doc=ID&start=S&end=E, #edge=SUBJECT,OBJECT,TYPE, #bloc=I;
// an actor's timeline adds &with=ID&bucket=WIDTH) so that the back button
// and shared links work.

import { forceLayout, resolveCollisions } from './layout.js';
import { chooseColumns } from './table.js';
import { zoomAt, fitView, neighbourhood, filterStances, dateStops } from './view.js';
import { gql, post, collect } from './api.js';
import { followFeed } from './live.js';
import { BUCKETS, timelineGeometry, bucketLabel, bucketTotal, balanceText, blocClass, blocIndex, moveBucket, signed, COLOURED_BLOCS } from './analysis.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
// Up to this many actors, actors without any visible stance are drawn too,
// so a small graph shows everyone; past it they would only add clutter.
const SHOW_ISOLATED_UP_TO = 80;
// At most this many actors are drawn, the ones with the most stances; the
// layout keeps every label apart, so this bounds only the layout's time.
const MAX_DRAWN = 400;

// Colours from the Okabe-Ito palette, chosen to stay apart for the common
// forms of colour blindness; each type also has its own dash pattern so the
// types stay apart in grey print and for readers who see no colour at all.
const TYPE_STYLES = {
  SUPPORTS: { color: '#009E73', dash: [] },
  REJECTS: { color: '#D55E00', dash: [10, 5] },
  DEMANDS: { color: '#0072B2', dash: [2, 4] },
  ACCUSES: { color: '#CC79A7', dash: [12, 4, 2, 4] },
  OFFERS: { color: '#E69F00', dash: [5, 3] },
  ENGAGES: { color: '#56B4E9', dash: [14, 3, 2, 3, 2, 3] },
};
// Types a deployment adds through its vocabulary file get these in turn.
const EXTRA_STYLES = [
  { color: '#000000', dash: [1, 3] },
  { color: '#999999', dash: [8, 2, 8, 6] },
  { color: '#882255', dash: [3, 2, 3, 6] },
  { color: '#44AA99', dash: [16, 4] },
];

const state = {
  types: [], // vocabulary: [{type, description, weight}]
  enabled: new Set(), // types whose stances are shown
  from: '',
  to: '',
  actors: new Map(), // id -> actor
  allStances: [], // every stance loaded: {id, type, date, subject: {id}, object: {id}}
  stanceTotal: 0,
  dateStops: [], // the distinct stance dates, sorted: the time slider's stops
  layoutKey: '', // the actors the positions were computed for
  layoutIds: [], // the actors placed, alphabetical
  drawnIds: new Set(),
  positions: new Map(), // id -> {x, y}, in layout coordinates
  radius: new Map(), // id -> circle radius
  labels: new Map(), // id -> label box {width, height, top}
  view: { k: 1, x: 0, y: 0 }, // zoom and pan
  viewWidth: 0, // the drawing's size on screen, in pixels
  viewHeight: 0,
  edgeViews: [], // drawn arrows with their paths, for dragging
  shownEdges: [], // arrows drawn under the current filters
  gesture: null, // a press on the drawing: a pan, or a drag of an actor
  suppressClick: false,
  focusHops: 0, // 0 for the whole graph, else 1 or 2
  selected: null, // actor id shown in the details panel
  selectedArrow: null, // {source, target, type} of the stance or arrow shown
  matches: new Set(), // actor ids found by the search box
  hidden: 0, // actors left out of the drawing for its size
  loadSeq: 0,
  searchSeq: 0,
  coalitionsOn: false, // colour actors by coalition
  coalitions: null, // the coalitions field's answer, when on
  blocOf: null, // actor id -> bloc index, when on
  coalitionSeq: 0,
  timeline: null, // {a, b, bucket, buckets, active}: the timeline shown
  timelineSeq: 0,
};

// ---- small DOM helpers ------------------------------------------------------

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

// fill replaces the children of node, skipping null, undefined and false
// (replaceChildren would print them as text).
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
}

function styleOf(type) {
  if (TYPE_STYLES[type]) return TYPE_STYLES[type];
  const extra = state.types.map((t) => t.type).filter((t) => !TYPE_STYLES[t]);
  const i = Math.max(extra.indexOf(type), 0);
  return EXTRA_STYLES[i % EXTRA_STYLES.length];
}

function dashFor(type, width) {
  // Dash lengths grow with the stroke so thick edges keep a readable rhythm.
  const f = Math.max(1, width / 2);
  return styleOf(type).dash.map((d) => d * f).join(' ') || null;
}

function setStatus(node, text, isError = false) {
  node.textContent = text;
  node.classList.toggle('error', isError);
}

function errorText(err) {
  return err && err.message ? err.message : String(err);
}

function actorName(id) {
  const a = state.actors.get(id);
  return a ? a.name : id;
}

function pretty(s) {
  return s.toLowerCase().replace(/_/g, ' ');
}

// ---- GraphQL documents -------------------------------------------------------

const Q_START = `query Start { vocabulary { type description weight } stats { actors stances documents } }`;
const Q_STATS = `query Stats { stats { actors stances documents } }`;
const Q_ACTORS = `query Actors($first: Int, $after: String) {
  actors(first: $first, after: $after) {
    totalCount
    nodes { id name kind aliases country code wikidata }
    pageInfo { hasNextPage endCursor }
  }
}`;
const Q_GRAPH = `query GraphStances($filter: StanceFilter, $first: Int, $after: String) {
  stances(filter: $filter, first: $first, after: $after) {
    totalCount
    nodes { id type date subject { id } object { id } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ROW_FIELDS = `id type topic date confidence retracted
  subject { id name } object { id name }
  evidence { quote document { id title source } }`;
const Q_ACTOR = `query ActorStances($id: ID!, $types: [StanceType!], $from: Date, $to: Date) {
  actor(id: $id) {
    id name kind aliases country code wikidata degree
    stances(direction: BOTH, types: $types, from: $from, to: $to, first: 500) {
      totalCount
      nodes { ${ROW_FIELDS} }
    }
  }
}`;
const Q_EDGE = `query EdgeStances($filter: StanceFilter) {
  stances(filter: $filter, first: 500) { totalCount nodes { ${ROW_FIELDS} } }
}`;
const Q_STANCE = `query StanceDetail($id: ID!) {
  stance(id: $id) {
    id type topic date confidence retracted
    subject { id name } object { id name }
    evidence { quote start end document { id title source url date } }
  }
}`;
const Q_DOCUMENT = `query DocumentText($id: ID!) {
  document(id: $id) { id title source url date text }
}`;
const Q_SEARCH = `query SearchActors($search: String!) {
  actors(search: $search, first: 20) { totalCount nodes { id name kind aliases } }
}`;

const Q_TIMELINE = `query Timeline($a: ID!, $b: ID, $bucket: TimeBucket, $from: Date, $to: Date) {
  timeline(a: $a, b: $b, bucket: $bucket, from: $from, to: $to) {
    bucket
    buckets { start end total net counts { type count } }
  }
}`;
// The stances of one bucket: the same field over the bucket's own days.
const Q_BUCKET = `query BucketStances($a: ID!, $b: ID, $bucket: TimeBucket, $from: Date, $to: Date) {
  timeline(a: $a, b: $b, bucket: $bucket, from: $from, to: $to) {
    buckets { start end total stances(first: 500) { ${ROW_FIELDS} references { dataset record } } }
  }
}`;
const Q_COALITIONS = `query Coalitions($from: Date, $to: Date) {
  coalitions(from: $from, to: $to) {
    frustration
    balance { triads balanced share }
    blocs { stanceCount actors { id } }
    actors { actor { id } bloc }
  }
}`;
const Q_BLOC = `query BlocStances($from: Date, $to: Date) {
  coalitions(from: $from, to: $to) {
    blocs { stanceCount actors { id name } stances(first: 500) { ${ROW_FIELDS} references { dataset record } } }
    actors { actor { id } balance { triads balanced share } }
  }
}`;

const EXAMPLES = [
  {
    name: 'Statistics and vocabulary',
    query: `{\n  stats { actors stances documents }\n  vocabulary { type description weight plover cameo }\n}\n`,
    variables: {},
  },
  {
    name: 'An actor and its stances',
    query: `query ActorStances($name: String) {
  actor(name: $name) {
    name
    aliases
    stances(direction: BOTH) {
      totalCount
      nodes {
        type
        subject { name }
        object { name }
        date
        evidence { quote document { source } }
      }
    }
  }
}
`,
    variables: { name: 'Taliban' },
  },
  {
    name: 'Dyad of two actors',
    query: `query Dyad($a: ID!, $b: ID!) {
  dyad(a: $a, b: $b) {
    aToB { type count }
    bToA { type count }
    stances { nodes { date type subject { name } object { name } } }
  }
}
`,
    variables: { a: 'United States', b: 'Taliban' },
  },
  {
    name: 'Paths between two actors',
    query: `query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxHops: 3) {
    actors { name }
    stances { type subject { name } object { name } }
  }
}
`,
    variables: { from: 'Russia', to: 'Kabul government' },
  },
  {
    name: 'Stance matrix',
    query: `{\n  matrix { subject { name } object { name } type count }\n}\n`,
    variables: {},
  },  {
    name: 'Timeline, shifts, alignment and coalitions',
    query: `query Analysis($a: ID!, $b: ID!) {
  timeline(a: $a, b: $b, bucket: YEAR) { buckets { start total net counts { type count } } }
  shifts(a: $a, b: $b, bucket: MONTH) { date kind before after afterStances { date type evidence { quote } } }
  alignment(actor: $a, first: 3) { actor { name } score shared { counterpart { name } contribution } }
  coalitions { balance { triads balanced share } frustration blocs { actors { name } stanceCount } }
}
`,
    variables: { a: 'Pakistan', b: 'United States' },
  },
];

// ---- start-up ----------------------------------------------------------------

async function main() {
  bindControls();
  const status = $('graph-status');
  try {
    const data = await gql(Q_START);
    state.types = data.vocabulary;
    state.enabled = new Set(state.types.map((t) => t.type));
    renderStats(data.stats);
    renderTypeFilter();
    await loadGraph();
  } catch (err) {
    setStatus(status, `Could not load the graph: ${errorText(err)}`, true);
  }
  await route();
  followFeed({ onChange: onLiveChange, status: $('live-status') });
}

// onLiveChange redraws after stances were added or retracted elsewhere.
async function onLiveChange() {
  try {
    renderStats((await gql('{ stats { actors stances documents } }')).stats);
  } catch {
    // the graph's own reload reports what went wrong
  }
  await refresh();
}

function bindControls() {
  $('from').addEventListener('change', onDateChange);
  $('to').addEventListener('change', onDateChange);
  $('date-from-range').addEventListener('input', () => onSliderInput('from'));
  $('date-to-range').addEventListener('input', () => onSliderInput('to'));
  $('reset-filters').addEventListener('click', () => {
    state.enabled = new Set(state.types.map((t) => t.type));
    setDates('', '');
    renderTypeFilter();
    filtersChanged();
  });
  $('focus-hops').addEventListener('change', () => {
    state.focusHops = Number($('focus-hops').value);
    markSelection();
    focusView();
  });
  $('zoom-in').addEventListener('click', () => zoomBy(1.4));
  $('zoom-out').addEventListener('click', () => zoomBy(1 / 1.4));
  $('zoom-fit').addEventListener('click', () => {
    state.view = fitView(contentBounds(state.drawnIds), state.viewWidth, state.viewHeight);
    applyView();
  });
  bindGraphGestures($('graph'));
  $('coalitions-on').addEventListener('change', () => {
    state.coalitionsOn = $('coalitions-on').checked;
    loadCoalitions();
  });
  $('search').addEventListener('input', onSearchInput);
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const first = $('search-results').querySelector('a');
    if (first) first.click();
  });
  window.addEventListener('hashchange', () => {
    route();
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      if (state.types.length) renderGraph();
    }, 200);
  });
  new ResizeObserver(() => refitTables()).observe($('details-body'));

  const examples = $('gql-examples');
  EXAMPLES.forEach((ex, i) => examples.append(el('option', { value: i }, ex.name)));
  examples.addEventListener('change', () => loadExample(Number(examples.value)));
  loadExample(0);
  $('gql-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    runConsole();
  });
  for (const id of ['gql-query', 'gql-variables']) {
    $(id).addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        runConsole();
      }
    });
  }
}

function onDateChange() {
  const from = $('from').value;
  const to = $('to').value;
  if (from && to && from > to) {
    setStatus($('graph-status'), `The date range is empty: ${from} is after ${to}.`, true);
    return;
  }
  setDates(from, to);
  filtersChanged();
}

// onSliderInput moves one end of the time range to the date stop under the
// slider; the other end gives way so that the range is never empty. With
// both ends at the outermost stops the date filter is off, which brings the
// undated stances back.
function onSliderInput(end) {
  const stops = state.dateStops;
  if (!stops.length) return;
  let lo = Number($('date-from-range').value);
  let hi = Number($('date-to-range').value);
  if (lo > hi) {
    if (end === 'from') hi = lo;
    else lo = hi;
  }
  const whole = lo === 0 && hi === stops.length - 1;
  setDates(whole ? '' : stops[lo], whole ? '' : stops[hi]);
  filtersChanged();
}

// setDates sets the date range and shows it in both the date fields and
// the time slider.
function setDates(from, to) {
  state.from = from;
  state.to = to;
  $('from').value = from;
  $('to').value = to;
  syncSlider();
}

function syncSlider() {
  const stops = state.dateStops;
  const lo = $('date-from-range');
  const hi = $('date-to-range');
  const last = Math.max(stops.length - 1, 0);
  lo.max = hi.max = String(last);
  lo.disabled = hi.disabled = stops.length < 2;
  let a = 0;
  let b = last;
  if (state.from) a = Math.max(0, stops.findIndex((d) => d >= state.from));
  if (state.to) {
    const i = stops.findLastIndex((d) => d <= state.to);
    b = i < 0 ? 0 : i;
  }
  lo.value = String(a);
  hi.value = String(b);
  lo.setAttribute('aria-valuetext', stops[a] || 'no dates');
  hi.setAttribute('aria-valuetext', stops[b] || 'no dates');
  $('date-range-out').textContent = stops.length
    ? `${state.from || stops[0]} – ${state.to || stops[last]}${state.from || state.to ? '' : ' (all dates)'}`
    : 'No stance has a date.';
}

// filtersChanged redraws the graph at once, filtering the stances already
// loaded, and the details panel a moment later, since a slider being
// dragged changes the range many times a second and the panel asks the
// server.
let routeTimer = 0;
function filtersChanged() {
  renderTypeFilter();
  renderGraph();
  if (state.coalitionsOn) loadCoalitions();
  clearTimeout(routeTimer);
  routeTimer = setTimeout(route, 250);
}

// refresh reloads the graph from the server and redraws whatever the
// details panel shows.
async function refresh() {
  try {
    await loadGraph();
    if (state.coalitionsOn) await loadCoalitions();
  } catch (err) {
    setStatus($('graph-status'), `Could not load the graph: ${errorText(err)}`, true);
  }
  await route();
}

function renderStats(stats) {
  $('stats').textContent = `${stats.actors} actors · ${stats.stances} stances · ${stats.documents} documents`;
}

// ---- filters ----------------------------------------------------------------

function typeFilterArg() {
  return state.enabled.size === state.types.length ? null : [...state.enabled];
}

function swatch(type) {
  const st = styleOf(type);
  return svg(
    'svg',
    { class: 'swatch', width: 44, height: 12, viewBox: '0 0 44 12', 'aria-hidden': 'true', focusable: 'false' },
    svg('line', { x1: 1, y1: 6, x2: 34, y2: 6, stroke: st.color, 'stroke-width': 3, 'stroke-dasharray': dashFor(type, 3) }),
    svg('path', { d: 'M33,1 L43,6 L33,11 z', fill: st.color }),
  );
}

function renderTypeFilter() {
  const box = $('type-list');
  box.replaceChildren();
  // Counts follow the date range but not the types, so an unchecked type
  // still says how many stances checking it would bring.
  const counts = countByType(filterStances(state.allStances, new Set(state.types.map((t) => t.type)), state.from, state.to));
  for (const t of state.types) {
    const id = `type-${t.type}`;
    const input = el('input', { type: 'checkbox', id, value: t.type });
    input.checked = state.enabled.has(t.type);
    input.addEventListener('change', () => {
      if (input.checked) state.enabled.add(t.type);
      else state.enabled.delete(t.type);
      filtersChanged();
    });
    box.append(
      el(
        'li',
        {},
        input,
        el('label', { for: id, title: t.description }, swatch(t.type), ` ${t.type}`, el('span', { class: 'count' }, ` (${counts.get(t.type) || 0})`)),
      ),
    );
  }
}

function countByType(stances) {
  const m = new Map();
  for (const s of stances) m.set(s.type, (m.get(s.type) || 0) + 1);
  return m;
}

// ---- graph --------------------------------------------------------------------

// loadGraph fetches every actor and every stance once; the filters then
// work on what is loaded, so that the time slider redraws at once.
async function loadGraph() {
  const seq = ++state.loadSeq;
  setStatus($('graph-status'), 'Loading the graph…');
  const [actors, stances, stats] = await Promise.all([
    collect(Q_ACTORS, {}, (d) => d.actors),
    collect(Q_GRAPH, { filter: {} }, (d) => d.stances),
    gql(Q_STATS),
  ]);
  if (seq !== state.loadSeq) return; // a newer load has started
  state.actors = new Map(actors.nodes.map((a) => [a.id, a]));
  state.allStances = stances.nodes;
  state.stanceTotal = stances.total;
  state.dateStops = dateStops(stances.nodes);
  renderStats(stats.stats);
  syncSlider();
  renderTypeFilter();
  renderGraph();
}

function visibleStances() {
  return filterStances(state.allStances, state.enabled, state.from, state.to);
}

// edgesOf groups stances by subject, object and type; one arrow per group.
function edgesOf(stances) {
  const groups = new Map();
  for (const s of stances) {
    const key = `${s.subject.id}|${s.object.id}|${s.type}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, source: s.subject.id, target: s.object.id, type: s.type, ids: [], first: null, last: null };
      groups.set(key, g);
    }
    g.ids.push(s.id);
    if (s.date) {
      if (!g.first || s.date < g.first) g.first = s.date;
      if (!g.last || s.date > g.last) g.last = s.date;
    }
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function nodeRadius(degree) {
  return Math.min(24, 9 + 2.2 * Math.sqrt(degree));
}

function edgeWidth(count) {
  return Math.min(11, 1.6 + 2.2 * Math.sqrt(count - 1));
}

function renderGraph() {
  const root = $('graph');
  ensureLayout(root);
  sizeView(root);
  const visible = visibleStances();
  const edges = edgesOf(visible).filter((e) => state.drawnIds.has(e.source) && state.drawnIds.has(e.target));
  const degree = new Map();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) || 0) + e.ids.length);
    degree.set(e.target, (degree.get(e.target) || 0) + e.ids.length);
  }
  const everyone = state.actors.size <= SHOW_ISOLATED_UP_TO;
  const ids = state.layoutIds.filter((id) => everyone || degree.has(id));

  const defs = svg('defs');
  for (const t of state.types) {
    defs.append(
      svg(
        'marker',
        { id: `arrow-${t.type}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 11, markerHeight: 11, markerUnits: 'userSpaceOnUse', orient: 'auto' },
        svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: styleOf(t.type).color }),
      ),
    );
  }
  // Arrows between one pair of actors are spread out as curves so that
  // several types, and both directions, stay visible.
  const byPair = new Map();
  for (const e of edges) {
    const pk = e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`;
    if (!byPair.has(pk)) byPair.set(pk, []);
    byPair.get(pk).push(e);
  }
  state.edgeViews = [];
  const edgeLayer = svg('g', { class: 'edges' });
  for (const group of byPair.values()) {
    group.forEach((e, i) => {
      const view = drawEdge(e, (i - (group.length - 1) / 2) * 16);
      state.edgeViews.push(view);
      edgeLayer.append(view.g);
    });
  }
  // Nodes come after the arrows, so that no arrow is drawn over a label.
  const nodeLayer = svg('g', { class: 'nodes' });
  for (const id of ids) nodeLayer.append(drawNode(id, degree.get(id) || 0));
  const viewport = svg('g', { class: 'viewport' }, edgeLayer, nodeLayer);
  root.replaceChildren(defs, viewport);
  applyView();
  if (edges.length === 0) {
    root.append(svg('text', { x: state.viewWidth / 2, y: 30, 'text-anchor': 'middle', class: 'empty' }, 'No stances match the filters.'));
  }
  state.shownEdges = edges;
  renderEdgeTable(edges);
  renderGraphStatus(visible.length, edges);
  markSelection();
}

// renderGraphStatus says how many stances the drawing shows: the sum of its
// arrows' stances, the same number the table under the graph adds up to.
function renderGraphStatus(visible, edges) {
  const shown = edges.reduce((n, e) => n + e.ids.length, 0);
  const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
  let text = `${plural(shown, 'stance')} shown as ${plural(edges.length, 'arrow')}`;
  if (visible > shown) text += `; ${visible - shown} more are between actors left out`;
  if (state.hidden) text += `; the ${MAX_DRAWN} actors with most stances are drawn, ${state.hidden} more are left out`;
  if (state.stanceTotal > state.allStances.length) text += ` (the first ${state.allStances.length} of ${state.stanceTotal} stances are loaded)`;
  if (state.enabled.size === 0) text = 'No stance type selected.';
  setStatus($('graph-status'), text);
}

// layoutActors picks the actors the drawing places: every actor with a
// stance (the busiest MAX_DRAWN of them on a large graph) and, on a small
// graph, the others too. It ignores the filters, so that filtering hides
// arrows and actors without moving anyone.
function layoutActors() {
  const degree = new Map();
  for (const s of state.allStances) {
    degree.set(s.subject.id, (degree.get(s.subject.id) || 0) + 1);
    degree.set(s.object.id, (degree.get(s.object.id) || 0) + 1);
  }
  let ids = [...degree.keys()].filter((id) => state.actors.has(id));
  let hidden = 0;
  if (ids.length > MAX_DRAWN) {
    // A drawing of thousands of actors is unreadable and slow to lay out:
    // keep the busiest, and say so; search and filters reach the rest.
    ids.sort((a, b) => degree.get(b) - degree.get(a) || (actorName(a) < actorName(b) ? -1 : 1));
    hidden = ids.length - MAX_DRAWN;
    ids = ids.slice(0, MAX_DRAWN);
  } else if (state.actors.size <= SHOW_ISOLATED_UP_TO) {
    ids = [...state.actors.keys()];
  }
  ids.sort((a, b) => compareText(actorName(a).toLowerCase(), actorName(b).toLowerCase()) || compareText(a, b));
  return { ids, degree, hidden };
}

function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ensureLayout places the actors when the set of actors to place has
// changed. The layout has its own coordinates, one unit a pixel at zoom 1,
// independent of the screen: a resize refits the view, never re-places.
function ensureLayout(root) {
  const { ids, degree, hidden } = layoutActors();
  state.hidden = hidden;
  const key = ids.join('\n') + '|' + ids.map((id) => actorName(id)).join('\n');
  if (key === state.layoutKey) return;
  state.layoutKey = key;
  state.layoutIds = ids;
  state.drawnIds = new Set(ids);
  state.radius = new Map(ids.map((id) => [id, nodeRadius(degree.get(id) || 0)]));
  state.labels = measureLabels(root, ids);
  const { width, height } = viewSize(root);
  state.positions = placeNodes(ids, degree, width, height);
  state.viewWidth = 0; // refit on the next sizeView
}

// measureLabels asks the browser for each label's box, in the font it is
// drawn in, so that the layout keeps exactly those boxes apart.
function measureLabels(root, ids) {
  const texts = ids.map((id) => svg('text', { class: 'label' }, actorName(id)));
  const probe = svg('g', { 'aria-hidden': 'true' }, texts);
  root.append(probe);
  const boxes = new Map(ids.map((id, i) => {
    const b = texts[i].getBBox();
    return [id, { width: b.width, height: b.height, top: b.y }];
  }));
  probe.remove();
  return boxes;
}

// The room kept around a label beyond its glyphs: its white halo.
const LABEL_PAD = 2.5;
// The space between a circle and its label.
const LABEL_GAP = 2;

// footprint is the box an actor takes: its circle and the label below.
function footprint(id) {
  const r = state.radius.get(id);
  const lb = state.labels.get(id);
  const half = Math.max(r, lb.width / 2 + LABEL_PAD);
  return { left: -half, right: half, top: -r - 1, bottom: r + LABEL_GAP + lb.height + LABEL_PAD };
}

// placeNodes lays out the actors that have stances with the force layout in
// a box of the view's shape, at least the view's size and large enough for
// all their footprints, lines up the others along the bottom, and then
// moves footprints apart until none overlaps.
function placeNodes(ids, degree, viewWidth, viewHeight) {
  const connected = ids.filter((id) => degree.get(id)).map((id) => ({ id, key: actorName(id).toLowerCase() }));
  const isolated = ids.filter((id) => !degree.get(id));
  let need = 0;
  let widest = 0;
  for (const id of ids) {
    const f = footprint(id);
    need += (f.right - f.left) * (f.bottom - f.top);
    widest = Math.max(widest, f.right - f.left);
  }
  const area = Math.max(viewWidth * viewHeight, 2 * need);
  const width = Math.sqrt((area * viewWidth) / viewHeight);
  const height = area / width;
  const spacing = widest + 10;
  const perRow = Math.max(1, Math.floor(width / spacing));
  const band = isolated.length ? Math.ceil(isolated.length / perRow) * 50 + 10 : 0;
  const drawn = new Set(ids);
  const links = edgesOf(state.allStances)
    .filter((e) => drawn.has(e.source) && drawn.has(e.target))
    .map((e) => ({ source: e.source, target: e.target, weight: e.ids.length }));
  const pos = forceLayout(connected, links, { width, height: Math.max(height - band, 200), margin: 60 });
  isolated.forEach((id, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, isolated.length - row * perRow);
    const x0 = (width - (inRow - 1) * spacing) / 2;
    pos.set(id, { x: x0 + (i % perRow) * spacing, y: height - band + 30 + row * 50 });
  });
  return resolveCollisions(ids.map((id) => ({ id, ...pos.get(id), ...footprint(id) })), { gap: 2 });
}

// contentBounds is the box around the footprints of the given actors.
function contentBounds(ids) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const id of ids) {
    const p = state.positions.get(id);
    if (!p) continue;
    const f = footprint(id);
    minX = Math.min(minX, p.x + f.left);
    maxX = Math.max(maxX, p.x + f.right);
    minY = Math.min(minY, p.y + f.top);
    maxY = Math.max(maxY, p.y + f.bottom);
  }
  if (!Number.isFinite(minX)) return { minX: 0, minY: 0, maxX: 1, maxY: 1 };
  return { minX, minY, maxX, maxY };
}

// sizeView gives the drawing the pixel size it is shown at, so that one unit
// is one pixel at zoom 1, and fits the graph into it when the size changed.
function sizeView(root) {
  const { width, height } = viewSize(root);
  if (width === state.viewWidth && height === state.viewHeight) return;
  state.viewWidth = width;
  state.viewHeight = height;
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  state.view = fitView(contentBounds(state.drawnIds), width, height);
}

// viewSize is the drawing's size on screen: the panel's width, and a
// height that grows with the number of actors.
function viewSize(root) {
  const width = Math.max(320, Math.round(root.getBoundingClientRect().width || 1000));
  const many = state.layoutIds.length > 60;
  const height = Math.round(Math.min(Math.max(width * (many ? 0.9 : 0.66), 420), 1000));
  return { width, height };
}

function applyView() {
  const v = state.view;
  const g = $('graph').querySelector('.viewport');
  if (g) g.setAttribute('transform', `translate(${f1(v.x)},${f1(v.y)}) scale(${v.k.toFixed(4)})`);
  $('zoom-level').textContent = `${Math.round(v.k * 100)}%`;
}

function zoomBy(factor) {
  state.view = zoomAt(state.view, { x: state.viewWidth / 2, y: state.viewHeight / 2 }, factor);
  applyView();
}

// focusView brings the focused neighbourhood into view.
function focusView() {
  if (!state.selected || !state.focusHops || !state.drawnIds.has(state.selected)) return;
  const near = neighbourhood(state.shownEdges, state.selected, state.focusHops);
  state.view = fitView(contentBounds(near), state.viewWidth, state.viewHeight, { margin: 30, maxZoom: 1.5 });
  applyView();
}

// svgPoint converts a pointer event's position to drawing coordinates.
function svgPoint(root, ev) {
  const r = root.getBoundingClientRect();
  return { x: ((ev.clientX - r.left) * state.viewWidth) / r.width, y: ((ev.clientY - r.top) * state.viewHeight) / r.height };
}

// bindGraphGestures makes the drawing zoom with the wheel, pan when dragged
// on its background, and move an actor dragged by its circle. A press that
// moves less than a few pixels is a click, so selecting still works.
function bindGraphGestures(root) {
  root.addEventListener(
    'wheel',
    (ev) => {
      ev.preventDefault();
      state.view = zoomAt(state.view, svgPoint(root, ev), Math.exp(-ev.deltaY * 0.0015));
      applyView();
    },
    { passive: false },
  );
  root.addEventListener('pointerdown', (ev) => {
    if (ev.button !== 0) return;
    const node = ev.target.closest('.node');
    const id = node ? node.dataset.actorId : null;
    state.gesture = { id, start: svgPoint(root, ev), view0: { ...state.view }, pos0: id ? { ...state.positions.get(id) } : null, moved: false };
  });
  window.addEventListener('pointermove', (ev) => {
    const g = state.gesture;
    if (!g) return;
    const p = svgPoint(root, ev);
    const dx = p.x - g.start.x;
    const dy = p.y - g.start.y;
    if (!g.moved && Math.hypot(dx, dy) < 4) return;
    g.moved = true;
    root.classList.add('dragging');
    if (g.id) {
      state.positions.set(g.id, { x: g.pos0.x + dx / state.view.k, y: g.pos0.y + dy / state.view.k });
      placeDrawn(new Set([g.id]));
    } else {
      state.view = { k: g.view0.k, x: g.view0.x + dx, y: g.view0.y + dy };
      applyView();
    }
  });
  window.addEventListener('pointerup', () => {
    const g = state.gesture;
    state.gesture = null;
    root.classList.remove('dragging');
    if (!g || !g.moved) return;
    // The click that ends a drag is not a selection.
    state.suppressClick = true;
    setTimeout(() => {
      state.suppressClick = false;
    }, 0);
    if (g.id) settleAfterDrag(g.id);
  });
}

// settleAfterDrag keeps the dragged actor where it was dropped and moves
// the others out of its way, so that labels stay apart after a drag too.
function settleAfterDrag(id) {
  const items = state.layoutIds.map((a) => ({ id: a, ...state.positions.get(a), ...footprint(a), pinned: a === id }));
  state.positions = resolveCollisions(items, { gap: 2 });
  placeDrawn(null);
}

// placeDrawn moves the drawn actors (those in only, when given) to their
// positions and redraws the arrows that touch them.
function placeDrawn(only) {
  for (const n of $('graph').querySelectorAll('.node')) {
    const id = n.dataset.actorId;
    if (only && !only.has(id)) continue;
    const p = state.positions.get(id);
    n.setAttribute('transform', `translate(${f1(p.x)},${f1(p.y)})`);
  }
  for (const v of state.edgeViews) {
    if (only && !only.has(v.edge.source) && !only.has(v.edge.target)) continue;
    const d = edgePath(v.edge, v.offset);
    for (const path of v.paths) path.setAttribute('d', d);
  }
}

function edgePath(e, offset) {
  const s = state.positions.get(e.source);
  const t = state.positions.get(e.target);
  const rs = state.radius.get(e.source) || 10;
  const rt = state.radius.get(e.target) || 10;
  if (e.source === e.target) {
    const r = rs;
    return `M${f1(s.x - r * 0.6)},${f1(s.y - r * 0.8)} C${f1(s.x - 45)},${f1(s.y - 70)} ${f1(s.x + 45)},${f1(s.y - 70)} ${f1(s.x + r * 0.6)},${f1(s.y - r * 0.8 - 2)}`;
  }
  // The normal is taken for the pair's canonical direction, so A->B and
  // B->A with opposite offsets land on opposite sides.
  const flip = e.source < e.target ? 1 : -1;
  const vx = (t.x - s.x) * flip;
  const vy = (t.y - s.y) * flip;
  const len = Math.hypot(vx, vy) || 1;
  const cx = (s.x + t.x) / 2 + (-vy / len) * offset * 2;
  const cy = (s.y + t.y) / 2 + (vx / len) * offset * 2;
  const a = towards(s, { x: cx, y: cy }, rs + 1);
  const b = towards(t, { x: cx, y: cy }, rt + 2);
  return `M${f1(a.x)},${f1(a.y)} Q${f1(cx)},${f1(cy)} ${f1(b.x)},${f1(b.y)}`;
}

function drawEdge(e, offset) {
  const width = edgeWidth(e.ids.length);
  const d = edgePath(e, offset);
  const n = e.ids.length;
  const label = `${actorName(e.source)} ${e.type} ${actorName(e.target)}: ${n} stance${n === 1 ? '' : 's'}` +
    (e.first ? `, ${e.first === e.last ? e.first : `${e.first} to ${e.last}`}` : '');
  const hit = svg('path', { class: 'edge-hit', d });
  const line = svg('path', {
    class: 'edge-line',
    d,
    stroke: styleOf(e.type).color,
    'stroke-width': f1(width),
    'stroke-dasharray': dashFor(e.type, width),
    'marker-end': `url(#arrow-${e.type})`,
  });
  const g = svg(
    'g',
    {
      class: 'edge',
      'data-source': e.source,
      'data-target': e.target,
      'data-type': e.type,
      onclick: () => state.suppressClick || openEdge(e),
    },
    svg('title', {}, label),
    hit,
    line,
  );
  return { edge: e, offset, g, paths: [hit, line] };
}

function towards(from, to, dist) {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / len) * dist, y: from.y + (dy / len) * dist };
}

function f1(v) {
  return Math.round(v * 10) / 10;
}

function drawNode(id, degree) {
  const a = state.actors.get(id);
  const kind = a ? pretty(a.kind) : 'actor';
  const p = state.positions.get(id);
  const r = state.radius.get(id);
  const lb = state.labels.get(id);
  const bloc = state.blocOf ? state.blocOf.get(id) : undefined;
  const inBloc = bloc !== undefined;
  return svg(
    'g',
    {
      class: inBloc ? `node ${blocClass(bloc)}` : 'node',
      'data-bloc': inBloc ? bloc : null,
      transform: `translate(${f1(p.x)},${f1(p.y)})`,
      tabindex: 0,
      role: 'button',
      'data-actor-id': id,
      'data-name': actorName(id),
      'aria-label': `${actorName(id)}, ${kind}, ${degree} stance${degree === 1 ? '' : 's'} shown${inBloc ? `, bloc ${bloc + 1}` : ''}`,
      onclick: () => state.suppressClick || selectActor(id, false),
      onkeydown: (ev) => onNodeKey(ev, id),
    },
    svg('title', {}, `${actorName(id)} (${kind}${inBloc ? `, bloc ${bloc + 1}` : ''})`),
    svg('circle', { r: f1(r) }),
    // The label's top sits LABEL_GAP under the circle, where its footprint
    // was measured.
    svg('text', { class: 'label', y: f1(r + LABEL_GAP - lb.top), 'text-anchor': 'middle' }, actorName(id)),
  );
}

function onNodeKey(ev, id) {
  if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    selectActor(id, true);
    return;
  }
  const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
  if (step) {
    // Arrow keys walk the actors in alphabetical order, the same order as
    // the tab sequence, without leaving the graph.
    ev.preventDefault();
    const all = [...$('graph').querySelectorAll('.node')];
    const i = all.findIndex((n) => n.dataset.actorId === id);
    all[(i + step + all.length) % all.length].focus();
  } else if (ev.key === 'Escape') {
    location.hash = '';
  }
}

function selectActor(id, fromKeyboard) {
  const hash = `#actor=${encodeURIComponent(id)}`;
  if (location.hash === hash) showActor(id, fromKeyboard);
  else {
    state.focusDetails = fromKeyboard;
    location.hash = hash;
  }
}

function openEdge(e) {
  if (e.ids.length === 1) location.hash = `#stance=${encodeURIComponent(e.ids[0])}`;
  else location.hash = `#edge=${[e.source, e.target, e.type].map(encodeURIComponent).join(',')}`;
}

// markSelection shows what the details panel is about: a selected actor
// with its arrows, or the arrow of the stance or arrow shown, with the
// other arrows dimmed. With a focus of 1 or 2 hops, the actors and arrows
// outside the selected actor's neighbourhood are faded.
function markSelection() {
  const root = $('graph');
  const sel = state.selected;
  const arrow = state.selectedArrow; // {source, target, type} or null
  const near = sel && state.focusHops && state.drawnIds.has(sel) ? neighbourhood(state.shownEdges, sel, state.focusHops) : null;
  for (const n of root.querySelectorAll('.node')) {
    const id = n.dataset.actorId;
    const on = id === sel || Boolean(arrow && (id === arrow.source || id === arrow.target));
    n.classList.toggle('selected', on);
    n.classList.toggle('match', state.matches.has(id));
    n.classList.toggle('faded', Boolean(near) && !near.has(id));
    if (on) n.setAttribute('aria-pressed', 'true');
    else n.removeAttribute('aria-pressed');
  }
  for (const e of root.querySelectorAll('.edge')) {
    const d = e.dataset;
    let on = false;
    if (arrow) on = d.source === arrow.source && d.target === arrow.target && d.type === arrow.type;
    else if (sel) on = d.source === sel || d.target === sel;
    e.classList.toggle('incident', on);
    e.classList.toggle('dim', Boolean(sel || arrow) && !on && !near);
    e.classList.toggle('faded', Boolean(near) && !(near.has(d.source) && near.has(d.target)));
  }
  const status = $('focus-status');
  if (near) status.textContent = `${near.size} actor${near.size === 1 ? '' : 's'} within ${state.focusHops} hop${state.focusHops === 1 ? '' : 's'} of ${actorName(sel)}.`;
  else status.textContent = state.focusHops ? 'Select an actor to focus on its neighbourhood.' : '';
}

function select(actorId, arrow) {
  const changed = actorId !== state.selected;
  state.selected = actorId;
  state.selectedArrow = arrow;
  markSelection();
  if (changed && actorId) focusView();
}

function renderEdgeTable(edges) {
  const body = $('edge-table').querySelector('tbody');
  fill(body);
  for (const e of edges) {
    const dates = e.first ? (e.first === e.last ? e.first : `${e.first} – ${e.last}`) : '';
    body.append(
      el(
        'tr',
        {},
        el('td', {}, actorLink(e.source, actorName(e.source))),
        el('td', {}, typeLink(e)),
        el('td', {}, actorLink(e.target, actorName(e.target))),
        el('td', { class: 'num' }, String(e.ids.length)),
        el('td', {}, dates),
      ),
    );
  }
  const stances = edges.reduce((n, e) => n + e.ids.length, 0);
  $('edge-count').textContent = `(${edges.length} arrow${edges.length === 1 ? '' : 's'}, ${stances} stance${stances === 1 ? '' : 's'})`;
}

function typeLink(e) {
  const href = e.ids.length === 1 ? `#stance=${encodeURIComponent(e.ids[0])}` : `#edge=${[e.source, e.target, e.type].map(encodeURIComponent).join(',')}`;
  return el('a', { href, class: 'type' }, swatch(e.type), ` ${e.type}`);
}

function actorLink(id, name) {
  return el('a', { href: `#actor=${encodeURIComponent(id)}` }, name);
}

// ---- details panel ---------------------------------------------------------

async function route() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const body = $('details-body');
  try {
    // doc comes before stance: a document link carries the stance it came
    // from, for the way back.
    if (params.has('actor')) await showActor(params.get('actor'), state.focusDetails, params.get('with') || '', params.get('bucket') || 'MONTH');
    else if (params.has('bloc')) await showBloc(Number(params.get('bloc')));
    else if (params.has('doc')) await showDocument(params.get('doc'), params.get('start'), params.get('end'), params.get('stance'));
    else if (params.has('stance')) await showStance(params.get('stance'));
    else if (params.has('edge')) await showEdge(params.get('edge'));
    else showIntro();
  } catch (err) {
    fill(body, el('p', { class: 'error', role: 'alert' }, errorText(err)));
  }
  state.focusDetails = false;
}

function showIntro() {
  select(null, null);
  $('details-title').textContent = 'Details';
  fill($('details-body'), 
    el('p', {}, 'Select an actor in the graph (click it, or Tab to it and press Enter) to list its stances, then a stance to read its quotes.'),
  );
}

function detailsHeading(text, fromKeyboard) {
  const h = $('details-title');
  h.textContent = text;
  if (fromKeyboard) h.focus();
}

async function showActor(id, fromKeyboard, withId = '', bucket = 'MONTH') {
  const body = $('details-body');
  fill(body, el('p', {}, 'Loading…'));
  const data = await gql(Q_ACTOR, { id, types: typeFilterArg(), from: state.from || null, to: state.to || null });
  const a = data.actor;
  if (!a) {
    fill(body, el('p', { class: 'error' }, `No actor ${id}.`));
    return;
  }
  select(a.id, null);
  detailsHeading(a.name, fromKeyboard);
  const facts = el('dl', { class: 'facts' });
  const fact = (k, v) => v && facts.append(el('dt', {}, k), el('dd', {}, v));
  fact('Kind', pretty(a.kind));
  fact('Also known as', a.aliases.join(', '));
  fact('Country', a.country);
  fact('Code', a.code);
  fact('Wikidata', a.wikidata);
  fact('Stances in the store', String(a.degree));
  const conn = a.stances;
  const caption = `Stances of ${a.name} (held and received${filterNote()}): ${conn.nodes.length}` +
    (conn.totalCount > conn.nodes.length ? ` of ${conn.totalCount}` : '');
  const partners = counterpartsOf(a.id, conn.nodes);
  fill(body, facts, timelineSection(a, partners, withId, bucket), stanceTable(caption, conn.nodes, 'actor-stances'));
  await loadTimeline();
}

function filterNote() {
  const parts = [];
  const types = typeFilterArg();
  if (types) parts.push(types.length ? types.join(', ') : 'no types');
  if (state.from) parts.push(`from ${state.from}`);
  if (state.to) parts.push(`to ${state.to}`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

// STANCE_CELLS draws each column of a stance table; table.js decides which
// columns a table shows and which it folds under the quote.
const STANCE_CELLS = {
  subject: (s) => actorLink(s.subject.id, s.subject.name),
  type: (s) => el('a', { href: `#stance=${encodeURIComponent(s.id)}`, class: 'type', 'aria-label': `${s.type}: show quotes` }, swatch(s.type), ` ${s.type}`),
  object: (s) => actorLink(s.object.id, s.object.name),
  quote: (s) => {
    if (s.evidence[0]) return `“${s.evidence[0].quote}”`;
    // Event data is evidence by reference: the dataset's record.
    const r = s.references && s.references[0];
    return r ? `${r.dataset} event ${r.record}` : '';
  },
  date: (s) => s.date || '',
  source: (s) => {
    const ev = s.evidence[0];
    return ev ? ev.document.source || ev.document.title || '' : '';
  },
  topic: (s) => s.topic || '',
};

// tableRenderers redraws each stance table when its panel changes width.
const tableRenderers = new WeakMap();

// stanceTable lists stances with the columns that fit the details panel;
// the others are shown under each quote, so nothing is cut or lost.
function stanceTable(caption, stances, id) {
  const box = el('div', { class: 'table-fit' });
  let shownKeys = '';
  const render = () => {
    const cols = chooseColumns(detailsWidthEm());
    const keys = cols.shown.map((c) => c.key).join(',');
    if (keys === shownKeys) return;
    shownKeys = keys;
    fill(box, buildStanceTable(caption, stances, id, cols));
  };
  tableRenderers.set(box, render);
  render();
  return box;
}

function buildStanceTable(caption, stances, id, { shown, folded }) {
  const rows = stances.map((s) => {
    const cells = shown.map((c) => {
      if (c.key !== 'quote') return el('td', { class: c.key }, STANCE_CELLS[c.key](s));
      const extra = folded
        .map((f) => [f, STANCE_CELLS[f.key](s)])
        .filter(([, v]) => v !== '')
        .map(([f, v]) => el('span', { class: 'folded-item' }, `${f.header}: `, v));
      return el(
        'td',
        { class: 'quote' },
        STANCE_CELLS.quote(s),
        s.evidence.length > 1 ? el('span', { class: 'more' }, ` +${s.evidence.length - 1} more`) : null,
        extra.length ? el('span', { class: 'folded' }, extra) : null,
      );
    });
    return el('tr', { 'data-stance-id': s.id, class: s.retracted ? 'retracted' : null }, cells);
  });
  return el(
    'table',
    { id, class: 'stances', 'data-columns': shown.map((c) => c.key).join(' ') },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, shown.map((c) => el('th', { scope: 'col', class: c.key }, c.header)))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: shown.length }, 'No stances match.'))),
  );
}

// detailsWidthEm is the details panel's inner width in em of the tables'
// font (.9em of the panel's).
function detailsWidthEm() {
  const body = $('details-body');
  const font = parseFloat(getComputedStyle(body).fontSize) * 0.9;
  return body.clientWidth / font;
}

function refitTables() {
  for (const box of $('details-body').querySelectorAll('.table-fit')) {
    const render = tableRenderers.get(box);
    if (render) render();
  }
}

async function showEdge(spec) {
  const [source, target, type] = spec.split(',');
  const body = $('details-body');
  fill(body, el('p', {}, 'Loading…'));
  const filter = { subject: source, object: target, types: [type] };
  if (state.from) filter.from = state.from;
  if (state.to) filter.to = state.to;
  const data = await gql(Q_EDGE, { filter });
  select(null, { source, target, type });
  detailsHeading(`${actorName(source)} ${type} ${actorName(target)}`);
  const pair = `#actor=${encodeURIComponent(source)}&with=${encodeURIComponent(target)}`;
  fill(body,
    el('p', {}, el('a', { href: pair, class: 'pair-timeline' }, `Timeline of ${actorName(source)} and ${actorName(target)}`)),
    stanceTable(`Stances of this arrow: ${data.stances.totalCount}`, data.stances.nodes, 'edge-stances'));
}

async function showStance(id) {
  const body = $('details-body');
  fill(body, el('p', {}, 'Loading…'));
  const data = await gql(Q_STANCE, { id });
  const s = data.stance;
  if (!s) {
    fill(body, el('p', { class: 'error' }, `No stance ${id}.`));
    return;
  }
  select(null, { source: s.subject.id, target: s.object.id, type: s.type });
  detailsHeading(`${s.subject.name} ${s.type} ${s.object.name}`);
  const facts = el('dl', { class: 'facts' });
  const fact = (k, v) => v && facts.append(el('dt', {}, k), el('dd', {}, v));
  fact('Subject', actorLink(s.subject.id, s.subject.name));
  fact('Type', el('span', { class: 'type' }, swatch(s.type), ` ${s.type}`));
  fact('Object', actorLink(s.object.id, s.object.name));
  fact('Topic', s.topic);
  fact('Date', s.date);
  fact('Confidence', s.confidence.toFixed(2));
  if (s.retracted) fact('Retracted', 'yes');
  const quotes = s.evidence.map((ev) => {
    const d = ev.document;
    const docHref = `#doc=${encodeURIComponent(d.id)}&start=${ev.start}&end=${ev.end}&stance=${encodeURIComponent(s.id)}`;
    return el(
      'li',
      {},
      el(
        'figure',
        { class: 'evidence' },
        el('blockquote', {}, ev.quote),
        el(
          'figcaption',
          {},
          '— ',
          [d.source, d.title, d.date].filter(Boolean).join(', ') || 'untitled document',
          el('br'),
          el('a', { href: docHref, class: 'doc-link' }, 'Show in the document text'),
          d.url ? [' · ', el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, 'original source')] : null,
        ),
      ),
    );
  });
  fill(body, 
    facts,
    el('h3', {}, `Evidence (${s.evidence.length})`),
    quotes.length ? el('ol', { class: 'evidence-list' }, quotes) : el('p', {}, 'A bare assertion: no quote supports it.'),
  );
}

async function showDocument(id, startArg, endArg, stanceId) {
  const body = $('details-body');
  fill(body, el('p', {}, 'Loading…'));
  const data = await gql(Q_DOCUMENT, { id });
  const d = data.document;
  if (!d) {
    fill(body, el('p', { class: 'error' }, `No document ${id}.`));
    return;
  }
  detailsHeading(d.title || 'Document');
  // Offsets count Unicode code points, so the text is split into code
  // points rather than indexed as UTF-16 units: an emoji or a character
  // outside the Basic Multilingual Plane before the quote would otherwise
  // shift the highlight.
  const chars = Array.from(d.text);
  const start = Number.parseInt(startArg, 10);
  const end = Number.parseInt(endArg, 10);
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= chars.length;
  const text = el('div', { class: 'doc-text', tabindex: 0, 'aria-label': 'Document text' });
  let mark = null;
  if (valid) {
    mark = el('mark', {}, chars.slice(start, end).join(''));
    text.append(chars.slice(0, start).join(''), mark, chars.slice(end).join(''));
  } else {
    text.append(d.text);
  }
  const meta = [d.source, d.date].filter(Boolean).join(', ');
  fill(body, 
    stanceId ? el('p', {}, el('a', { href: `#stance=${encodeURIComponent(stanceId)}` }, '← back to the stance')) : null,
    meta ? el('p', { class: 'meta' }, meta) : null,
    d.url ? el('p', {}, el('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, d.url)) : null,
    !valid && (startArg || endArg) ? el('p', { class: 'error' }, `The quote offsets ${startArg}–${endArg} do not fit this text of ${chars.length} characters.`) : null,
    text,
  );
  if (mark) mark.scrollIntoView({ block: 'center' });
}

// ---- timeline ------------------------------------------------------------------

// counterpartsOf lists the actors an actor's stances are with, by name, for
// the timeline's pair chooser.
function counterpartsOf(id, stances) {
  const names = new Map();
  for (const s of stances) {
    const other = s.subject.id === id ? s.object : s.subject;
    if (other.id !== id) names.set(other.id, other.name);
  }
  return [...names].sort((p, q) => compareText(p[1], q[1]));
}

// timelineSection builds the controls and the empty chart of a's
// timeline; loadTimeline fills it.
function timelineSection(a, partners, withId, bucket) {
  if (!BUCKETS.includes(bucket)) bucket = 'MONTH';
  if (withId && !partners.some(([id]) => id === withId)) partners = [[withId, actorName(withId)], ...partners];
  state.timeline = { a: a.id, name: a.name, b: withId, bucket, buckets: [], active: 0 };
  const bucketSel = el('select', { id: 'timeline-bucket' }, BUCKETS.map((b) => el('option', { value: b, selected: b === bucket }, b.toLowerCase())));
  const withSel = el(
    'select',
    { id: 'timeline-with' },
    el('option', { value: '' }, 'every counterpart'),
    partners.map(([id, name]) => el('option', { value: id, selected: id === withId }, name)),
  );
  const changed = () => {
    state.timeline.bucket = bucketSel.value;
    state.timeline.b = withSel.value;
    // The address follows, without a hashchange: the rest of the panel
    // stays as it is and the focus stays on the control.
    const t = state.timeline;
    history.replaceState(null, '', `#actor=${encodeURIComponent(t.a)}${t.b ? `&with=${encodeURIComponent(t.b)}` : ''}${t.bucket !== 'MONTH' ? `&bucket=${t.bucket}` : ''}`);
    loadTimeline();
  };
  bucketSel.addEventListener('change', changed);
  withSel.addEventListener('change', changed);
  return el(
    'section',
    { class: 'timeline', 'aria-labelledby': 'timeline-title' },
    el('h3', { id: 'timeline-title' }, 'Timeline'),
    el(
      'div',
      { class: 'timeline-bar' },
      el('label', { for: 'timeline-bucket' }, 'Bucket'),
      bucketSel,
      el('label', { for: 'timeline-with' }, 'With'),
      withSel,
    ),
    el('p', { id: 'timeline-status', role: 'status' }),
    svg('svg', { id: 'timeline-chart', role: 'group', 'aria-labelledby': 'timeline-title timeline-status', viewBox: '0 0 480 150' }),
    el('p', { class: 'hint' }, 'Bars count the stances of each bucket by type; the line is their net weight (cooperation above zero, conflict below). Click a bucket, or Tab to the chart and move with the arrow keys, then press Enter, to list its stances.'),
    el('details', { id: 'timeline-table-box' }, el('summary', {}, 'The timeline as a table'), el('div', { id: 'timeline-table' })),
    el('div', { id: 'bucket-stances' }),
  );
}

function timelineArgs(t, from, to) {
  return { a: t.a, b: t.b || null, bucket: t.bucket, from: from || state.from || null, to: to || state.to || null };
}

async function loadTimeline() {
  const t = state.timeline;
  if (!t || !$('timeline-chart')) return;
  const seq = ++state.timelineSeq;
  setStatus($('timeline-status'), 'Loading the timeline…');
  fill($('bucket-stances'));
  try {
    const data = await gql(Q_TIMELINE, timelineArgs(t));
    // The panel may have moved on to something else meanwhile.
    if (seq !== state.timelineSeq || !$('timeline-chart')) return;
    t.buckets = data.timeline.buckets;
    t.active = Math.max(0, t.buckets.length - 1);
    renderTimeline();
  } catch (err) {
    if (seq === state.timelineSeq && $('timeline-status')) setStatus($('timeline-status'), `Could not load the timeline: ${errorText(err)}`, true);
  }
}

function timelineSubject(t) {
  return t.b ? `${t.name} and ${actorName(t.b)}` : t.name;
}

function renderTimeline() {
  const t = state.timeline;
  const chart = $('timeline-chart');
  const n = t.buckets.length;
  const stances = t.buckets.reduce((k, b) => k + b.total, 0);
  const empty = t.buckets.filter((b) => b.total === 0).length;
  setStatus($('timeline-status'), n
    ? `${timelineSubject(t)}: ${stances} dated stance${stances === 1 ? '' : 's'} in ${n} ${t.bucket.toLowerCase()} bucket${n === 1 ? '' : 's'}, ${empty} of them empty.`
    : `${timelineSubject(t)}: no dated stance${state.from || state.to ? ' in the date range' : ''}.`);
  chart.dataset.buckets = String(n);
  const width = 480;
  const height = 150;
  const g = timelineGeometry(t.buckets, state.types.map((x) => x.type), width, height);
  const bars = g.slots.map((slot, i) => {
    const b = t.buckets[i];
    const label = `${bucketLabel(b, t.bucket)}: ${b.total} stance${b.total === 1 ? '' : 's'}, net ${signed(b.net)}`;
    return svg(
      'g',
      {
        class: 'bucket',
        role: 'button',
        tabindex: i === t.active ? 0 : -1,
        'data-index': i,
        'data-start': b.start,
        'aria-label': label,
        onclick: () => openBucket(i, false),
        onkeydown: (ev) => onBucketKey(ev, i),
      },
      svg('title', {}, label),
      // The whole slot takes clicks, so an empty bucket can be opened too.
      svg('rect', { class: 'slot', x: f1(slot.x), y: g.plot.top, width: f1(Math.max(slot.width, 1)), height: f1(g.baseline - g.plot.top) }),
      slot.segments.map((sg) => svg('rect', {
        class: 'segment',
        x: f1(slot.x + slot.width * 0.1),
        y: f1(sg.y),
        width: f1(Math.max(slot.width * 0.8, 0.6)),
        height: f1(sg.height),
        fill: styleOf(sg.type).color,
      })),
    );
  });
  const net = g.slots.map((slot) => `${f1(slot.x + slot.width / 2)},${f1(slot.netY)}`).join(' ');
  const first = t.buckets[0];
  const last = t.buckets[n - 1];
  fill(chart,
    svg('line', { class: 'axis', x1: g.plot.left, x2: g.plot.right, y1: g.baseline, y2: g.baseline }),
    svg('line', { class: 'zero', x1: g.plot.left, x2: g.plot.right, y1: f1(g.zeroY), y2: f1(g.zeroY) }),
    svg('text', { class: 'tick', x: g.plot.left - 4, y: f1(g.zeroY + 4), 'text-anchor': 'end' }, '0'),
    svg('text', { class: 'tick', x: g.plot.left - 4, y: f1(g.barTop + 10), 'text-anchor': 'end' }, String(g.maxCount)),
    bars,
    n ? svg('polyline', { class: 'net', points: net }) : null,
    first ? svg('text', { class: 'tick', x: g.plot.left, y: height - 6 }, bucketLabel(first, t.bucket)) : null,
    n > 1 ? svg('text', { class: 'tick', x: g.plot.right, y: height - 6, 'text-anchor': 'end' }, bucketLabel(last, t.bucket)) : null,
  );
  renderTimelineTable();
}

// renderTimelineTable gives the chart's numbers as a table, every bucket a
// row with a button listing its stances.
function renderTimelineTable() {
  const t = state.timeline;
  const types = state.types.map((x) => x.type);
  const rows = t.buckets.map((b, i) => {
    const counts = new Map(b.counts.map((c) => [c.type, c.count]));
    return el(
      'tr',
      { 'data-start': b.start },
      el('th', { scope: 'row' }, el('button', { type: 'button', class: 'linklike', onclick: () => openBucket(i, true) }, bucketLabel(b, t.bucket))),
      types.map((ty) => el('td', { class: 'num' }, String(counts.get(ty) || 0))),
      el('td', { class: 'num' }, String(b.total)),
      el('td', { class: 'num' }, signed(b.net)),
    );
  });
  fill($('timeline-table'), el(
    'table',
    { class: 'stances timeline-numbers' },
    el('caption', {}, `Stances per ${t.bucket.toLowerCase()} of ${timelineSubject(t)}: ${t.buckets.length} buckets`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Bucket'), types.map((ty) => el('th', { scope: 'col', class: 'num' }, ty)), el('th', { scope: 'col', class: 'num' }, 'Total'), el('th', { scope: 'col', class: 'num' }, 'Net'))),
    el('tbody', {}, rows),
  ));
}

function onBucketKey(ev, i) {
  if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    openBucket(i, true);
    return;
  }
  const to = moveBucket(ev.key, i, state.timeline.buckets.length);
  if (to < 0) return;
  ev.preventDefault();
  state.timeline.active = to;
  const bars = [...$('timeline-chart').querySelectorAll('.bucket')];
  bars.forEach((b, j) => b.setAttribute('tabindex', j === to ? '0' : '-1'));
  bars[to].focus();
}

// openBucket lists the stances behind one bucket: the timeline field asked
// again over the bucket's own days.
async function openBucket(i, fromKeyboard) {
  const t = state.timeline;
  const b = t.buckets[i];
  t.active = i;
  for (const bar of $('timeline-chart').querySelectorAll('.bucket')) {
    const on = Number(bar.dataset.index) === i;
    bar.classList.toggle('active', on);
    bar.setAttribute('tabindex', on ? '0' : '-1');
    if (on) bar.setAttribute('aria-pressed', 'true');
    else bar.removeAttribute('aria-pressed');
  }
  const box = $('bucket-stances');
  fill(box, el('p', {}, 'Loading…'));
  const data = await gql(Q_BUCKET, timelineArgs(t, b.start, b.end));
  if (!box.isConnected) return;
  const got = data.timeline.buckets[0] || { total: 0, stances: [] };
  const caption = `Stances of ${bucketLabel(b, t.bucket)}, ${timelineSubject(t)}: ${got.stances.length}` + (got.total > got.stances.length ? ` of ${got.total}` : '');
  fill(box, stanceTable(caption, got.stances, 'bucket-stances-table'));
  if (fromKeyboard) {
    const cap = box.querySelector('caption');
    cap.setAttribute('tabindex', '-1');
    cap.focus();
  }
}

// ---- coalitions ----------------------------------------------------------------

// loadCoalitions colours the actors by the coalitions of the stances in
// the date range, or takes the colours away when switched off.
async function loadCoalitions() {
  const seq = ++state.coalitionSeq;
  const status = $('coalitions-status');
  if (!state.coalitionsOn) {
    state.coalitions = null;
    state.blocOf = null;
    setStatus(status, '');
    fill($('bloc-list'));
    renderGraph();
    return;
  }
  setStatus(status, 'Finding coalitions…');
  try {
    const data = await gql(Q_COALITIONS, { from: state.from || null, to: state.to || null });
    if (seq !== state.coalitionSeq || !state.coalitionsOn) return;
    state.coalitions = data.coalitions;
    state.blocOf = blocIndex(data.coalitions.actors);
    renderCoalitions();
    renderGraph();
  } catch (err) {
    if (seq === state.coalitionSeq) setStatus(status, `Could not find coalitions: ${errorText(err)}`, true);
  }
}

// BLOCS_LISTED bounds the legend; the smaller blocs are counted.
const BLOCS_LISTED = 12;

function renderCoalitions() {
  const c = state.coalitions;
  const status = $('coalitions-status');
  setStatus(status, balanceText(c));
  status.dataset.blocs = String(c.blocs.length);
  const items = c.blocs.slice(0, BLOCS_LISTED).map((b, i) => el(
    'li',
    { 'data-bloc': i },
    el('a', { href: `#bloc=${i}`, class: 'bloc-link' },
      blocSwatch(i),
      ` Bloc ${i + 1}: ${b.actors.length} actor${b.actors.length === 1 ? '' : 's'}, ${b.stanceCount} stance${b.stanceCount === 1 ? '' : 's'} holding it`),
  ));
  const more = c.blocs.length - items.length;
  fill($('bloc-list'), items, more > 0 ? el('li', { class: 'hint' }, `and ${more} smaller bloc${more === 1 ? '' : 's'}`) : null);
}

function blocSwatch(i) {
  return svg('svg', { class: `swatch bloc-swatch ${blocClass(i)}`, width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: 7, cy: 7, r: 6 }));
}

// showBloc lists a bloc's actors, the balance of each one's triangles, and
// the cooperative stances that hold the bloc together.
async function showBloc(i) {
  const body = $('details-body');
  fill(body, el('p', {}, 'Loading…'));
  const data = await gql(Q_BLOC, { from: state.from || null, to: state.to || null });
  const b = data.coalitions.blocs[i];
  if (!b) {
    fill(body, el('p', { class: 'error' }, `No bloc ${i + 1}: the graph has ${data.coalitions.blocs.length}.`));
    return;
  }
  select(null, null);
  detailsHeading(`Bloc ${i + 1}`);
  const balance = new Map(data.coalitions.actors.map((a) => [a.actor.id, a.balance]));
  const members = el(
    'table',
    { id: 'bloc-members', class: 'stances' },
    el('caption', {}, `Actors of bloc ${i + 1}: ${b.actors.length}`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Actor'), el('th', { scope: 'col', class: 'num' }, 'Triangles'), el('th', { scope: 'col', class: 'num' }, 'Balanced'))),
    el('tbody', {}, b.actors.map((a) => {
      const t = balance.get(a.id) || { triads: 0, balanced: 0 };
      return el('tr', {}, el('td', {}, actorLink(a.id, a.name)), el('td', { class: 'num' }, String(t.triads)), el('td', { class: 'num' }, String(t.balanced)));
    })),
  );
  const caption = `Stances holding bloc ${i + 1} together${filterNote()}: ${b.stances.length}` + (b.stanceCount > b.stances.length ? ` of ${b.stanceCount}` : '');
  fill(body,
    el('p', {}, blocSwatch(i), ' Cooperation along these stances keeps the bloc together; a triangle is balanced when the product of its three signs is positive.'),
    members,
    stanceTable(caption, b.stances, 'bloc-stances'));
}

// ---- search -----------------------------------------------------------------

let searchTimer = 0;

function onSearchInput() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(runSearch, 150);
}

async function runSearch() {
  const q = $('search').value.trim();
  const seq = ++state.searchSeq;
  const list = $('search-results');
  const status = $('search-status');
  if (!q) {
    list.replaceChildren();
    status.textContent = '';
    state.matches = new Set();
    markSelection();
    return;
  }
  try {
    const data = await gql(Q_SEARCH, { search: q });
    if (seq !== state.searchSeq) return;
    const found = data.actors.nodes;
    state.matches = new Set(found.map((a) => a.id));
    markSelection();
    const needle = q.toLowerCase();
    list.replaceChildren(
      ...found.map((a) => {
        const alias = a.name.toLowerCase().includes(needle) ? null : a.aliases.find((x) => x.toLowerCase().includes(needle));
        return el('li', {}, el('a', { href: `#actor=${encodeURIComponent(a.id)}` }, a.name), alias ? el('span', { class: 'alias' }, ` (as “${alias}”)`) : null);
      }),
    );
    const n = data.actors.totalCount;
    status.textContent = n === 0 ? `No actor matches “${q}”.` : `${n} actor${n === 1 ? '' : 's'} match${n === 1 ? 'es' : ''}.`;
  } catch (err) {
    if (seq !== state.searchSeq) return;
    list.replaceChildren();
    status.textContent = `Search failed: ${errorText(err)}`;
  }
}

// ---- console -----------------------------------------------------------------

function loadExample(i) {
  const ex = EXAMPLES[i];
  $('gql-query').value = ex.query;
  $('gql-variables').value = JSON.stringify(ex.variables, null, 2);
}

async function runConsole() {
  const status = $('gql-status');
  const out = $('gql-result');
  const query = $('gql-query').value;
  let variables = {};
  const raw = $('gql-variables').value.trim();
  if (raw) {
    try {
      variables = JSON.parse(raw);
    } catch (err) {
      setStatus(status, `Variables are not valid JSON: ${errorText(err)}`, true);
      return;
    }
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) {
      setStatus(status, 'Variables must be a JSON object.', true);
      return;
    }
  }
  setStatus(status, 'Running…');
  const t0 = performance.now();
  try {
    const res = await post(query, variables, { token: $('gql-token').value.trim() });
    const ms = Math.round(performance.now() - t0);
    const errors = res.body && Array.isArray(res.body.errors) ? res.body.errors.length : 0;
    out.textContent = res.body === undefined ? res.text : JSON.stringify(res.body, null, 2);
    setStatus(status, `HTTP ${res.status} in ${ms} ms${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}`, errors > 0 || res.status >= 400);
    // A mutation may have changed the graph: redraw it.
    if (!errors && res.body && res.body.data && /^\s*mutation\b/.test(stripComments(query))) refresh();
  } catch (err) {
    setStatus(status, `Request failed: ${errorText(err)}`, true);
  }
}

function stripComments(q) {
  return q.replace(/#[^\n]*/g, '');
}

main();

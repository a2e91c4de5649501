// The stance graph explorer. Plain JavaScript and SVG; the only server it
// talks to is the one it came from (see api.js). State lives in one object,
// the URL fragment names what the details panel shows (#actor=ID,
// #stance=ID, #doc=ID&start=S&end=E, #edge=SUBJECT,OBJECT,TYPE) so that the
// back button and shared links work.

import { forceLayout } from './layout.js';
import { gql, post, collect } from './api.js';
import { followFeed } from './live.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
// Up to this many actors, actors without any visible stance are drawn too,
// so a small graph shows everyone; past it they would only add clutter.
const SHOW_ISOLATED_UP_TO = 80;
// At most this many actors are drawn, the ones with the most stances.
const MAX_DRAWN = 150;

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
  stances: [], // graph stances: {id, type, date, subject: {id}, object: {id}}
  stanceTotal: 0,
  positions: new Map(), // id -> {x, y}; kept across filter changes
  layoutWidth: 0, // the pixel size the positions were computed for
  layoutHeight: 0,
  selected: null, // actor id shown in the details panel
  selectedArrow: null, // {source, target, type} of the stance or arrow shown
  matches: new Set(), // actor ids found by the search box
  hidden: 0, // actors left out of the drawing for its size
  loadSeq: 0,
  searchSeq: 0,
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
  $('reset-filters').addEventListener('click', () => {
    state.enabled = new Set(state.types.map((t) => t.type));
    state.from = state.to = '';
    $('from').value = $('to').value = '';
    renderTypeFilter();
    refresh();
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
      const w = Math.round($('graph').getBoundingClientRect().width);
      if (state.types.length && Math.abs(w - (state.layoutWidth || 0)) > 40) renderGraph();
    }, 200);
  });

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
  state.from = from;
  state.to = to;
  refresh();
}

// refresh reloads the graph for the current filters and redraws whatever the
// details panel shows, since its lists follow the same filters.
async function refresh() {
  try {
    await loadGraph();
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

function graphFilter() {
  const f = {};
  const types = typeFilterArg();
  if (types) f.types = types;
  if (state.from) f.from = state.from;
  if (state.to) f.to = state.to;
  return f;
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
  const counts = countByType(visibleStances());
  for (const t of state.types) {
    const id = `type-${t.type}`;
    const input = el('input', { type: 'checkbox', id, value: t.type });
    input.checked = state.enabled.has(t.type);
    input.addEventListener('change', () => {
      if (input.checked) state.enabled.add(t.type);
      else state.enabled.delete(t.type);
      refresh();
    });
    box.append(
      el(
        'li',
        {},
        input,
        el('label', { for: id, title: t.description }, swatch(t.type), ` ${t.type}`, el('span', { class: 'count' }, counts.has(t.type) ? ` (${counts.get(t.type)})` : '')),
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

async function loadGraph() {
  const seq = ++state.loadSeq;
  const status = $('graph-status');
  setStatus(status, 'Loading the graph…');
  const noneEnabled = state.enabled.size === 0;
  const [actors, stances, stats] = await Promise.all([
    collect(Q_ACTORS, {}, (d) => d.actors),
    noneEnabled ? { nodes: [], total: 0 } : collect(Q_GRAPH, { filter: graphFilter() }, (d) => d.stances),
    gql(Q_STATS),
  ]);
  if (seq !== state.loadSeq) return; // a newer load has started
  state.actors = new Map(actors.nodes.map((a) => [a.id, a]));
  state.stances = stances.nodes;
  state.stanceTotal = stances.total;
  renderStats(stats.stats);
  renderTypeFilter();
  renderGraph();
  const shown = state.stances.length;
  let text = `${shown} stance${shown === 1 ? '' : 's'} shown`;
  if (stances.total > shown) text += ` (first ${shown} of ${stances.total})`;
  if (state.hidden) text += `; the ${MAX_DRAWN} actors with most stances are drawn, ${state.hidden} more are left out`;
  if (noneEnabled) text = 'No stance type selected.';
  setStatus(status, text);
}

function visibleStances() {
  return state.stances.filter((s) => state.enabled.has(s.type));
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
  const stances = visibleStances();
  let edges = edgesOf(stances);
  const degree = new Map();
  for (const e of edges) {
    degree.set(e.source, (degree.get(e.source) || 0) + e.ids.length);
    degree.set(e.target, (degree.get(e.target) || 0) + e.ids.length);
  }
  let ids = [...degree.keys()].filter((id) => state.actors.has(id));
  state.hidden = 0;
  if (ids.length > MAX_DRAWN) {
    // A drawing of thousands of actors is unreadable and slow to lay out:
    // keep the busiest, and say so; search and filters reach the rest.
    ids.sort((a, b) => degree.get(b) - degree.get(a) || (actorName(a) < actorName(b) ? -1 : 1));
    state.hidden = ids.length - MAX_DRAWN;
    ids = ids.slice(0, MAX_DRAWN);
    const keep = new Set(ids);
    edges = edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  } else if (state.actors.size <= SHOW_ISOLATED_UP_TO) {
    ids = [...state.actors.keys()];
  }
  const nodes = ids.map((id) => ({ id, key: actorName(id).toLowerCase() }));
  nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // The drawing uses the pixel size it is shown at, so labels and arrows
  // keep their size on any screen; positions survive filter changes and
  // are recomputed only when the size changes or a new actor appears.
  const root = $('graph');
  const width = Math.max(480, Math.round(root.getBoundingClientRect().width || 1000));
  // Taller for more actors, so that a busy graph keeps its labels apart.
  const height = Math.round(Math.min(Math.max(width * 0.6 + nodes.length * 6, 420), 1000));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (state.layoutWidth !== width || state.layoutHeight !== height || nodes.some((n) => !state.positions.has(n.id))) {
    state.positions = placeNodes(nodes, edges, degree, width, height);
    state.layoutWidth = width;
    state.layoutHeight = height;
  }
  const pos = state.positions;
  const radius = new Map(nodes.map((n) => [n.id, nodeRadius(degree.get(n.id) || 0)]));

  root.replaceChildren();
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
  root.append(defs);

  // Arrows between one pair of actors are spread out as curves so that
  // several types, and both directions, stay visible.
  const byPair = new Map();
  for (const e of edges) {
    const pk = e.source < e.target ? `${e.source}|${e.target}` : `${e.target}|${e.source}`;
    if (!byPair.has(pk)) byPair.set(pk, []);
    byPair.get(pk).push(e);
  }
  const edgeLayer = svg('g', { class: 'edges' });
  for (const group of byPair.values()) {
    group.forEach((e, i) => {
      const offset = (i - (group.length - 1) / 2) * 16;
      edgeLayer.append(drawEdge(e, offset, pos, radius));
    });
  }
  const nodeLayer = svg('g', { class: 'nodes' });
  for (const n of nodes) nodeLayer.append(drawNode(n.id, pos.get(n.id), radius.get(n.id), degree.get(n.id) || 0));
  root.append(edgeLayer, nodeLayer);
  if (edges.length === 0) {
    root.append(svg('text', { x: width / 2, y: 30, 'text-anchor': 'middle', class: 'empty' }, 'No stances match the filters.'));
  }
  renderEdgeTable(edges);
  markSelection();
}

// placeNodes lays out the actors that have stances with the force layout
// and lines up the others along the bottom, where they do not push the
// connected actors into a corner.
function placeNodes(nodes, edges, degree, width, height) {
  const connected = nodes.filter((n) => degree.get(n.id));
  const isolated = nodes.filter((n) => !degree.get(n.id));
  const spacing = 130;
  const perRow = Math.max(1, Math.floor((width - 40) / spacing));
  const rows = Math.ceil(isolated.length / perRow);
  const band = rows ? rows * 44 + 10 : 0;
  const links = edges.map((e) => ({ source: e.source, target: e.target, weight: e.ids.length }));
  const pos = forceLayout(connected, links, { width, height: height - band, margin: 85, minDistance: 95 });
  isolated.forEach((n, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, isolated.length - row * perRow);
    const x0 = (width - (inRow - 1) * spacing) / 2;
    pos.set(n.id, { x: x0 + (i % perRow) * spacing, y: height - band + 16 + row * 44 });
  });
  return pos;
}

function drawEdge(e, offset, pos, radius) {
  const s = pos.get(e.source);
  const t = pos.get(e.target);
  if (!s || !t) return null;
  const width = edgeWidth(e.ids.length);
  const st = styleOf(e.type);
  const rs = radius.get(e.source) || 10;
  const rt = radius.get(e.target) || 10;
  let d;
  if (e.source === e.target) {
    const r = rs;
    d = `M${s.x - r * 0.6},${s.y - r * 0.8} C${s.x - 45},${s.y - 70} ${s.x + 45},${s.y - 70} ${s.x + r * 0.6},${s.y - r * 0.8 - 2}`;
  } else {
    // The normal is taken for the pair's canonical direction, so A->B and
    // B->A with opposite offsets land on opposite sides.
    const flip = e.source < e.target ? 1 : -1;
    const vx = (t.x - s.x) * flip;
    const vy = (t.y - s.y) * flip;
    const len = Math.hypot(vx, vy) || 1;
    const nx = -vy / len;
    const ny = vx / len;
    const cx = (s.x + t.x) / 2 + nx * offset * 2;
    const cy = (s.y + t.y) / 2 + ny * offset * 2;
    const a = towards(s, { x: cx, y: cy }, rs + 1);
    const b = towards(t, { x: cx, y: cy }, rt + 2);
    d = `M${f1(a.x)},${f1(a.y)} Q${f1(cx)},${f1(cy)} ${f1(b.x)},${f1(b.y)}`;
  }
  const n = e.ids.length;
  const label = `${actorName(e.source)} ${e.type} ${actorName(e.target)}: ${n} stance${n === 1 ? '' : 's'}` +
    (e.first ? `, ${e.first === e.last ? e.first : `${e.first} to ${e.last}`}` : '');
  const g = svg(
    'g',
    {
      class: 'edge',
      'data-source': e.source,
      'data-target': e.target,
      'data-type': e.type,
      onclick: () => openEdge(e),
    },
    svg('title', {}, label),
    svg('path', { class: 'edge-hit', d }),
    svg('path', {
      class: 'edge-line',
      d,
      stroke: st.color,
      'stroke-width': f1(width),
      'stroke-dasharray': dashFor(e.type, width),
      'marker-end': `url(#arrow-${e.type})`,
    }),
  );
  return g;
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

function drawNode(id, p, r, degree) {
  const a = state.actors.get(id);
  const kind = a ? pretty(a.kind) : 'actor';
  const g = svg(
    'g',
    {
      class: 'node',
      transform: `translate(${f1(p.x)},${f1(p.y)})`,
      tabindex: 0,
      role: 'button',
      'data-actor-id': id,
      'data-name': actorName(id),
      'aria-label': `${actorName(id)}, ${kind}, ${degree} stance${degree === 1 ? '' : 's'} shown`,
      onclick: () => selectActor(id, false),
      onkeydown: (ev) => onNodeKey(ev, id),
    },
    svg('title', {}, `${actorName(id)} (${kind})`),
    svg('circle', { r: f1(r) }),
    svg('text', { class: 'label', y: f1(r + 15), 'text-anchor': 'middle' }, actorName(id)),
  );
  return g;
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
// other arrows dimmed.
function markSelection() {
  const root = $('graph');
  const sel = state.selected;
  const arrow = state.selectedArrow; // {source, target, type} or null
  for (const n of root.querySelectorAll('.node')) {
    const id = n.dataset.actorId;
    const on = id === sel || Boolean(arrow && (id === arrow.source || id === arrow.target));
    n.classList.toggle('selected', on);
    n.classList.toggle('match', state.matches.has(id));
    if (on) n.setAttribute('aria-pressed', 'true');
    else n.removeAttribute('aria-pressed');
  }
  for (const e of root.querySelectorAll('.edge')) {
    const d = e.dataset;
    let on = false;
    if (arrow) on = d.source === arrow.source && d.target === arrow.target && d.type === arrow.type;
    else if (sel) on = d.source === sel || d.target === sel;
    e.classList.toggle('incident', on);
    e.classList.toggle('dim', Boolean(sel || arrow) && !on);
  }
}

function select(actorId, arrow) {
  state.selected = actorId;
  state.selectedArrow = arrow;
  markSelection();
}

function renderEdgeTable(edges) {
  const body = $('edge-table').querySelector('tbody');
  fill(body, );
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
  $('edge-count').textContent = `(${edges.length})`;
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
    if (params.has('actor')) await showActor(params.get('actor'), state.focusDetails);
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

async function showActor(id, fromKeyboard) {
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
  fill(body, facts, stanceTable(caption, conn.nodes, 'actor-stances'));
}

function filterNote() {
  const parts = [];
  const types = typeFilterArg();
  if (types) parts.push(types.length ? types.join(', ') : 'no types');
  if (state.from) parts.push(`from ${state.from}`);
  if (state.to) parts.push(`to ${state.to}`);
  return parts.length ? `; ${parts.join(', ')}` : '';
}

function stanceTable(caption, stances, id) {
  const rows = stances.map((s) => {
    const ev = s.evidence[0];
    return el(
      'tr',
      { 'data-stance-id': s.id, class: s.retracted ? 'retracted' : null },
      el('td', {}, actorLink(s.subject.id, s.subject.name)),
      el('td', {}, el('a', { href: `#stance=${encodeURIComponent(s.id)}`, class: 'type', 'aria-label': `${s.type}: show quotes` }, swatch(s.type), ` ${s.type}`)),
      el('td', {}, actorLink(s.object.id, s.object.name)),
      el('td', { class: 'quote' }, ev ? `“${ev.quote}”` : '', s.evidence.length > 1 ? el('span', { class: 'more' }, ` +${s.evidence.length - 1} more`) : null),
      el('td', { class: 'date' }, s.date || ''),
      el('td', {}, s.topic || ''),
      el('td', {}, ev ? ev.document.source || ev.document.title || '' : ''),
    );
  });
  const table = el(
    'table',
    { id, class: 'stances' },
    el('caption', {}, caption),
    el(
      'thead',
      {},
      el('tr', {}, ['Subject', 'Stance', 'Object', 'Quote', 'Date', 'Topic', 'Source'].map((h) => el('th', { scope: 'col' }, h))),
    ),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 7 }, 'No stances match.'))),
  );
  return el('div', { class: 'table-scroll' }, table);
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
  fill(body, stanceTable(`Stances of this arrow: ${data.stances.totalCount}`, data.stances.nodes, 'edge-stances'));
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

// Unit tests of the explorer's force layout: node --test web/jstest/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forceLayout, overlappingPairs, resolveCollisions } from '../static/layout.js';

const seed = ['United States', 'Taliban', 'Kabul government', 'Pakistan', 'Russia', 'Iran', 'NATO', 'Islamic State'];
const seedNodes = seed.map((id) => ({ id }));
const seedLinks = [
  ['Taliban', 'Kabul government'], ['United States', 'Taliban'], ['Taliban', 'United States'], ['Kabul government', 'Taliban'],
  ['Pakistan', 'Taliban'], ['Russia', 'Taliban'], ['Iran', 'Taliban'], ['Taliban', 'NATO'], ['United States', 'Pakistan'],
  ['Russia', 'Islamic State'], ['Iran', 'Islamic State'],
].map(([source, target]) => ({ source, target }));
const box = { width: 800, height: 600, margin: 40 };

function minDistance(pos) {
  const ps = [...pos.values()];
  let min = Infinity;
  for (let i = 0; i < ps.length; i++) for (let j = i + 1; j < ps.length; j++) min = Math.min(min, Math.hypot(ps[i].x - ps[j].x, ps[i].y - ps[j].y));
  return min;
}

const cases = [
  { name: 'empty graph', nodes: [], links: [], want: (pos) => assert.equal(pos.size, 0) },
  { name: 'one node sits in the centre', nodes: [{ id: 'a' }], links: [], want: (pos) => assert.deepEqual(pos.get('a'), { x: 400, y: 300 }) },
  {
    name: 'seed graph stays inside the margins',
    nodes: seedNodes,
    links: seedLinks,
    want: (pos) => {
      assert.equal(pos.size, seed.length);
      for (const [id, p] of pos) {
        assert.ok(p.x >= 40 - 1e-9 && p.x <= 760 + 1e-9 && p.y >= 40 - 1e-9 && p.y <= 560 + 1e-9, `${id} at ${p.x},${p.y}`);
      }
    },
  },
  { name: 'nodes keep apart', nodes: seedNodes, links: seedLinks, want: (pos) => assert.ok(minDistance(pos) > 40, `closest pair ${minDistance(pos)}`) },
  {
    name: 'linked nodes end up closer than unlinked ones',
    nodes: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id })),
    links: [{ source: 'a', target: 'b', weight: 5 }, { source: 'c', target: 'd' }, { source: 'e', target: 'f' }],
    want: (pos) => {
      const d = (u, v) => Math.hypot(pos.get(u).x - pos.get(v).x, pos.get(u).y - pos.get(v).y);
      assert.ok(d('a', 'b') < d('a', 'c') && d('a', 'b') < d('a', 'e'), `a-b ${d('a', 'b')}, a-c ${d('a', 'c')}, a-e ${d('a', 'e')}`);
    },
  },
  {
    name: 'links to unknown nodes and self-links are ignored',
    nodes: [{ id: 'a' }, { id: 'b' }],
    links: [{ source: 'a', target: 'zzz' }, { source: 'a', target: 'a' }, { source: 'a', target: 'b' }],
    want: (pos) => assert.deepEqual([...pos.keys()].sort(), ['a', 'b']),
  },
];

for (const c of cases) {
  test(c.name, () => c.want(forceLayout(c.nodes, c.links, box)));
}

test('the same graph gets the same picture, whatever the input order', () => {
  const a = forceLayout(seedNodes, seedLinks, box);
  const b = forceLayout([...seedNodes].reverse(), [...seedLinks].reverse(), box);
  for (const id of seed) {
    assert.ok(Math.abs(a.get(id).x - b.get(id).x) < 1e-6 && Math.abs(a.get(id).y - b.get(id).y) < 1e-6, `${id} moved`);
  }
});

// ---- collision resolution ----------------------------------------------------

// footprint makes an item the way the explorer does: a circle of radius r
// with a label of width w and height h below it.
function footprint(id, x, y, w = 60, r = 10, h = 16) {
  const half = Math.max(r, w / 2);
  return { id, x, y, left: -half, right: half, top: -r, bottom: r + 2 + h };
}

// crowd places n items of varied label widths on a small spiral, so that
// nearly every footprint starts overlapping several others.
function crowd(n) {
  const items = [];
  for (let i = 0; i < n; i++) {
    const a = i * 2.4;
    const d = 3 * Math.sqrt(i);
    items.push(footprint(`actor ${String(i).padStart(3, '0')}`, 400 + d * Math.cos(a), 300 + d * Math.sin(a), 30 + ((i * 37) % 110), 9 + (i % 4) * 3));
  }
  return items;
}

function placed(items, pos) {
  return items.map((it) => ({ ...it, ...pos.get(it.id) }));
}

const collisionCases = [
  {
    name: 'two actors on one spot move apart',
    items: [footprint('a', 100, 100), footprint('b', 100, 100)],
    want: (items, pos) => assert.deepEqual(overlappingPairs(placed(items, pos), 2), []),
  },
  {
    name: 'a label over the circle below it is cleared',
    // b's circle sits where a's label is drawn.
    items: [footprint('a', 100, 100, 120), footprint('b', 130, 125)],
    want: (items, pos) => assert.deepEqual(overlappingPairs(placed(items, pos), 2), []),
  },
  {
    name: 'footprints already apart do not move',
    items: [footprint('a', 0, 0), footprint('b', 200, 0), footprint('c', 0, 200)],
    want: (items, pos) => {
      for (const it of items) assert.deepEqual(pos.get(it.id), { x: it.x, y: it.y });
    },
  },
  {
    name: 'a pinned actor keeps its place and the other makes room',
    items: [{ ...footprint('a', 100, 100), pinned: true }, footprint('b', 110, 105)],
    want: (items, pos) => {
      assert.deepEqual(pos.get('a'), { x: 100, y: 100 });
      assert.deepEqual(overlappingPairs(placed(items, pos), 2), []);
    },
  },
  {
    name: '300 crowded labels end with no overlap',
    items: crowd(300),
    want: (items, pos) => assert.deepEqual(overlappingPairs(placed(items, pos), 2), []),
  },
  {
    name: '300 crowded labels settle by pushing, not by the last resort',
    items: crowd(300),
    want: (items) => {
      const stats = {};
      resolveCollisions(items, { gap: 2, stats });
      assert.equal(stats.leftovers, 0, `settled after ${stats.rounds} rounds`);
    },
  },
  {
    name: 'with no rounds at all the leftovers are set apart',
    items: crowd(40),
    opts: { maxRounds: 0 },
    want: (items, pos) => {
      const stats = {};
      resolveCollisions(items, { gap: 2, maxRounds: 0, stats });
      assert.ok(stats.leftovers > 0, 'the last resort must have run');
      assert.deepEqual(overlappingPairs(placed(items, pos), 2), []);
    },
  },
];

for (const c of collisionCases) {
  test(`collisions: ${c.name}`, () => {
    const before = overlappingPairs(c.items, 2).length;
    if (!c.name.includes('already apart')) assert.ok(before > 0, 'the case must start with an overlap');
    c.want(c.items, resolveCollisions(c.items, { gap: 2, ...c.opts }));
  });
}

test('collisions: the result does not depend on the input order', () => {
  const items = crowd(120);
  const a = resolveCollisions(items);
  const b = resolveCollisions([...items].reverse());
  for (const it of items) assert.deepEqual(a.get(it.id), b.get(it.id), it.id);
});

test('overlappingPairs finds overlaps that only the gap makes', () => {
  const items = [footprint('a', 0, 0, 20), footprint('b', 21, 0, 20)];
  assert.deepEqual(overlappingPairs(items, 0), []);
  assert.deepEqual(overlappingPairs(items, 2), [['a', 'b']]);
});

// Unit tests of the explorer's force layout: node --test web/jstest/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forceLayout } from '../static/layout.js';

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

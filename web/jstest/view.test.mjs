// Unit tests of the explorer's view helpers and table columns: node --test web/jstest/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zoomAt, fitView, toContent, neighbourhood, filterStances, dateStops, MAX_ZOOM } from '../static/view.js';
import { chooseColumns, STANCE_COLUMNS } from '../static/table.js';

const near = (a, b, what) => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} != ${b}`);

test('zooming keeps the point under the pointer in place', () => {
  const view = { k: 0.8, x: 30, y: -12 };
  const p = { x: 412, y: 250 };
  const before = toContent(view, p);
  for (const factor of [1.25, 0.5, 3]) {
    const after = toContent(zoomAt(view, p, factor), p);
    near(after.x, before.x, `x after ×${factor}`);
    near(after.y, before.y, `y after ×${factor}`);
  }
});

test('zoom stops at its limit', () => {
  assert.equal(zoomAt({ k: 1, x: 0, y: 0 }, { x: 0, y: 0 }, 1000).k, MAX_ZOOM);
});

test('fitView centres the content and never magnifies past maxZoom', () => {
  const cases = [
    { name: 'large content shrinks', bounds: { minX: 0, minY: 0, maxX: 2000, maxY: 1000 }, w: 1000, h: 700, k: (1000 - 20) / 2000 },
    { name: 'small content keeps its size', bounds: { minX: 100, minY: 100, maxX: 300, maxY: 200 }, w: 1000, h: 700, k: 1 },
    { name: 'tall content fits its height', bounds: { minX: 0, minY: 0, maxX: 100, maxY: 1400 }, w: 1000, h: 700, k: (700 - 20) / 1400 },
  ];
  for (const c of cases) {
    const v = fitView(c.bounds, c.w, c.h);
    near(v.k, c.k, `${c.name}: k`);
    const centre = toContent(v, { x: c.w / 2, y: c.h / 2 });
    near(centre.x, (c.bounds.minX + c.bounds.maxX) / 2, `${c.name}: centre x`);
    near(centre.y, (c.bounds.minY + c.bounds.maxY) / 2, `${c.name}: centre y`);
  }
});

test('neighbourhood follows arrows both ways, hop by hop', () => {
  const edges = [
    { source: 'a', target: 'b' },
    { source: 'c', target: 'b' },
    { source: 'c', target: 'd' },
    { source: 'e', target: 'f' },
  ];
  const cases = [
    { hops: 0, want: ['b'] },
    { hops: 1, want: ['a', 'b', 'c'] },
    { hops: 2, want: ['a', 'b', 'c', 'd'] },
    { hops: 5, want: ['a', 'b', 'c', 'd'] },
  ];
  for (const c of cases) assert.deepEqual([...neighbourhood(edges, 'b', c.hops)].sort(), c.want, `${c.hops} hops`);
});

test('filterStances keeps types and dates as the server does', () => {
  const stances = [
    { id: 1, type: 'SUPPORTS', date: '2020-01-01' },
    { id: 2, type: 'REJECTS', date: '2020-06-01' },
    { id: 3, type: 'SUPPORTS', date: null },
    { id: 4, type: 'SUPPORTS', date: '2021-01-01' },
  ];
  const all = new Set(['SUPPORTS', 'REJECTS']);
  const cases = [
    { name: 'no filter keeps everything', enabled: all, from: '', to: '', want: [1, 2, 3, 4] },
    { name: 'a type filter', enabled: new Set(['SUPPORTS']), from: '', to: '', want: [1, 3, 4] },
    { name: 'bounds are inclusive and drop undated', enabled: all, from: '2020-01-01', to: '2020-06-01', want: [1, 2] },
    { name: 'only a start', enabled: all, from: '2020-06-02', to: '', want: [4] },
  ];
  for (const c of cases) assert.deepEqual(filterStances(stances, c.enabled, c.from, c.to).map((s) => s.id), c.want, c.name);
  assert.deepEqual(dateStops(stances), ['2020-01-01', '2020-06-01', '2021-01-01']);
});

test('chooseColumns folds the least needed columns first and never the quote', () => {
  const total = STANCE_COLUMNS.reduce((s, c) => s + c.minEm, 0);
  const cases = [
    { width: total, folded: [] },
    { width: total - 1, folded: ['topic'] },
    { width: total - 8.5, folded: ['source', 'topic'] },
    { width: 40, folded: ['date', 'source', 'topic'] },
    { width: 39, folded: ['subject', 'date', 'source', 'topic'] },
    { width: 10, folded: ['subject', 'object', 'date', 'source', 'topic'] },
  ];
  for (const c of cases) {
    const got = chooseColumns(c.width);
    assert.deepEqual(got.folded.map((x) => x.key), c.folded, `width ${c.width}em`);
    assert.ok(got.shown.some((x) => x.key === 'quote'), 'the quote is shown');
    assert.equal(got.shown.length + got.folded.length, STANCE_COLUMNS.length);
    if (c.folded.length < 5) {
      const need = got.shown.reduce((s, x) => s + x.minEm, 0);
      assert.ok(need <= c.width, `width ${c.width}em: shown columns need ${need}em`);
    }
  }
});

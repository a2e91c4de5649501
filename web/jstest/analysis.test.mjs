// Unit tests of the explorer's analysis views: node --test web/jstest/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timelineGeometry, bucketLabel, bucketTotal, balanceText, blocClass, blocIndex, moveBucket, signed, COLOURED_BLOCS } from '../static/analysis.js';

const TYPES = ['SUPPORTS', 'REJECTS', 'OFFERS'];
const BUCKETS = [
  { start: '2020-01-01', counts: [{ type: 'OFFERS', count: 1 }, { type: 'SUPPORTS', count: 3 }], net: 13.6 },
  { start: '2020-02-01', counts: [], net: 0 },
  { start: '2020-03-01', counts: [{ type: 'REJECTS', count: 2 }], net: -8 },
];

test('every bucket gets a slot, empty ones included, evenly spaced', () => {
  const g = timelineGeometry(BUCKETS, TYPES, 342, 130);
  assert.equal(g.slots.length, 3);
  assert.deepEqual(g.slots.map((s) => s.x), [34, 134, 234]);
  assert.ok(g.slots.every((s) => s.width === 100));
  assert.deepEqual(g.slots[1].segments, []);
  assert.equal(g.slots[1].total, 0);
  assert.equal(g.slots[1].netY, g.zeroY, 'an empty bucket sits on the zero line');
});

test('counts stack in vocabulary order from the baseline, scaled to the largest bucket', () => {
  const g = timelineGeometry(BUCKETS, TYPES, 342, 130);
  const [first] = g.slots;
  assert.deepEqual(first.segments.map((s) => s.type), ['SUPPORTS', 'OFFERS']);
  const barH = g.baseline - g.barTop;
  assert.equal(first.segments[0].y + first.segments[0].height, g.baseline);
  assert.ok(Math.abs(first.segments[0].height - (3 / 4) * barH) < 1e-9);
  assert.ok(Math.abs(first.segments[1].y + first.segments[1].height - first.segments[0].y) < 1e-9, 'segments touch');
  assert.ok(Math.abs(g.baseline - first.segments[1].y - barH) < 1e-9, 'the largest bucket fills the bar height');
  assert.equal(g.maxCount, 4);
});

test('the net weight is above the zero line when positive, below when negative', () => {
  const g = timelineGeometry(BUCKETS, TYPES, 342, 130);
  assert.ok(g.slots[0].netY < g.zeroY);
  assert.ok(g.slots[2].netY > g.zeroY);
  assert.ok(g.slots[0].netY >= g.plot.top && g.slots[2].netY <= g.barTop, 'the net line stays in its band');
});

test('an all-empty timeline draws flat', () => {
  const g = timelineGeometry([{ start: '2020-01-01', counts: [], net: 0 }], TYPES, 200, 100);
  assert.equal(g.slots[0].total, 0);
  assert.equal(g.slots[0].netY, g.zeroY);
});

test('buckets are labelled by their width', () => {
  const b = { start: '2024-03-04' };
  assert.deepEqual(['DAY', 'WEEK', 'MONTH', 'YEAR'].map((w) => bucketLabel(b, w)), ['2024-03-04', 'week of 2024-03-04', '2024-03', '2024']);
  assert.equal(bucketTotal(BUCKETS[0]), 4);
});

test('the balance line counts triangles and blocs', () => {
  const c = { blocs: [{}, {}], balance: { triads: 4, balanced: 3, share: 0.75 }, frustration: 2.4 };
  assert.equal(balanceText(c), '2 blocs; 3 of 4 triangles balanced (75%); frustration 2.4.');
  assert.match(balanceText({ blocs: [{}], balance: { triads: 0, balanced: 0, share: 1 }, frustration: 0 }), /^1 bloc; no triangle/);
});

test('blocs past the palette share one fill; actors map to their bloc', () => {
  assert.equal(blocClass(0), 'bloc-0');
  assert.notEqual(blocClass(0), blocClass(1));
  assert.equal(blocClass(COLOURED_BLOCS), blocClass(COLOURED_BLOCS + 5));
  const m = blocIndex([{ actor: { id: 'a' }, bloc: 0 }, { actor: { id: 'b' }, bloc: 2 }]);
  assert.equal(m.get('b'), 2);
});

test('keys move the active bucket like a slider', () => {
  const cases = [['ArrowRight', 3, 10, 4], ['ArrowLeft', 0, 10, 0], ['End', 2, 10, 9], ['Home', 7, 10, 0], ['PageDown', 5, 10, 9], ['PageUp', 5, 30, 0], ['a', 1, 10, -1], ['ArrowRight', 0, 0, -1]];
  for (const [key, i, n, want] of cases) assert.equal(moveBucket(key, i, n), want, `${key} from ${i} of ${n}`);
});

test('net weights print with their sign', () => {
  assert.deepEqual([3.4, -2, 0, 1.23456].map(signed), ['+3.4', '-2', '0', '+1.23']);
});

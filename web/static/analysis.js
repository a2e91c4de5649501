// The explorer's analysis views as pure functions: the geometry of a
// timeline chart and the colours and wording of coalitions, so that
// node --test checks them without a browser (web/jstest/analysis.test.mjs).

/** The bucket widths the timeline field takes, narrowest first. */
export const BUCKETS = ['DAY', 'WEEK', 'MONTH', 'YEAR'];

// Bloc fills live in style.css as classes bloc-0 to bloc-7 (the page's
// content security policy allows no inline style); blocs past the palette
// share the last, neutral fill, and every actor's label names its bloc, so
// nothing depends on telling colours apart.
const BLOC_CLASSES = 8;

/** How many blocs get a fill of their own; the rest share a neutral one. */
export const COLOURED_BLOCS = BLOC_CLASSES - 1;

/** Returns the class that fills bloc i (0 is the largest bloc). */
export function blocClass(i) {
  return `bloc-${Math.min(i, BLOC_CLASSES - 1)}`;
}

/**
 * Maps each actor ID to its bloc index, from the actors list of the
 * coalitions field ({actor: {id}, bloc}).
 */
export function blocIndex(actors) {
  return new Map(actors.map((a) => [a.actor.id, a.bloc]));
}

/** Says how balanced the signed graph is, for the status line. */
export function balanceText(c) {
  const b = c.balance;
  const blocs = `${c.blocs.length} bloc${c.blocs.length === 1 ? '' : 's'}`;
  if (b.triads === 0) return `${blocs}; no triangle of relations, so nothing to balance; frustration ${round(c.frustration)}.`;
  const pct = Math.round(b.share * 100);
  return `${blocs}; ${b.balanced} of ${b.triads} triangle${b.triads === 1 ? '' : 's'} balanced (${pct}%); frustration ${round(c.frustration)}.`;
}

/** Formats a net weight with its sign: +3.4, -2, 0. */
export function signed(x) {
  const r = round(x);
  return r > 0 ? `+${r}` : String(r);
}

function round(x) {
  return Math.round(x * 100) / 100;
}

/** Labels a bucket by its width: 2024-03-05, week of 2024-03-04, 2024-03, 2024. */
export function bucketLabel(bucket, width) {
  switch (width) {
    case 'YEAR':
      return bucket.start.slice(0, 4);
    case 'MONTH':
      return bucket.start.slice(0, 7);
    case 'WEEK':
      return `week of ${bucket.start}`;
    default:
      return bucket.start;
  }
}

/** The number of stances in a bucket. */
export function bucketTotal(bucket) {
  return bucket.counts.reduce((n, c) => n + c.count, 0);
}

/**
 * Lays out a timeline chart in a width x height box: one slot per bucket,
 * empty ones included, with a bar of the bucket's counts stacked by type
 * (in the order of types) from the baseline up, and the net weight as a
 * point per bucket on its own scale around a zero line.
 *
 * @param {Array<{start: string, counts: Array<{type: string, count: number}>, net: number}>} buckets
 * @param {string[]} types the vocabulary's types, in stacking order
 * @returns {{slots: Array<{x: number, width: number, total: number, segments: Array<{type: string, y: number, height: number}>, netY: number}>,
 *   baseline: number, zeroY: number, maxCount: number, maxNet: number, plot: {left: number, right: number, top: number, bottom: number}}}
 */
export function timelineGeometry(buckets, types, width, height, { left = 34, right = 8, top = 8, bottom = 22 } = {}) {
  const plotW = Math.max(1, width - left - right);
  const plotH = Math.max(1, height - top - bottom);
  // The bars take the lower two thirds, the net line the upper third, so
  // that neither hides the other.
  const barTop = top + plotH / 3;
  const barH = plotH - plotH / 3;
  const baseline = top + plotH;
  const maxCount = Math.max(1, ...buckets.map(bucketTotal));
  const maxNet = Math.max(1e-9, ...buckets.map((b) => Math.abs(b.net)));
  const netH = plotH / 3 - 4;
  const zeroY = top + netH / 2;
  const step = plotW / Math.max(1, buckets.length);
  const order = new Map(types.map((t, i) => [t, i]));
  const slots = buckets.map((b, i) => {
    const counts = [...b.counts].sort((p, q) => (order.get(p.type) ?? 1e9) - (order.get(q.type) ?? 1e9));
    let y = baseline;
    const segments = counts.map((c) => {
      const h = (c.count / maxCount) * barH;
      y -= h;
      return { type: c.type, y, height: h };
    });
    return {
      x: left + i * step,
      width: step,
      total: bucketTotal(b),
      segments,
      netY: zeroY - (b.net / maxNet) * (netH / 2),
    };
  });
  return { slots, baseline, zeroY, maxCount, maxNet, barTop, plot: { left, right: left + plotW, top, bottom: baseline } };
}

/**
 * Moves the active bucket of a chart for a key, as a slider does: arrows
 * by one, PageUp/PageDown by ten, Home and End to the ends. Returns the
 * new index, or -1 for a key that does not move.
 */
export function moveBucket(key, i, n) {
  const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, PageDown: i + 10, PageUp: i - 10, Home: 0, End: n - 1 }[key];
  if (to === undefined || n === 0) return -1;
  return Math.max(0, Math.min(n - 1, to));
}

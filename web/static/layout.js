// Deterministic force-directed layout (Fruchterman and Reingold, 1991).
//
// Nodes start on a circle in the order of their keys and the simulation uses
// no randomness, so the same graph always gets the same picture: a reader who
// reloads the page finds every actor where it was, and tests can pin positions.

/**
 * Computes node positions inside a width x height box.
 *
 * @param {Array<{id: string, key?: string}>} nodes  key orders the start circle (defaults to id)
 * @param {Array<{source: string, target: string, weight?: number}>} links
 * @param {{width: number, height: number, margin?: number, iterations?: number, gravity?: number, minDistance?: number}} box
 *   minDistance: nodes closer than this are pushed apart after the simulation
 * @returns {Map<string, {x: number, y: number}>}
 */
export function forceLayout(nodes, links, box) {
  const width = box.width;
  const height = box.height;
  const margin = box.margin ?? 40;
  const iterations = box.iterations ?? 300;
  const gravity = box.gravity ?? 0.1;
  const order = [...nodes].sort((a, b) => compare(a.key ?? a.id, b.key ?? b.id) || compare(a.id, b.id));
  const n = order.length;
  const index = new Map(order.map((node, i) => [node.id, i]));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const cx = width / 2;
  const cy = height / 2;
  const radius = Math.min(width, height) / 3;
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / Math.max(n, 1) - Math.PI / 2;
    xs[i] = n === 1 ? cx : cx + radius * Math.cos(angle);
    ys[i] = n === 1 ? cy : cy + radius * Math.sin(angle);
  }

  // Parallel links between one pair pull once, with their weights summed:
  // what matters for the picture is that the two actors are related.
  const pairs = new Map();
  for (const link of links) {
    const s = index.get(link.source);
    const t = index.get(link.target);
    if (s === undefined || t === undefined || s === t) continue;
    const key = s < t ? `${s} ${t}` : `${t} ${s}`;
    const prev = pairs.get(key);
    const w = link.weight ?? 1;
    if (prev) prev.w += w;
    else pairs.set(key, { s: Math.min(s, t), t: Math.max(s, t), w });
  }
  // Sorted, so that the order links arrive in cannot change the sums.
  const springs = [...pairs.values()].sort((a, b) => a.s - b.s || a.t - b.t);

  const area = (width - 2 * margin) * (height - 2 * margin);
  const k = 0.8 * Math.sqrt(area / Math.max(n, 1));
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  let temperature = width / 8;
  const cooling = temperature / (iterations + 1);
  for (let iter = 0; iter < iterations; iter++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i] - xs[j];
        let ddy = ys[i] - ys[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-6) {
          // Coincident nodes: separate them along a direction fixed by
          // their indexes so that the result stays deterministic.
          const a = ((i * 7 + j * 13) % 360) * (Math.PI / 180);
          ddx = Math.cos(a) * 0.01;
          ddy = Math.sin(a) * 0.01;
          d2 = 1e-4;
        }
        const d = Math.sqrt(d2);
        const f = (k * k) / d;
        const fx = (ddx / d) * f;
        const fy = (ddy / d) * f;
        dx[i] += fx;
        dy[i] += fy;
        dx[j] -= fx;
        dy[j] -= fy;
      }
    }
    for (const { s, t, w } of springs) {
      const ddx = xs[s] - xs[t];
      const ddy = ys[s] - ys[t];
      const d = Math.max(Math.sqrt(ddx * ddx + ddy * ddy), 0.01);
      // Heavier pairs pull a little harder, but only logarithmically, so a
      // much-quoted dyad does not collapse onto itself.
      const f = ((d * d) / k) * (1 + Math.log(w) / 4);
      const fx = (ddx / d) * f;
      const fy = (ddy / d) * f;
      dx[s] -= fx;
      dy[s] -= fy;
      dx[t] += fx;
      dy[t] += fy;
    }
    for (let i = 0; i < n; i++) {
      // Gravity, a spring to the centre, keeps separate components of the
      // graph from drifting apart, which would shrink everything on fitting.
      const gx = cx - xs[i];
      const gy = cy - ys[i];
      const gd = Math.sqrt(gx * gx + gy * gy);
      dx[i] += (gx * gd * gravity) / k;
      dy[i] += (gy * gd * gravity) / k;
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
      if (len > 0) {
        const step = Math.min(len, temperature);
        xs[i] += (dx[i] / len) * step;
        ys[i] += (dy[i] / len) * step;
      }
    }
    temperature -= cooling;
  }
  fit(xs, ys, width, height, margin);
  separate(xs, ys, width, height, margin, box.minDistance ?? 0);
  return new Map(order.map((node, i) => [node.id, { x: xs[i], y: ys[i] }]));
}

// fit scales and centres the positions into the box. Each axis may scale by
// up to 1.6 times the other, so a wide box is used without distorting
// the drawing much.
function fit(xs, ys, width, height, margin) {
  const n = xs.length;
  if (n === 0) return;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, xs[i]);
    maxX = Math.max(maxX, xs[i]);
    minY = Math.min(minY, ys[i]);
    maxY = Math.max(maxY, ys[i]);
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const innerW = width - 2 * margin;
  const innerH = height - 2 * margin;
  let sx = spanX > 0 ? innerW / spanX : Infinity;
  let sy = spanY > 0 ? innerH / spanY : Infinity;
  if (!Number.isFinite(sx) && !Number.isFinite(sy)) sx = sy = 1;
  else if (!Number.isFinite(sx)) sx = sy;
  else if (!Number.isFinite(sy)) sy = sx;
  const stretch = 1.6;
  sx = Math.min(sx, sy * stretch);
  sy = Math.min(sy, sx * stretch);
  const offX = margin + (innerW - spanX * sx) / 2;
  const offY = margin + (innerH - spanY * sy) / 2;
  for (let i = 0; i < n; i++) {
    xs[i] = offX + (xs[i] - minX) * sx;
    ys[i] = offY + (ys[i] - minY) * sy;
  }
}

// separate pushes apart nodes closer than min, so that labels stay
// readable, keeping every node inside the margins.
function separate(xs, ys, width, height, margin, min) {
  const n = xs.length;
  if (!(min > 0)) return;
  for (let round = 0; round < 60; round++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let dx = xs[j] - xs[i];
        let dy = ys[j] - ys[i];
        let d = Math.sqrt(dx * dx + dy * dy);
        if (d >= min) continue;
        if (d < 1e-6) {
          const a = ((i * 7 + j * 13) % 360) * (Math.PI / 180);
          dx = Math.cos(a);
          dy = Math.sin(a);
          d = 1;
        }
        const push = (min - d) / 2 + 0.01;
        const ux = dx / d;
        const uy = dy / d;
        xs[i] -= ux * push;
        ys[i] -= uy * push;
        xs[j] += ux * push;
        ys[j] += uy * push;
        moved = true;
      }
    }
    for (let i = 0; i < n; i++) {
      xs[i] = Math.min(width - margin, Math.max(margin, xs[i]));
      ys[i] = Math.min(height - margin, Math.max(margin, ys[i]));
    }
    if (!moved) break;
  }
}

function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Moves items apart until no two footprints overlap, so that no label covers
 * another label or another actor's circle at any zoom (the whole drawing
 * scales together, so what is apart at one zoom is apart at all).
 *
 * Each item is a point (x, y) with a footprint: the box from x + left to
 * x + right and from y + top to y + bottom (left and top are negative), the
 * circle and the label below it together. Overlapping pairs are pushed apart
 * along the axis where they overlap least, half each, or wholly by the one
 * that is not pinned; a dragged actor is pinned so that the others make room
 * for it. The layout does not keep to a box: the page fits the drawing to
 * its view afterwards. If the pushing has not settled after maxRounds, the
 * items still overlapping are set below the rest, so the result never has an
 * overlap whatever the input, except between two pinned items, which stay
 * where they were put.
 *
 * @param {Array<{id: string, x: number, y: number, left: number, right: number, top: number, bottom: number, pinned?: boolean}>} items
 * @param {{gap?: number, maxRounds?: number, stats?: object}} [opts] gap: the free space kept
 *   between footprints; stats, when given, gets the rounds pushed and the number of leftovers
 * @returns {Map<string, {x: number, y: number}>}
 */
export function resolveCollisions(items, opts = {}) {
  const gap = opts.gap ?? 2;
  const maxRounds = opts.maxRounds ?? 400;
  const order = [...items].sort((a, b) => compare(a.id, b.id));
  const boxes = order.map((it) => ({ ...it, pinned: Boolean(it.pinned) }));
  spread(boxes, gap);
  const stats = opts.stats ?? {};
  stats.leftovers = 0;
  for (stats.rounds = 0; stats.rounds < maxRounds; stats.rounds++) {
    if (!pushApart(boxes, gap)) return positionsOf(boxes);
    // A crowd denser than the average (a hub and its many neighbours)
    // would take a round for each step it has to grow: give it room.
    if ((stats.rounds + 1) % GROW_EVERY === 0) scale(boxes, GROW_BY);
  }
  stats.leftovers = settleLeftovers(boxes, gap);
  return positionsOf(boxes);
}

/**
 * Lists the pairs of items whose footprints overlap (or come closer than
 * gap); the explorer's tests and resolveCollisions use it.
 *
 * @returns {Array<[string, string]>}
 */
export function overlappingPairs(items, gap = 0) {
  const pairs = [];
  const boxes = [...items].sort((a, b) => compare(a.id, b.id));
  forEachNearPair(boxes, gap, (a, b) => {
    if (overlap(a, b, gap)) pairs.push([a.id, b.id]);
  });
  return pairs;
}

// pushApart does one round of pushing over every overlapping pair and
// reports whether anything moved.
function pushApart(boxes, gap) {
  let moved = false;
  forEachNearPair(boxes, gap, (a, b) => {
    const o = overlap(a, b, gap);
    if (!o || (a.pinned && b.pinned)) return;
    const horizontal = o.x < o.y;
    const amount = (horizontal ? o.x : o.y) + 0.01;
    // The direction follows the footprints' centres; equal centres take a
    // fixed direction, which keeps the result deterministic.
    const da = horizontal ? centreX(a) : centreY(a);
    const db = horizontal ? centreX(b) : centreY(b);
    const sign = db > da || (db === da && a.id < b.id) ? 1 : -1;
    const shareA = a.pinned ? 0 : b.pinned ? 1 : 0.5;
    const shareB = 1 - shareA;
    if (horizontal) {
      a.x -= sign * amount * shareA;
      b.x += sign * amount * shareB;
    } else {
      a.y -= sign * amount * shareA;
      b.y += sign * amount * shareB;
    }
    moved = true;
  });
  return moved;
}

// spread scales the positions about their centre until the drawing's box
// could hold every footprint twice over. Pushing pairs apart resolves local
// overlaps quickly but would take a round for every step a dense crowd has
// to grow; scaling first leaves it only local work. Pinned items do not
// move, and with one pinned the scaling is about it.
function spread(boxes, gap) {
  if (boxes.length < 2) return;
  let need = 0;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of boxes) {
    need += (b.right - b.left + gap) * (b.bottom - b.top + gap);
    minX = Math.min(minX, b.x);
    maxX = Math.max(maxX, b.x);
    minY = Math.min(minY, b.y);
    maxY = Math.max(maxY, b.y);
  }
  const have = Math.max(maxX - minX, 1) * Math.max(maxY - minY, 1);
  const factor = Math.sqrt((2 * need) / have);
  if (factor > 1) scale(boxes, factor);
}

// Rounds of pushing after which the drawing grows, and by how much.
const GROW_EVERY = 40;
const GROW_BY = 1.15;

// scale multiplies the distances from the centre (or from the pinned item,
// which stays put) by factor.
function scale(boxes, factor) {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    maxX = Math.max(maxX, b.x);
    minY = Math.min(minY, b.y);
    maxY = Math.max(maxY, b.y);
  }
  const pin = boxes.find((b) => b.pinned);
  const cx = pin ? pin.x : (minX + maxX) / 2;
  const cy = pin ? pin.y : (minY + maxY) / 2;
  for (const b of boxes) {
    if (b.pinned) continue;
    b.x = cx + (b.x - cx) * factor;
    b.y = cy + (b.y - cy) * factor;
  }
}

// settleLeftovers moves each item that still overlaps another below
// everything placed so far: the last resort that makes the result free of
// overlaps by construction. It returns how many it moved.
function settleLeftovers(boxes, gap) {
  const bad = new Set(overlappingPairs(boxes, gap).flat());
  let floor = -Infinity;
  let cursor = Infinity;
  for (const b of boxes) {
    if (!bad.has(b.id) || b.pinned) {
      floor = Math.max(floor, b.y + b.bottom);
      cursor = Math.min(cursor, b.x + b.left);
    }
  }
  if (!Number.isFinite(floor)) floor = 0;
  if (!Number.isFinite(cursor)) cursor = 0;
  for (const b of boxes) {
    if (!bad.has(b.id) || b.pinned) continue;
    b.x = cursor - b.left;
    b.y = floor + gap + 1 - b.top;
    cursor += b.right - b.left + gap + 1;
  }
  return bad.size;
}

function overlap(a, b, gap) {
  const x = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x + a.left, b.x + b.left) + gap;
  const y = Math.min(a.y + a.bottom, b.y + b.bottom) - Math.max(a.y + a.top, b.y + b.top) + gap;
  return x > 0 && y > 0 ? { x, y } : null;
}

// forEachNearPair calls fn for each pair of boxes that share a cell of a
// grid as large as the largest footprint, once per pair, in a fixed order:
// the pairs that can overlap, without comparing every box with every other.
function forEachNearPair(boxes, gap, fn) {
  if (boxes.length < 2) return;
  let cell = 1;
  for (const b of boxes) cell = Math.max(cell, b.right - b.left + gap, b.bottom - b.top + gap);
  const grid = new Map();
  boxes.forEach((b, i) => {
    const x0 = Math.floor((b.x + b.left) / cell);
    const x1 = Math.floor((b.x + b.right + gap) / cell);
    const y0 = Math.floor((b.y + b.top) / cell);
    const y1 = Math.floor((b.y + b.bottom + gap) / cell);
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const key = `${gx},${gy}`;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(i);
      }
    }
  });
  const seen = new Set();
  const pairs = [];
  for (const members of grid.values()) {
    for (let p = 0; p < members.length; p++) {
      for (let q = p + 1; q < members.length; q++) {
        const key = members[p] * boxes.length + members[q];
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push(key);
      }
    }
  }
  pairs.sort((u, v) => u - v);
  for (const key of pairs) fn(boxes[Math.floor(key / boxes.length)], boxes[key % boxes.length]);
}

function centreX(b) {
  return b.x + (b.left + b.right) / 2;
}

function centreY(b) {
  return b.y + (b.top + b.bottom) / 2;
}

function positionsOf(boxes) {
  return new Map(boxes.map((b) => [b.id, { x: b.x, y: b.y }]));
}

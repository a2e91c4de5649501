// Checks that run inside the explorer page (page.evaluate): each function is
// self-contained, since Playwright sends its source to the browser.

/**
 * Label boxes as the browser drew them: no two labels intersect, and no
 * label lies under another actor's circle. Returns the actors counted and
 * the first offending pairs.
 */
export function labelOverlaps() {
  const nodes = [...document.querySelectorAll('#graph .node')];
  const names = nodes.map((n) => n.dataset.name);
  const labels = nodes.map((n) => n.querySelector('text.label').getBoundingClientRect());
  const circles = nodes.map((n) => n.querySelector('circle').getBoundingClientRect());
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const bad = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = 0; j < nodes.length; j++) {
      if (i === j) continue;
      if (j > i && hit(labels[i], labels[j])) bad.push(`label "${names[i]}" crosses label "${names[j]}"`);
      if (hit(labels[i], circles[j])) bad.push(`label "${names[i]}" lies under the circle of "${names[j]}"`);
    }
  }
  const tiny = labels.filter((r) => r.width < 1 || r.height < 1).length;
  return { actors: nodes.length, overlaps: bad.length, first: bad.slice(0, 5), tiny, labelHeight: labels.length ? labels[0].height : 0 };
}

/**
 * The numbers the page shows about the drawing: the status line's "N
 * stances shown as M arrows", the table's rows and the sum of its count
 * column.
 */
export function graphCounts() {
  const text = document.getElementById('graph-status').textContent;
  const m = /^(\d+) stances? shown as (\d+) arrows?/.exec(text);
  const rows = [...document.querySelectorAll('#edge-table tbody tr')];
  const sum = rows.reduce((n, tr) => n + Number(tr.querySelector('td.num').textContent), 0);
  return {
    text,
    stances: m ? Number(m[1]) : -1,
    arrows: m ? Number(m[2]) : -1,
    rows: rows.length,
    sum,
    drawnArrows: document.querySelectorAll('#graph .edge').length,
    summary: document.getElementById('edge-count').textContent,
  };
}

/** Whether the stance table with this id fits its panel, cell by cell. */
export function tableFit(id) {
  const table = document.getElementById(id);
  const body = document.getElementById('details-body');
  if (!table) return { ok: false, why: `no table #${id}` };
  const over = [...table.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).length;
  const caption = table.querySelector('caption').textContent;
  const m = /: (\d+)(?: of \d+)?$/.exec(caption);
  const rows = table.querySelectorAll('tbody tr[data-stance-id]').length;
  return {
    ok: table.getBoundingClientRect().width <= body.clientWidth + 1 && over === 0,
    tableWidth: Math.round(table.getBoundingClientRect().width),
    panelWidth: body.clientWidth,
    overflowingCells: over,
    columns: table.dataset.columns,
    captionCount: m ? Number(m[1]) : -1,
    rows,
  };
}

/**
 * The words of the first quotes of a table that the browser broke across
 * two lines: a quote must wrap between words, never inside one.
 */
export function splitWords(id) {
  const out = [];
  let words = 0;
  for (const td of [...document.querySelectorAll(`#${id} td.quote`)].slice(0, 80)) {
    const node = td.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE) continue;
    const re = /\S+/g;
    let m;
    while ((m = re.exec(node.data))) {
      words++;
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
      if (tops.size > 1) out.push(m[0]);
    }
  }
  return { words, split: out };
}

/** The drawing's zoom and pan: scale k and translation x, y. */
export function viewTransform() {
  const t = document.querySelector('#graph .viewport').getAttribute('transform');
  const m = /translate\(([-\d.]+),([-\d.]+)\) scale\(([-\d.]+)\)/.exec(t);
  return { x: Number(m[1]), y: Number(m[2]), k: Number(m[3]) };
}

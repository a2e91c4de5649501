// Follows the server's live feed, GraphQL subscriptions over Server-Sent
// Events at /graphql/stream (the graphql-sse protocol), and tells the
// explorer when stances are added or retracted, so it redraws without
// polling. Kept apart from app.js: the explorer calls followFeed once.

const STREAM = '/graphql/stream';
const FEEDS = ['subscription Added { stanceAdded { id } }', 'subscription Retracted { stanceRetracted { id } }'];

/**
 * Follows both feeds for as long as the page lives. onChange(n) runs after
 * n changes, at most once per `delay` ms, and once more after a feed was
 * dropped or lost (the explorer then reloads what it shows). status, an
 * element, says whether the feed is live.
 */
export function followFeed({ onChange, status, delay = 400 }) {
  let timer = 0;
  let pending = 0;
  const changed = () => {
    pending++;
    if (timer) return;
    timer = setTimeout(() => {
      const n = pending;
      timer = 0;
      pending = 0;
      onChange(n);
    }, delay);
  };
  const live = new Set();
  const show = (query, up) => {
    if (up) live.add(query);
    else live.delete(query);
    if (status) status.textContent = live.size === FEEDS.length ? 'Live: new stances appear as they are stored.' : 'Live feed offline; retrying.';
  };
  for (const query of FEEDS) follow(query, changed, show);
}

// follow keeps one subscription open, reconnecting with a growing pause.
async function follow(query, changed, show) {
  let pause = 1000;
  for (;;) {
    let connected = false;
    try {
      const res = await fetch(STREAM, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query }),
      });
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      show(query, true);
      connected = true;
      pause = 1000;
      for await (const ev of events(res.body)) {
        if (ev.event !== 'next') continue;
        changed();
        // An answer with errors ends the stream (dropped: it missed
        // changes), so the explorer reloads and subscribes again.
      }
    } catch {
      // Network error or server gone: retry below.
    }
    show(query, false);
    if (connected) changed(); // what came while away is missing: reload

    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(2 * pause, 30000);
  }
}

// events parses a text/event-stream body into {event, data} objects.
async function* events(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buf += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, end);
      buf = buf.slice(end + 2);
      const ev = { event: 'message', data: '' };
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        if (colon === 0) continue; // a comment: keep-alive
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') ev.event = value;
        else if (field === 'data') ev.data += (ev.data ? '\n' : '') + value;
      }
      yield ev;
    }
  }
}

// A large stance graph for the explorer's checks: actors and stances written
// as JSON Lines, loaded with `graphd load` into a temporary store and served
// by graphd on a free loopback port. Deterministic: the same counts always
// give the same graph, so a screenshot can be compared between runs.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, execFileSync } from 'node:child_process';

const PLACES = ['Avalon', 'Brava', 'Cordell', 'Dunmore', 'Eskervale', 'Fennwick', 'Galtria', 'Hollin', 'Istmar', 'Jorvik',
  'Kestrel Bay', 'Lunmark', 'Morrow', 'Northreach', 'Ostrava Plains', 'Pellucid', 'Quarry Hill', 'Rhun', 'Saltmarsh', 'Tavrin'];
const ADJECTIVES = ['', 'National', 'Democratic', 'Revolutionary', 'Free', "People's", 'United', 'Provisional', 'Northern', 'Islamic'];
const NOUNS = ['Government', 'Front', 'Council', 'Alliance', 'Movement', 'Army', 'Party', 'Union', 'Coalition', 'Brigade'];
const KINDS = ['STATE', 'GOVERNMENT', 'ARMED_GROUP', 'ORGANIZATION', 'PERSON', 'OTHER'];
const TYPES = ['SUPPORTS', 'REJECTS', 'DEMANDS', 'ACCUSES', 'OFFERS', 'ENGAGES'];
const VERBS = {
  SUPPORTS: 'said it stood firmly behind',
  REJECTS: 'flatly rejected the latest proposal put forward by',
  DEMANDS: 'demanded immediate and verifiable concessions from',
  ACCUSES: 'accused, in a lengthy statement read to reporters,',
  OFFERS: 'offered to open a humanitarian corridor together with',
  ENGAGES: 'held talks behind closed doors with',
};
const TOPICS = ['border security', 'prisoner exchange', 'ceasefire', 'water rights', 'elections', 'sanctions', 'refugee return'];

// rng is a small linear congruential generator: no dependency, same
// sequence on every machine.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function actorNames(n) {
  const names = [];
  const seen = new Set();
  for (let i = 0; names.length < n; i++) {
    const c = (i * 7919) % (PLACES.length * ADJECTIVES.length * NOUNS.length);
    const place = PLACES[c % PLACES.length];
    const adj = ADJECTIVES[Math.floor(c / PLACES.length) % ADJECTIVES.length];
    const noun = NOUNS[Math.floor(c / (PLACES.length * ADJECTIVES.length)) % NOUNS.length];
    const name = [place, adj, noun].filter(Boolean).join(' ');
    if (!seen.has(name)) {
      seen.add(name);
      names.push(name);
    }
  }
  return names;
}

/** Writes the graph as JSON Lines to file and returns what it holds. */
export function writeBigGraph(file, { actors = 300, stances = 2000, perDocument = 20 } = {}) {
  const rand = rng(20240611);
  const names = actorNames(actors);
  const lines = names.map((name, i) => JSON.stringify({ record: 'actor', name, kind: KINDS[i % KINDS.length] }));
  // Subjects follow a long tail, as in real event data: a few actors hold
  // many stances, most hold a few.
  const weights = names.map((_, i) => 1 / (i + 4));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = () => {
    let r = rand() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) <= 0) return i;
    return weights.length - 1;
  };
  const start = Date.UTC(2019, 0, 1);
  for (let d = 0; d * perDocument < stances; d++) {
    const rows = [];
    for (let k = d * perDocument; k < Math.min(stances, (d + 1) * perDocument); k++) {
      const s = pick();
      let o = Math.floor(rand() * actors);
      if (o === s) o = (o + 1) % actors;
      const type = TYPES[Math.floor(rand() * TYPES.length)];
      const date = new Date(start + Math.floor(rand() * 4 * 365) * 86400000).toISOString().slice(0, 10);
      const topic = TOPICS[k % TOPICS.length];
      const quote = `The ${names[s]} ${VERBS[type]} the ${names[o]} over ${topic}, according to statement number ${k + 1}.`;
      rows.push({ s, o, type, date, topic, quote });
    }
    const key = `doc${d}`;
    const text = rows.map((r) => r.quote).join(' ');
    lines.push(JSON.stringify({ record: 'document', key, title: `Press digest ${d + 1}`, source: 'Generated wire', date: rows[0].date, text }));
    for (const r of rows) {
      lines.push(JSON.stringify({ record: 'stance', subject: names[r.s], type: r.type, object: names[r.o], topic: r.topic, date: r.date, evidence: [{ document: key, quote: r.quote }] }));
    }
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return { actors, stances };
}

/**
 * Loads the graph into a fresh store under dir and serves it; returns the
 * server's base URL and a function that stops it.
 */
export async function serveBigGraph(graphd, dir, opts = {}) {
  const file = path.join(dir, 'big.jsonl');
  const data = path.join(dir, 'big-store');
  const counts = writeBigGraph(file, opts);
  execFileSync(graphd, ['load', '--data', data, file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const proc = spawn(graphd, ['serve', '--data', data, '--addr', '127.0.0.1:0', '--no-seed'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const base = await new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`graphd did not start within 30 s: ${log}`)), 30000);
    const onData = (chunk) => {
      log += chunk;
      const m = /msg=serving addr=(\S+)/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(`http://${m[1]}`);
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`graphd exited with ${code}: ${log}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.on('exit', resolve);
      proc.kill();
    });
  return { base, stop, ...counts };
}

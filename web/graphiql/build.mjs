// Builds GraphiQL for graphd into dist/ (committed, embedded with go:embed):
// graphiql.js and graphiql.css from src/main.js and the npm packages pinned
// in package-lock.json, index.html, and LICENSES.txt holding the licence of
// every package the bundle contains. Run it through `make graphiql`.
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

const here = dirname(fileURLToPath(import.meta.url));
// GRAPHIQL_OUT builds elsewhere, to compare a fresh build with dist/.
const dist = process.env.GRAPHIQL_OUT || join(here, 'dist');
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist);

const result = await build({
  entryPoints: { graphiql: join(here, 'src/main.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  outdir: dist,
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none', // the licences are in LICENSES.txt, in full
  loader: { '.woff2': 'dataurl', '.woff': 'dataurl' },
  metafile: true,
  logLevel: 'warning',
});
copyFileSync(join(here, 'src/index.html'), join(dist, 'index.html'));

// The packages whose files the bundle holds, with their licences.
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (m) packages.set(m[1], join(here, 'node_modules', m[1]));
}
let out = 'Licences of the npm packages bundled into graphiql.js and graphiql.css\n' +
  '(versions pinned in web/graphiql/package-lock.json).\n';
for (const name of [...packages.keys()].sort()) {
  const dir = packages.get(name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  out += `\n${'='.repeat(72)}\n${name}@${pkg.version} (${pkg.license || 'see below'})\n${'='.repeat(72)}\n\n`;
  out += file && existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8').trim() + '\n' : declared(pkg);
}
writeFileSync(join(dist, 'LICENSES.txt'), out);

// declared is the licence of a package that ships no licence file: the MIT
// terms its package.json names, with its author as the holder.
function declared(pkg) {
  if (pkg.license !== 'MIT') throw new Error(`${pkg.name} ships no licence file and is not MIT (${pkg.license}): add its licence by hand`);
  const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name || `the authors of ${pkg.name}`;
  return `(no licence file in the package; its package.json declares MIT)\n\nCopyright (c) ${author}\n\n` + MIT;
}
console.log(`${dist}: ${packages.size} packages bundled`);

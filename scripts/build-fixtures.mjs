#!/usr/bin/env node
/**
 * Builds the e2e fixture pages into `dist/fixtures/` (or `--out <dir>`).
 *
 *   tests/e2e/fixtures/pages/<id>.html  → <out>/<id>.html            (copied)
 *   tests/e2e/fixtures/src/<id>.ts(x)   → <out>/<id>.js              (esbuild bundle, IIFE)
 *   editor CSS                          → <out>/vendor/*.css
 *   TinyMCE skins/models/icons/themes   → <out>/vendor/tinymce/      (TinyMCE's base_url)
 *   an index of all pages               → <out>/index.html
 *
 * Files in src/ whose name starts with "_" are shared modules, not entry points. Draft.js and
 * Slate bundles get React 18 (aliased packages `react18` / `react-dom18`); the rest use React 19.
 *
 * Extra module folders can be given in NODE_PATH (esbuild `nodePaths`).
 *
 * Idempotent and incremental: outputs are written (atomically) only when their content changed;
 * TinyMCE assets are copied once per TinyMCE version. No network access.
 *
 * Usage:  node scripts/build-fixtures.mjs [--out dist/fixtures] [--quiet]
 * API:    import { buildFixtures } from './scripts/build-fixtures.mjs';
 *         const { outDir, pages } = await buildFixtures({ outDir });
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');
const SRC = path.join(FIXTURES, 'src');
const PAGES = path.join(FIXTURES, 'pages');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Fixture bundles that must use React 18 (Draft.js calls ReactDOM.findDOMNode, gone in 19). */
const REACT18 = new Set(['draftjs', 'slate']);

/** [package-relative source, output path under <out>/vendor]. */
const VENDOR_CSS = [
  ['ckeditor5/dist/ckeditor5.css', 'ckeditor5.css'],
  ['quill/dist/quill.snow.css', 'quill.snow.css'],
  ['trix/dist/trix.css', 'trix.css'],
  ['draft-js/dist/Draft.css', 'Draft.css'],
];
const TINYMCE_DIRS = ['skins', 'models', 'icons', 'themes'];

class BuildError extends Error {}

/** Resolve a file inside an installed package without going through its `exports` map. */
function packageFile(spec) {
  const [scopeOrName, ...rest] = spec.split('/');
  const name = scopeOrName.startsWith('@') ? `${scopeOrName}/${rest.shift()}` : scopeOrName;
  let pkgJson;
  try {
    pkgJson = require.resolve(`${name}/package.json`);
  } catch {
    // Some packages do not export package.json: walk node_modules directly.
    pkgJson = path.join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(pkgJson)) {
      throw new BuildError(`package "${name}" is not installed (needed for ${spec}); run npm install`);
    }
  }
  return path.join(path.dirname(pkgJson), ...rest);
}

async function readIfExists(file) {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Write only when the content differs; write to a temp file and rename, so readers never see half a file. */
async function writeIfChanged(file, contents) {
  const buf = Buffer.isBuffer(contents) ? contents : Buffer.from(contents);
  const old = await readIfExists(file);
  if (old && old.equals(buf)) return false;
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await fs.writeFile(tmp, buf);
  await fs.rename(tmp, file);
  return true;
}

async function listFixtures() {
  const [srcNames, pageNames] = await Promise.all([fs.readdir(SRC), fs.readdir(PAGES)]);
  const entries = srcNames
    .filter((n) => /\.tsx?$/.test(n) && !n.endsWith('.d.ts') && !n.startsWith('_'))
    .map((n) => ({ id: n.replace(/\.tsx?$/, ''), file: path.join(SRC, n) }));
  const pages = pageNames.filter((n) => n.endsWith('.html')).map((n) => n.slice(0, -'.html'.length));
  const ids = new Set(entries.map((e) => e.id));
  const problems = [];
  for (const id of pages) if (!ids.has(id)) problems.push(`page ${id}.html has no src/${id}.ts(x)`);
  for (const { id } of entries) if (!pages.includes(id)) problems.push(`src/${id}.ts(x) has no pages/${id}.html`);
  const dupes = entries.map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i);
  for (const id of dupes) problems.push(`both src/${id}.ts and src/${id}.tsx exist`);
  if (problems.length) throw new BuildError(`fixture layout problems:\n  ${problems.join('\n  ')}`);
  return { entries, pages: pages.sort() };
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function formatEsbuildError(err) {
  const msgs = err?.errors ?? [];
  if (!msgs.length) return String(err?.stack ?? err);
  return msgs
    .slice(0, 20)
    .map((m) => {
      const loc = m.location ? `${path.relative(ROOT, m.location.file)}:${m.location.line}:${m.location.column}: ` : '';
      return `  ${loc}${m.text}${m.location?.lineText ? `\n      ${clip(m.location.lineText.trim(), 160)}` : ''}`;
    })
    .join('\n');
}

/** One esbuild call per fixture, so one broken fixture cannot hide the others. */
async function bundleOne(esbuild, entry, outDir) {
  const react18 = REACT18.has(entry.id);
  const nodePaths = (process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean);
  const options = {
    entryPoints: { [entry.id]: entry.file },
    absWorkingDir: ROOT,
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    jsx: 'automatic',
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
    write: false,
    nodePaths,
    define: { global: 'window', 'process.env.NODE_ENV': '"production"' },
    alias: react18 ? { react: 'react18', 'react-dom': 'react-dom18' } : {},
  };
  try {
    const result = await esbuild.build(options);
    return { id: entry.id, files: result.outputFiles };
  } catch (err) {
    let message = `esbuild failed for fixture "${entry.id}" (${path.relative(ROOT, entry.file)}):\n${formatEsbuildError(err)}`;
    const missing = [...message.matchAll(/Could not resolve "([^"]+)"/g)].map((m) => m[1]);
    if (missing.length) {
      message += `\n  → missing package(s): ${[...new Set(missing)].join(', ')}. Add them to devDependencies and run npm install.`;
    }
    return { id: entry.id, error: message };
  }
}

/** Bundle written in place of a fixture that failed to build: the page shows the error and `ready` rejects. */
function failedStub(id, message) {
  return `(() => {
  const message = ${JSON.stringify(`Fixture "${id}" failed to build:
${message}`)};
  const ready = Promise.reject(new Error(message));
  ready.catch(() => {});
  const fail = () => { throw new Error(message); };
  window.__fixture = { id: ${JSON.stringify(id)}, ready, model: fail, serialized: fail, focus: fail, buildError: message };
  const show = () => {
    const pre = document.createElement('pre');
    pre.className = 'fx-error';
    pre.style.cssText = 'background:#ffebe9;color:#82071e;border:1px solid #ff8182;padding:8px;margin:8px;white-space:pre-wrap';
    pre.textContent = message;
    document.body.prepend(pre);
  };
  if (document.body) show(); else document.addEventListener('DOMContentLoaded', show);
})();
`;
}

/**
 * Copies TinyMCE's runtime assets once per TinyMCE version. The copy is made in a temp folder and
 * renamed into place, so a concurrent build never sees a half-copied tree.
 */
async function copyTinymce(outDir) {
  const pkgDir = path.dirname(packageFile('tinymce/package.json'));
  const { version } = JSON.parse(await fs.readFile(path.join(pkgDir, 'package.json'), 'utf8'));
  const vendor = path.join(outDir, 'vendor');
  const dest = path.join(vendor, 'tinymce');
  const stamp = `${version}\n${TINYMCE_DIRS.join(',')}\n`;
  const isCurrent = async () => (await readIfExists(path.join(dest, '.copied-version')))?.toString() === stamp;
  if (await isCurrent()) return false;

  await fs.mkdir(vendor, { recursive: true });
  const tmp = await fs.mkdtemp(path.join(vendor, '.tinymce-'));
  try {
    await fs.chmod(tmp, 0o755); // mkdtemp creates it 0700
    for (const dir of TINYMCE_DIRS) {
      await fs.cp(path.join(pkgDir, dir), path.join(tmp, dir), { recursive: true });
    }
    await fs.writeFile(path.join(tmp, '.copied-version'), stamp);
    if (await isCurrent()) return false; // another build finished first
    const old = existsSync(dest) ? `${tmp}-old` : undefined;
    if (old) await fs.rename(dest, old);
    try {
      await fs.rename(tmp, dest);
    } catch (err) {
      if (!(await isCurrent())) throw err;
    }
    if (old) await fs.rm(old, { recursive: true, force: true });
    return true;
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

function indexHtml(pages) {
  const items = pages.map((id) => `    <li><a href="${id}.html">${id}</a></li>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Reply Coach e2e fixtures</title>
<style>body{font:14px/1.6 system-ui,sans-serif;margin:32px auto;max-width:640px;color:#1f2328}a{color:#0969da}</style></head>
<body>
  <h1>Reply Coach e2e fixtures</h1>
  <p>Each page exposes <code>window.__fixture</code> (<code>id, ready, model(), serialized(), focus()</code>).</p>
  <ul>
${items}
  </ul>
</body>
</html>
`;
}

/**
 * Build all fixtures.
 *
 * A fixture whose bundle fails gets a stub `<id>.js` that shows the error on its page and makes
 * `__fixture.ready` reject; the other fixtures are still written. Then, unless `allowPartial`,
 * the call throws (the CLI exits 1). With `allowPartial`, failures are returned in `failed`
 * (id → message) so a test run can fail just those fixtures.
 *
 * @param {{ outDir?: string, quiet?: boolean, allowPartial?: boolean }} [options]
 * @returns {Promise<{ outDir: string, pages: string[], written: number, ms: number, failed: Record<string, string> }>}
 */
export async function buildFixtures({ outDir = path.join(ROOT, 'dist/fixtures'), quiet = true, allowPartial = false } = {}) {
  const started = performance.now();
  outDir = path.resolve(ROOT, outDir);
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch (err) {
    throw new BuildError(`cannot load esbuild (${err.message}); run npm install`);
  }
  const { entries, pages } = await listFixtures();

  const [results, tinymceCopied] = await Promise.all([
    Promise.all(entries.map((e) => bundleOne(esbuild, e, outDir))),
    copyTinymce(outDir),
  ]);
  const failed = {};
  for (const r of results) if (r.error) failed[r.id] = r.error;

  const writes = [
    ...results.flatMap((r) =>
      r.error
        ? [writeIfChanged(path.join(outDir, `${r.id}.js`), failedStub(r.id, r.error))]
        : r.files.map((f) => writeIfChanged(f.path, Buffer.from(f.contents))),
    ),
    ...pages.map(async (id) => writeIfChanged(path.join(outDir, `${id}.html`), await fs.readFile(path.join(PAGES, `${id}.html`)))),
    ...VENDOR_CSS.map(async ([src, dest]) => writeIfChanged(path.join(outDir, 'vendor', dest), await fs.readFile(packageFile(src)))),
    writeIfChanged(path.join(outDir, 'index.html'), indexHtml(pages)),
  ];
  const written = (await Promise.all(writes)).filter(Boolean).length + (tinymceCopied ? 1 : 0);
  const ms = Math.round(performance.now() - started);
  const failedIds = Object.keys(failed);
  if (!quiet) {
    console.log(
      `build-fixtures: ${pages.length - failedIds.length}/${pages.length} pages built → ${path.relative(process.cwd(), outDir) || '.'} (${written} file(s) updated, ${ms} ms)`,
    );
  }
  if (failedIds.length && !allowPartial) {
    throw new BuildError(
      `${failedIds.length} fixture(s) failed to build (${failedIds.join(', ')}); the other pages were written, ` +
        `failed ones got a stub that shows the error.\n\n${Object.values(failed).join('\n\n')}`,
    );
  }
  return { outDir, pages, written, ms, failed };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const outIdx = args.indexOf('--out');
  const outDir = outIdx >= 0 ? args[outIdx + 1] : undefined;
  if (outIdx >= 0 && !outDir) {
    console.error('build-fixtures: --out needs a directory');
    process.exit(2);
  }
  buildFixtures({ outDir: outDir && path.resolve(process.cwd(), outDir), quiet: args.includes('--quiet') })
    .catch((err) => {
      console.error(`build-fixtures: FAILED\n${err instanceof BuildError ? err.message : err?.stack ?? err}`);
      process.exit(1);
    });
}

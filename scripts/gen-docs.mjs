#!/usr/bin/env node
// npm run docs: regenerate docs/rule-catalog.md and the rule counts in rules/README.md from rules/.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/tools/gen-docs.mjs');
await build({
  stdin: { contents: "export * from './src/node/catalog.ts'; export { loadPackCatalog } from './src/node/load-pack.ts';", resolveDir: root, loader: 'ts' },
  outfile: out, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning',
});
const { renderCatalog, withCounts, loadPackCatalog } = await import(pathToFileURL(out).href);
const packs = loadPackCatalog(join(root, 'rules'));
writeFileSync(join(root, 'docs/rule-catalog.md'), renderCatalog(packs));
const readme = join(root, 'rules/README.md');
writeFileSync(readme, withCounts(readFileSync(readme, 'utf8'), packs));
console.log(`wrote docs/rule-catalog.md and the counts in rules/README.md (${packs.map((p) => `${p.id}: ${p.rules.length}`).join(', ')})`);

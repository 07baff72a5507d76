/** Compiles rules/ into src/generated/builtin-packs.json, which the engine bundle and the extension embed. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createEngine } from '../core/engine.js';
import { loadPackCatalog, PackLoadError } from './load-pack.js';

export function buildBuiltinPacks(rulesDir: string, outFile: string): number {
  const packs = loadPackCatalog(rulesDir);
  // The schema passed; a pattern that doesn't compile would leave its rule silently off in every browser.
  const problems = createEngine(packs).problems;
  if (problems.length) throw new PackLoadError(problems);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(packs) + '\n');
  return packs.reduce((n, p) => n + p.rules.length, 0);
}

if (process.argv[1] && /build-builtin/.test(process.argv[1])) {
  const [rulesDir = 'rules', outFile = 'src/generated/builtin-packs.json'] = process.argv.slice(2);
  try {
    const n = buildBuiltinPacks(rulesDir, outFile);
    console.log(`built-in packs: ${n} rules → ${outFile}`);
  } catch (e) {
    console.error(e instanceof PackLoadError ? e.message : e);
    process.exit(2);
  }
}

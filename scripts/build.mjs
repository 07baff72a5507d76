#!/usr/bin/env node
/**
 * npm run build: rules/ → src/generated/builtin-packs.json → dist/engine (the `reply-coach/engine` export),
 * dist/cli (the `reply-coach` command), then the extension and the e2e fixtures.
 *   --engine-only   stop after the engine and the CLI (used by `prepare`, bench and eval)
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const engineOnly = process.argv.includes('--engine-only');
const t0 = performance.now();

async function step(name, fn) {
  const t = performance.now();
  await fn();
  console.log(`  ${name} (${Math.round(performance.now() - t)} ms)`);
}

export async function buildEngine() {
  await step('built-in packs', async () => {
    await build({
      entryPoints: [join(root, 'src/node/build-builtin.ts')],
      outfile: join(root, 'dist/tools/build-builtin.mjs'),
      bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning',
    });
    try {
      execFileSync(process.execPath, [join(root, 'dist/tools/build-builtin.mjs'), join(root, 'rules'), join(root, 'src/generated/builtin-packs.json')], { stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      console.error('build: the built-in packs in rules/ are invalid (see above)');
      process.exit(2);
    }
  });
  await step('engine → dist/engine/index.js', () =>
    build({
      entryPoints: [join(root, 'src/engine/index.ts')],
      outfile: join(root, 'dist/engine/index.js'),
      bundle: true, platform: 'neutral', format: 'esm', target: 'es2022', logLevel: 'warning',
      mainFields: ['module', 'main'],
    }),
  );
  await step('CLI → dist/cli/main.js', () =>
    build({
      entryPoints: [join(root, 'src/cli/main.ts')],
      outfile: join(root, 'dist/cli/main.js'),
      bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning',
      define: { __VERSION__: JSON.stringify(pkg.version) },
      // yaml is CommonJS-free ESM, zod too; bundling them makes the CLI independent of devDependencies.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    }),
  );
}

async function buildTypes() {
  await step('types → dist/types', () => {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });
    mkdirSync(join(root, 'dist/engine'), { recursive: true });
    writeFileSync(join(root, 'dist/engine/index.d.ts'), "export * from '../types/engine/index.js';\n");
  });
}

await buildEngine();
if (!engineOnly) {
  await buildTypes();
  // dist/chrome and dist/firefox (store builds) and dist/chrome-dev (the same bundles + localhost, used by
  // npm start and the e2e tests), then the e2e fixtures and the demo inbox.
  const { buildExtension } = await import(pathToFileURL(join(root, 'scripts/build-extension.mjs')).href);
  await step('extension → dist/chrome, dist/firefox, dist/chrome-dev', () => buildExtension({ withDev: true, quiet: true }));
  const { buildFixtures } = await import(pathToFileURL(join(root, 'scripts/build-fixtures.mjs')).href);
  await step('fixtures → dist/fixtures', () => buildFixtures({}));
}
console.log(`build done in ${Math.round(performance.now() - t0)} ms`);

#!/usr/bin/env node
/**
 * npm test: build everything, type-check, run the unit tests (engine, rules, CLI, UI in jsdom), then the
 * end-to-end tests in real Chromium with the built extension. Stops at the first failing stage.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const stages = [
  ['build', process.execPath, [join(root, 'scripts/build.mjs')]],
  ['typecheck', bin('tsc'), ['--noEmit', '-p', join(root, 'tsconfig.json')]],
  ['unit tests', bin('vitest'), ['run']],
];
if (existsSync(join(root, 'vitest.e2e.config.ts'))) stages.push(['end-to-end tests (Chromium)', bin('vitest'), ['run', '-c', 'vitest.e2e.config.ts']]);

for (const [name, cmd, args] of stages) {
  console.log(`\n▶ ${name}`);
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}

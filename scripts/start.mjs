#!/usr/bin/env node
// npm start: build, then coach a sample reply on the command line.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--engine-only'], { stdio: 'inherit' });
const sample = "Calm down, I don't know when it ships. You should have read our policy.";
console.log(`\nSample reply: ${sample}\n`);
try {
  execFileSync(process.execPath, [join(root, 'bin/reply-coach.js'), 'check'], { input: sample, stdio: ['pipe', 'inherit', 'inherit'] });
} catch {
  // exit 1 means "findings": expected for the sample
}

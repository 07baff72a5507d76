#!/usr/bin/env node
// The CLI is bundled by `npm run build` (run automatically by `npm install` through "prepare").
import { existsSync } from 'node:fs';
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('reply-coach: not built yet; run "npm run build" in the project folder first\n');
  process.exit(2);
}
const { main } = await import(entry.href);
main();

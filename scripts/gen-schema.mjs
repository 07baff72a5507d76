#!/usr/bin/env node
// npm run schema: regenerate rules/schema/pack.schema.json from src/core/pack-schema.ts.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/tools/pack-json-schema.mjs');
await build({ entryPoints: [join(root, 'src/node/pack-json-schema.ts')], outfile: out, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
const { packJsonSchemaText } = await import(pathToFileURL(out).href);
writeFileSync(join(root, 'rules/schema/pack.schema.json'), packJsonSchemaText());
console.log('wrote rules/schema/pack.schema.json');

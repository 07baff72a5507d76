import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packJsonSchemaText } from '../../src/node/pack-json-schema.js';

describe('rules/schema/pack.schema.json', () => {
  it('is the one generated from src/core/pack-schema.ts (run `npm run schema` after changing the format)', () => {
    expect(readFileSync(join(import.meta.dirname, '../../rules/schema/pack.schema.json'), 'utf8')).toBe(packJsonSchemaText());
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCatalog, withCounts } from '../../src/node/catalog.js';
import { loadPackCatalog } from '../../src/node/load-pack.js';

const root = join(import.meta.dirname, '../..');
const packs = loadPackCatalog(join(root, 'rules'));

describe('generated rule docs (run `npm run docs` after changing rules/)', () => {
  it('docs/rule-catalog.md is current', () => {
    expect(readFileSync(join(root, 'docs/rule-catalog.md'), 'utf8')).toBe(renderCatalog(packs));
  });
  it('the rule counts in rules/README.md are current', () => {
    const readme = readFileSync(join(root, 'rules/README.md'), 'utf8');
    expect(readme).toContain('<!-- COUNTS:START -->');
    expect(readme).toBe(withCounts(readme, packs));
  });
});

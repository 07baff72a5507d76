/** The data is linted like code: registry and folders agree, ids equal file names, files are tidy. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATEGORIES, BUILTIN_CHECKLIST_IDS } from '../../src/core/types.js';
import { loadPackCatalog } from '../../src/node/load-pack.js';

const rulesDir = join(import.meta.dirname, '../../rules');
const catalog = JSON.parse(readFileSync(join(rulesDir, 'catalog.json'), 'utf8')) as { packs: string[] };
const packs = loadPackCatalog(rulesDir);

describe('rules/ catalog', () => {
  it('lists every pack folder, sorted, and nothing else', () => {
    const folders = readdirSync(rulesDir).filter((f) => statSync(join(rulesDir, f)).isDirectory() && f !== 'schema');
    expect(catalog.packs).toEqual([...catalog.packs].sort());
    expect([...folders].sort()).toEqual(catalog.packs);
  });

  it('pack ids equal their folder names', () => {
    expect(packs.map((p) => p.id)).toEqual(catalog.packs);
  });

  it.each(catalog.packs)('%s: files are tidy (LF, final newline, no trailing spaces, no tabs)', (id) => {
    const dir = join(rulesDir, id);
    const files = ['pack.yaml', ...['rules', 'checklist'].flatMap((s) => readdirSync(join(dir, s)).map((f) => `${s}/${f}`))];
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text.endsWith('\n'), `${id}/${f} ends with a newline`).toBe(true);
      expect(text.includes('\r'), `${id}/${f} uses LF`).toBe(false);
      expect(/[ \t]+$/m.test(text), `${id}/${f} has trailing spaces`).toBe(false);
      expect(text.includes('\t'), `${id}/${f} has tabs`).toBe(false);
    }
  });

  it.each(catalog.packs)('%s: every rule uses a known category and has a source', (id) => {
    const pack = packs.find((p) => p.id === id)!;
    for (const r of pack.rules) {
      expect(BUILTIN_CATEGORIES as readonly string[], `${r.id}.category`).toContain(r.category);
      expect(r.source, `${id}/${r.id} cites a source`).toBeTruthy();
    }
  });

  it.each(catalog.packs)('%s: has exactly the built-in checklist', (id) => {
    const pack = packs.find((p) => p.id === id)!;
    expect(pack.checklist.map((c) => c.id)).toEqual([...BUILTIN_CHECKLIST_IDS]);
  });
});

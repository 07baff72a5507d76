/** The Firefox build passes Mozilla's linter (web-ext lint, the addons-linter that AMO runs). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'rc-firefox-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dist/firefox', () => {
  it('has no web-ext lint errors', async () => {
    const { buildExtension } = await import(pathToFileURL(join(root, 'scripts/build-extension.mjs')).href);
    const built = await buildExtension({ outRoot: out, quiet: true });
    const webExt = (await import('web-ext')).default;
    const result = await webExt.cmd.lint(
      { sourceDir: built.outDirs.firefox, output: 'none', boring: true, metadata: false, pretty: false, selfHosted: false, warningsAsErrors: false },
      { shouldExitProgram: false },
    );
    expect(result.errors.map((e: { code: string; message: string }) => `${e.code}: ${e.message}`)).toEqual([]);
  }, 120_000);
});

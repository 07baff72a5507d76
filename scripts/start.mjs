#!/usr/bin/env node
/**
 * npm start: build everything, serve the demo inbox on localhost, and open Chromium with the extension.
 *
 *   npm start                 headed when a display is available, otherwise headless
 *   npm start -- --headless   headless: click into the demo reply box, save a screenshot with the sidebar
 *                             open to docs/screenshots/demo.png, print what the sidebar lists, and exit
 *
 * Branded Google Chrome ignores --load-extension since version 137; we look for Chromium, Chrome for
 * Testing or Playwright's Chromium, and otherwise print the "Load unpacked" steps.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux');

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

// The e2e harness (server + browser launcher) is TypeScript; bundle it once for this script.
const harness = join(root, 'dist/tools/harness.mjs');
await build({
  stdin: { contents: "export * from './tests/e2e/harness/server.ts'; export * from './tests/e2e/harness/browser.ts';", resolveDir: root, loader: 'ts' },
  outfile: harness, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'warning',
});
const { startServer, findChromium, launchWithExtension } = await import(pathToFileURL(harness).href);

const extensionPath = join(root, 'dist/chrome-dev');
let executable;
try {
  executable = findChromium();
} catch (e) {
  console.log(`\n${e.message}\n`);
  console.log('To try Reply Coach in your own browser:');
  console.log(`  Chrome/Chromium/Edge: open chrome://extensions, switch on Developer mode, "Load unpacked" → ${join(root, 'dist/chrome')}`);
  console.log(`  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…" → ${join(root, 'dist/firefox/manifest.json')}`);
  process.exit(1);
}

const server = await startServer(join(root, 'dist/fixtures'));
const url = `${server.url}/demo.html`;
console.log(`\nDemo inbox: ${url}\nChromium: ${executable}${headless ? ' (headless)' : ''}`);
const { context } = await launchWithExtension({ extensionPath, headless });
const page = context.pages()[0] ?? (await context.newPage());
await page.setViewportSize({ width: 1440, height: 900 });
await page.goto(url);
await page.evaluate(() => window.__fixture?.ready);

if (!headless) {
  console.log('Click into a reply box and start typing. Close the browser window to stop.');
  context.on('close', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  const box = page.locator('[data-fixture-editable]').first();
  await box.click();
  await page.keyboard.press('End');
  const sidebar = page.getByRole('complementary', { name: 'Reply Coach' });
  const findings = sidebar.locator('ul.rc-findings > li');
  await findings.first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(400);
  const out = join(root, 'docs/screenshots/demo.png');
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  // What the agent sees, read through the accessibility contract: flagged text per finding, the
  // alternatives' button names, and each checklist checkbox's label and state.
  const items = await findings.evaluateAll((lis) =>
    lis.map((li) => ({
      phrase: li.querySelector('.rc-flag')?.textContent?.trim() ?? '',
      alternatives: [...li.querySelectorAll('.rc-alts button')].map((b) => b.textContent.trim()),
    })),
  );
  const checks = await sidebar.getByRole('checkbox').evaluateAll((els) =>
    els.map((e) => `${e.checked ? '[x]' : '[ ]'} ${e.labels?.[0]?.textContent?.trim() ?? e.getAttribute('aria-label') ?? ''}`),
  );
  console.log(`\nThe sidebar lists ${items.length} phrase${items.length === 1 ? '' : 's'} to soften:`);
  for (const it of items) console.log(`  • ${it.phrase} → ${it.alternatives.map((a) => `“${a}”`).join(' / ')}`);
  console.log(`Empathy checklist:\n  ${checks.join('\n  ')}`);
  console.log(`\nScreenshot: ${out}`);
  await context.close();
  await server.close();
}

/**
 * Private by design, checked in real Chromium with the built extension: while an agent types, gets
 * findings and applies an alternative, no request leaves the machine (only the local fixture server and the
 * extension's own files are fetched), and the draft is never written to extension storage.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureLocator, gotoFixture, launchWithExtension, typeHuman, type LaunchedBrowser } from './harness/browser';
import { startServer, type StaticServer } from './harness/server';

declare const chrome: { storage: { local: { get(key: null): Promise<unknown> }; sync: { get(key: null): Promise<unknown> } } };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'Order 7319-PRIVATE';
let server: StaticServer;
let launched: LaunchedBrowser;
const requests: string[] = [];

beforeAll(async () => {
  for (const dir of ['dist/chrome-dev', 'dist/fixtures'])
    if (!existsSync(path.join(ROOT, dir))) throw new Error(`${dir} is missing: run \`npm run build\` (npm test does it)`);
  [server, launched] = await Promise.all([
    startServer(path.join(ROOT, 'dist/fixtures')),
    launchWithExtension({ extensionPath: path.join(ROOT, 'dist/chrome-dev'), headless: true }),
  ]);
  launched.context.on('request', (r) => requests.push(r.url()));
}, 120_000);

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

test('coaching a reply sends nothing anywhere and stores no draft text', async () => {
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await gotoFixture(page, server.url, 'gmail');
  const box = fixtureLocator(page, 'gmail');
  await box.click({ position: { x: 8, y: 8 } }); // the first line, not the signature below it
  await typeHuman(box, `Calm down, I don't know where ${SECRET} is.`, { delay: 15 });
  const sidebar = page.getByRole('complementary', { name: 'Reply Coach' });
  const item = sidebar.getByRole('listitem').filter({ hasText: 'Calm down' }).first();
  await item.waitFor({ timeout: 15_000 }).catch(async (e) => {
    await page.screenshot({ path: '/tmp/privacy-fail.png' });
    throw e;
  });
  await item.getByRole('button').nth(1).click(); // the first alternative (the first button is the phrase)
  await page.waitForTimeout(800);

  const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith('chrome-extension://') && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(requests.some((u) => u.includes('7319'))).toBe(false);

  const stored = JSON.stringify(
    await launched.serviceWorker!.evaluate(async () => [await chrome.storage.local.get(null), await chrome.storage.sync.get(null)]),
  );
  expect(stored).not.toContain('7319');
  expect(stored).not.toContain('Calm down');
  const pageStorage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  expect(pageStorage).not.toContain('7319');
}, 90_000);

/**
 * Real-browser harness for e2e tests: finds a Chromium, launches it (optionally with the unpacked
 * extension), types like a human, and locates each fixture's real editable.
 *
 * Recipe (see /work/shared/notes/editor-integration.md §5): extensions only work with
 * `launchPersistentContext` (not launch()+newContext()), and `--load-extension` needs
 * `--disable-extensions-except` because Playwright passes `--disable-extensions` by default.
 * Debian's unbranded Chromium honours --load-extension; branded Google Chrome 137+ does not.
 * New headless mode runs MV3 service workers and content scripts (no display needed).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type BrowserContext,
  type FrameLocator,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';
// Types only (erased): also brings in the global `window.__fixture` declaration the pages install.
import type { FixtureApi } from '../fixtures/src/_shared.js';

export const CHROMIUM_INSTALL_HINT =
  'Install Chromium with: sudo apt-get update && sudo apt-get install -y chromium ' +
  '(Debian/Ubuntu; gives /usr/bin/chromium), or point CHROMIUM_PATH at a Chromium/Chrome-for-Testing binary. ' +
  'Branded Google Chrome 137+ cannot load unpacked extensions from the command line.';

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-for-testing',
];

function playwrightCacheCandidates(): string[] {
  const roots = [
    process.env.PLAYWRIGHT_BROWSERS_PATH,
    path.join(os.homedir(), '.cache', 'ms-playwright'),
  ].filter((p): p is string => !!p && p !== '0' && existsSync(p));
  const found: { rev: number; exe: string }[] = [];
  for (const root of roots) {
    let names: string[];
    try {
      names = readdirSync(root);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = /^chromium-(\d+)$/.exec(name);
      if (!m) continue;
      for (const sub of ['chrome-linux64/chrome', 'chrome-linux/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium', 'chrome-win/chrome.exe']) {
        const exe = path.join(root, name, sub);
        if (existsSync(exe)) found.push({ rev: Number(m[1]), exe });
      }
    }
  }
  return found.sort((a, b) => b.rev - a.rev).map((f) => f.exe);
}

/**
 * Path of a Chromium to drive: `CHROMIUM_PATH`, then /usr/bin/chromium, /usr/bin/chromium-browser,
 * /usr/bin/google-chrome-for-testing, then Playwright's browser cache. Throws (never skips) with
 * install instructions when none exists.
 */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", but that file does not exist. ${CHROMIUM_INSTALL_HINT}`);
  }
  for (const candidate of [...SYSTEM_CANDIDATES, ...playwrightCacheCandidates()]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `No Chromium found (looked at $CHROMIUM_PATH, ${SYSTEM_CANDIDATES.join(', ')}, and Playwright's cache). ${CHROMIUM_INSTALL_HINT}`,
  );
}

/** Flags from the verified headless recipe. */
export const BASE_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchOptions {
  /** Unpacked extension folder (with manifest.json). Omit to launch without any extension. */
  extensionPath?: string;
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  /** How long to wait for the extension's MV3 service worker (default 15 s). */
  serviceWorkerTimeoutMs?: number;
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** Set when `extensionPath` was given. */
  extensionId?: string;
  /** The extension's MV3 service worker, when `extensionPath` was given. */
  serviceWorker?: Worker;
  userDataDir: string;
  /** Closes the context and deletes the temporary profile. */
  close(): Promise<void>;
}

function isExtensionWorker(w: Worker): boolean {
  return w.url().startsWith('chrome-extension://');
}

/**
 * Launches Chromium with a fresh temporary profile via `launchPersistentContext` (the only mode
 * in which extensions load). With `extensionPath`, waits for the extension's MV3 service worker
 * and returns it with the extension id.
 */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const { extensionPath, headless = true, args = [], serviceWorkerTimeoutMs = 15_000 } = options;
  const executablePath = findChromium();
  const extensionArgs: string[] = [];
  if (extensionPath) {
    const ext = path.resolve(extensionPath);
    if (!existsSync(path.join(ext, 'manifest.json'))) {
      throw new Error(`launchWithExtension: no manifest.json in ${ext} (build the extension first)`);
    }
    extensionArgs.push(`--disable-extensions-except=${ext}`, `--load-extension=${ext}`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'reply-coach-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless,
      args: [...BASE_CHROMIUM_ARGS, ...extensionArgs, ...args],
      viewport: { width: 1280, height: 900 },
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`Failed to launch Chromium at ${executablePath}: ${(err as Error).message}\n${CHROMIUM_INSTALL_HINT}`);
  }
  const close = async () => {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  if (!extensionPath) return { context, userDataDir, close };

  try {
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: serviceWorkerTimeoutMs }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, userDataDir, close };
  } catch (err) {
    await close();
    throw new Error(
      `The extension at ${extensionPath} did not start an MV3 service worker within ${serviceWorkerTimeoutMs} ms ` +
        `(check manifest.json "background.service_worker" and the build): ${(err as Error).message}`,
    );
  }
}

export interface TypeOptions {
  /** Mean delay between keystrokes in ms (default 20). */
  delay?: number;
  /** Random +/- jitter in ms added to each delay (default 40% of delay). */
  jitter?: number;
}

/**
 * Types `text` with real key events (keydown/keypress/beforeinput/input/keyup), one key at a time,
 * with human-like jitter. "\n" presses Enter. Types into whatever has focus in the page (focus the
 * editable first, e.g. by clicking it); a FrameLocator or Locator is accepted for convenience.
 */
export async function typeHuman(target: Page | FrameLocator | Locator, text: string, options: TypeOptions = {}): Promise<void> {
  const page = pageOf(target);
  const delay = options.delay ?? 20;
  const jitter = options.jitter ?? Math.round(delay * 0.4);
  for (const ch of text) {
    if (ch === '\n') await page.keyboard.press('Enter');
    else await page.keyboard.type(ch);
    const wait = Math.max(0, delay + Math.round((Math.random() * 2 - 1) * jitter));
    if (wait) await page.waitForTimeout(wait);
  }
}

function pageOf(target: Page | FrameLocator | Locator): Page {
  if ('keyboard' in target) return target;
  if ('owner' in target) return target.owner().page();
  return target.page();
}

/**
 * Locator for the REAL editable of a fixture page (through iframes and shadow roots):
 *   tinymce                  iframe[data-fixture-editable] → body#tinymce
 *   iframe-contenteditable   iframe[data-fixture-editable] → #editor
 *   lexical-shadow           reply-composer (open shadow root) → [data-lexical-editor]
 *   others                   [data-fixture-editable]
 * Playwright CSS selectors pierce open shadow roots; `locator.evaluate()` runs in the element's
 * own frame.
 */
export function fixtureLocator(page: Page, id: string): Locator {
  switch (id) {
    case 'tinymce':
      return page.frameLocator('iframe[data-fixture-editable]').locator('body#tinymce');
    case 'iframe-contenteditable':
      return page.frameLocator('iframe[data-fixture-editable]').locator('#editor');
    case 'lexical-shadow':
      return page.locator('reply-composer [data-lexical-editor]');
    default:
      return page.locator('[data-fixture-editable]').first();
  }
}

/** Opens `<baseUrl>/<id>.html[?query]` and waits for `window.__fixture.ready`. */
export async function gotoFixture(page: Page, baseUrl: string, id: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/${id}.html${query ? `?${query.replace(/^\?/, '')}` : ''}`);
  await page.waitForFunction(() => !!(window as Partial<Pick<Window, '__fixture'>>).__fixture);
  await page.evaluate(() => window.__fixture.ready);
}

/** The editor's own model as plain text (FixtureApi.model), read in the page. */
export const fixtureModel = (page: Page): Promise<string> => page.evaluate(() => window.__fixture.model());
/** What the host app would send (FixtureApi.serialized). */
export const fixtureSerialized = (page: Page): Promise<string> => page.evaluate(() => window.__fixture.serialized());
/** Calls FixtureApi.focus or, on the Gmail-like page, appendQuote. */
export const fixtureCall = (page: Page, method: keyof Pick<FixtureApi, 'focus' | 'appendQuote'>): Promise<void> =>
  page.evaluate((m) => window.__fixture[m]!(), method);

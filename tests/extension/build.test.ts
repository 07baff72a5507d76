/**
 * The extension build: store vs dev manifests, permissions, CSP, bundle hygiene (no eval / new Function), the
 * content-script size budget, and the store zips. Builds into a temporary folder (never touches dist/, which e2e
 * runs may be using).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLES = ['content.js', 'background.js', 'sidebar.js', 'packs.js'];
const KNOWN_HOSTS = [
  'https://mail.google.com/*',
  'https://*.zendesk.com/*',
  'https://*.freshdesk.com/*',
  'https://app.intercom.com/*',
  'https://secure.helpscout.net/*',
  'https://app.frontapp.com/*',
  'https://x.com/*',
  'https://twitter.com/*',
  'https://www.facebook.com/*',
  'https://www.messenger.com/*',
  'https://www.instagram.com/*',
  'https://www.linkedin.com/*',
  'https://app.slack.com/*',
];

interface BuildModule {
  buildExtension(o: { dev?: boolean; withDev?: boolean; package?: boolean; quiet?: boolean; outRoot?: string }): Promise<{
    outDirs: Record<string, string>;
    zips: Record<string, string>;
    sizes: Record<string, { raw: number; gzip: number }>;
    version: string;
  }>;
  DEV_MATCHES: string[];
  CONTENT_GZIP_BUDGET: number;
  extensionIdFromKey(key: string): Promise<string>;
}

type Manifest = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON

let mod: BuildModule;
let outRoot: string;
let store: Awaited<ReturnType<BuildModule['buildExtension']>>;
let dev: Awaited<ReturnType<BuildModule['buildExtension']>>;
const read = (dir: string, file: string) => readFile(path.join(dir, file));
const manifest = async (dir: string): Promise<Manifest> => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));

beforeAll(async () => {
  mod = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-extension.mjs')).href)) as BuildModule;
  outRoot = await mkdtemp(path.join(os.tmpdir(), 'reply-coach-build-'));
  // One call: the store folders and chrome-dev come from the same bundles (src/generated may be rebuilt meanwhile).
  store = await mod.buildExtension({ package: true, withDev: true, quiet: true, outRoot });
  dev = store;
}, 120_000);

afterAll(async () => {
  if (outRoot) await rm(outRoot, { recursive: true, force: true });
});

describe('manifests', () => {
  test('the dev build differs from the store build ONLY by the localhost matches', async () => {
    const chrome = await manifest(store.outDirs.chrome!);
    const chromeDev = await manifest(dev.outDirs['chrome-dev']!);
    expect(mod.DEV_MATCHES).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);

    // Remove exactly what dev adds; what is left must be identical.
    const stripped = structuredClone(chromeDev);
    for (const cs of stripped.content_scripts) cs.matches = cs.matches.filter((m: string) => !mod.DEV_MATCHES.includes(m));
    for (const war of stripped.web_accessible_resources) war.matches = war.matches.filter((m: string) => !mod.DEV_MATCHES.includes(m));
    expect(stripped.host_permissions).toEqual(mod.DEV_MATCHES);
    delete stripped.host_permissions;
    expect(stripped).toEqual(chrome);

    for (const cs of chromeDev.content_scripts) expect(cs.matches).toEqual(expect.arrayContaining(mod.DEV_MATCHES));
    // Same code: dev changes manifests only.
    for (const bundle of BUNDLES) {
      expect((await read(dev.outDirs['chrome-dev']!, bundle)).equals(await read(store.outDirs.chrome!, bundle)), bundle).toBe(true);
    }
  });

  test('store build: fewest permissions, known inbox hosts only, strict CSP, fixed id', async () => {
    const m = await manifest(store.outDirs.chrome!);
    expect(m.manifest_version).toBe(3);
    expect(m.version).toBe(store.version);
    expect(m.default_locale).toBe('en');
    expect(m.name).toBe('__MSG_extName__');
    expect(m.description).toBe('__MSG_extDescription__');
    expect(m.permissions).toEqual(['storage']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(m.background).toEqual({ service_worker: 'background.js' });

    expect(m.content_scripts).toHaveLength(1);
    const [cs] = m.content_scripts;
    expect(cs.matches).toEqual(KNOWN_HOSTS);
    expect(cs).toMatchObject({ js: ['content.js'], run_at: 'document_idle', all_frames: true, match_about_blank: true, match_origin_as_fallback: true });

    // Only the two lazily imported chunks are web-accessible, and only to the inbox hosts.
    expect(m.web_accessible_resources).toEqual([{ resources: ['sidebar.js', 'packs.js'], matches: KNOWN_HOSTS }]);

    expect(m.commands['toggle-sidebar']).toEqual({
      suggested_key: { default: 'Alt+Shift+R' },
      description: '__MSG_cmdToggleSidebar__',
    });

    const csp: string = m.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);

    expect(await mod.extensionIdFromKey(m.key)).toBe('lmddibkppclidggnkfopngpmbmejgpnh');
    for (const size of [16, 32, 48, 128]) expect(m.icons[size]).toBe(`icons/icon-${size}.png`);
  });

  test('Firefox: background scripts, gecko id and minimum version, no Chrome-only keys', async () => {
    const chrome = await manifest(store.outDirs.chrome!);
    const firefox = await manifest(store.outDirs.firefox!);
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.browser_specific_settings.gecko).toMatchObject({ id: 'reply-coach@reply-coach.dev', strict_min_version: '128.0' });
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(firefox.key).toBeUndefined();
    expect(firefox.minimum_chrome_version).toBeUndefined();
    // Everything else is the same as Chrome's.
    const { background: _b1, browser_specific_settings: _g, ...ffRest } = firefox;
    const { background: _b2, key: _k, minimum_chrome_version: _v, ...chromeRest } = chrome;
    expect(ffRest).toEqual(chromeRest);
  });

  test('every __MSG_…__ in the manifest exists in every locale', async () => {
    const m = JSON.stringify(await manifest(store.outDirs.chrome!));
    const keys = [...m.matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const locale of ['en', 'ru', 'uk']) {
      const messages = JSON.parse(await readFile(path.join(store.outDirs.chrome!, '_locales', locale, 'messages.json'), 'utf8'));
      for (const key of keys) expect(messages[key]?.message, `${locale}: ${key}`).toBeTruthy();
    }
  });
});

describe('bundles', () => {
  test('no eval, no new Function, no string timers in any bundle', async () => {
    for (const dir of [store.outDirs.chrome!, store.outDirs.firefox!, dev.outDirs['chrome-dev']!]) {
      for (const bundle of BUNDLES) {
        const code = (await read(dir, bundle)).toString('utf8');
        expect(code, `${bundle}: eval`).not.toMatch(/(^|[^.\w$])eval\s*\(/);
        expect(code, `${bundle}: new Function`).not.toMatch(/new\s+Function\s*\(/);
        expect(code, `${bundle}: Function("…")`).not.toMatch(/(^|[^.\w$])Function\s*\(\s*["'`]/);
        expect(code, `${bundle}: setTimeout("…")`).not.toMatch(/set(Timeout|Interval)\s*\(\s*["'`]/);
      }
    }
  });

  test('no network: the bundles never call fetch/XHR/WebSocket/sendBeacon', async () => {
    for (const bundle of ['content.js', 'background.js']) {
      const code = (await read(store.outDirs.chrome!, bundle)).toString('utf8');
      expect(code).not.toMatch(/\bfetch\s*\(|XMLHttpRequest|new\s+WebSocket|sendBeacon/);
    }
  });

  test('the content script stays within 60 KB gzip; React and the packs are only in their lazy chunks', async () => {
    expect(store.sizes.content!.gzip).toBeLessThanOrEqual(mod.CONTENT_GZIP_BUDGET);
    const content = (await read(store.outDirs.chrome!, 'content.js')).toString('utf8');
    expect(content).not.toMatch(/react\.production|__SECRET_INTERNALS|createRoot/);
    expect(content).not.toContain('reply-coach-en'); // no pack data
    expect(content).toContain('sidebar.js');
    expect(content).toContain('packs.js');
    const sidebar = (await read(store.outDirs.chrome!, 'sidebar.js')).toString('utf8');
    expect(sidebar).toMatch(/export\s*\{/); // an ES module, for import()
    expect(sidebar).not.toContain('reply-coach-en');
  });

  test('packs.js is an ES module with the built-in en/ru/uk packs, without their test examples', async () => {
    const file = path.join(store.outDirs.chrome!, 'packs.js');
    const chunk = (await import(pathToFileURL(file).href)) as { loadBuiltinPacks(): { id: string; rules: object[]; checklist: object[] }[] };
    const packs = chunk.loadBuiltinPacks();
    expect(packs.map((p) => p.id).sort()).toEqual(['reply-coach-en', 'reply-coach-ru', 'reply-coach-uk']);
    for (const pack of packs) {
      expect(pack.rules.length).toBeGreaterThan(0);
      for (const rule of pack.rules) expect(rule).not.toHaveProperty('examples');
    }
    // The same rules the engine ships (only `examples` dropped).
    const { loadBuiltinPacks } = await import('../../src/engine/index.js');
    const full = loadBuiltinPacks();
    expect(packs.map((p) => p.rules.length)).toEqual(full.map((p) => p.rules.length));
  });

  test('icons are real PNGs of the declared sizes', async () => {
    for (const size of [16, 32, 48, 128]) {
      const png = await read(store.outDirs.chrome!, `icons/icon-${size}.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});

describe('--package', () => {
  test('store zips: the Chrome zip has no `key` (the Web Store rejects it); both hold the whole extension', async () => {
    for (const [target, zip] of Object.entries(store.zips)) {
      expect(path.basename(zip)).toBe(`reply-coach-${target}-${store.version}.zip`);
      const files = unzipSync(new Uint8Array(await readFile(zip)));
      for (const file of ['manifest.json', ...BUNDLES, '_locales/en/messages.json', 'icons/icon-128.png']) {
        expect(files[file], `${target}: ${file}`).toBeDefined();
      }
      const m = JSON.parse(new TextDecoder().decode(files['manifest.json']));
      expect(m.key).toBeUndefined();
    }
  });
});

/**
 * The extension build: store vs dev manifests, permissions, CSP, bundle hygiene (no eval / new Function), the
 * per-language pack chunks, the content-script size budget (alone and with each language chunk), and the store
 * zips. Builds into a temporary folder (never touches dist/, which e2e runs may be using).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnalyzeResult, Pack } from '../../src/core/types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LANGUAGES = ['en', 'ru', 'uk'] as const;
const PACK_CHUNKS = LANGUAGES.map((l) => `packs-${l}.js`);
const BUNDLES = ['content.js', 'background.js', 'sidebar.js', ...PACK_CHUNKS];
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
    withPacks: Record<string, { chunk: string; gzip: number }>;
    version: string;
  }>;
  DEV_MATCHES: string[];
  CONTENT_GZIP_BUDGET: number;
  COACHING_GZIP_BUDGET: number;
  PACK_LANGUAGES: string[];
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

    // Only the lazily imported chunks (sidebar, one per language) are web-accessible, and only to the inbox hosts.
    expect(m.web_accessible_resources).toEqual([{ resources: ['sidebar.js', ...PACK_CHUNKS], matches: KNOWN_HOSTS }]);

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
    for (const language of LANGUAGES) expect(content).not.toContain(`reply-coach-${language}`); // no pack data
    expect(content).toContain('sidebar.js');
    expect(content).toContain('packs-'); // packs-<language>.js, by the draft's language
    const sidebar = (await read(store.outDirs.chrome!, 'sidebar.js')).toString('utf8');
    expect(sidebar).toMatch(/export\s*\{/); // an ES module, for import()
    expect(sidebar).not.toContain('reply-coach-en');
  });

  // The goal is 60 KB (CONTENT_GZIP_BUDGET); the built-in rulebook misses it, so this guards a documented
  // regression budget instead (COACHING_GZIP_BUDGET, see scripts/build-extension.mjs and docs/performance.md).
  test('content.js plus any one language chunk stays within the coaching budget (what a page loads to coach a reply)', () => {
    expect(mod.PACK_LANGUAGES).toEqual([...LANGUAGES]);
    const report = LANGUAGES.map((l) => {
      const { gzip } = store.withPacks[l]!;
      const chunk = store.sizes[`packs-${l}`]!.gzip;
      expect(gzip).toBe(store.sizes.content!.gzip + chunk);
      return `content.js ${store.sizes.content!.gzip} B + packs-${l}.js ${chunk} B = ${gzip} B gzip (budget ${mod.COACHING_GZIP_BUDGET} B, goal ${mod.CONTENT_GZIP_BUDGET} B)`;
    });
    for (const l of LANGUAGES) expect(store.withPacks[l]!.gzip, report.join('\n')).toBeLessThanOrEqual(mod.COACHING_GZIP_BUDGET);
  });

  test('each language chunk is an ES module with only that language\'s packs, without unused fields', async () => {
    const { loadBuiltinPacks } = await import('../../src/engine/index.js');
    const full = loadBuiltinPacks();
    for (const language of LANGUAGES) {
      const file = path.join(store.outDirs.chrome!, `packs-${language}.js`);
      const text = await readFile(file, 'utf8');
      // No test data nor research notes: not as keys, anywhere.
      expect(text, `packs-${language}.js`).not.toMatch(/"(examples|source)"\s*:/);
      const chunk = (await import(pathToFileURL(file).href)) as { loadBuiltinPacks(): Pack[] };
      const packs = chunk.loadBuiltinPacks();
      expect(packs.map((p) => p.id)).toEqual(full.filter((p) => p.rules.some((r) => r.languages.includes(language))).map((p) => p.id));
      const keys = new Set<string>();
      JSON.stringify(packs, (k, v) => (keys.add(k), v));
      for (const unused of ['examples', 'source', 'description', 'schemaVersion']) expect(keys.has(unused), unused).toBe(false);
      for (const pack of packs) {
        const original = full.find((p) => p.id === pack.id)!;
        // compactPack moved repeated groups into generated named phrases: put them back to compare.
        const generated = Object.keys(pack.define ?? {}).filter((k) => !(original.define && k in original.define));
        expect(generated.length, `packs-${language}.js: generated named phrases`).toBeGreaterThan(0);
        const inflate = (s: string): string => {
          let out = s;
          for (let again = true; again; ) {
            again = false;
            out = out.replace(/([([])@(x\d+)([)\]])/g, (m, open: string, name: string, close: string) => {
              if (!generated.includes(name)) return m;
              again = true;
              return open + pack.define![name]!.slice(1, -1) + close;
            });
          }
          return out;
        };
        for (const rule of pack.rules) {
          rule.patterns = rule.patterns.map(inflate);
          rule.unless = rule.unless.map((u) => ('pattern' in u ? { ...u, pattern: inflate(u.pattern) } : u));
        }
        // Exactly that language's rules and checklist items, with everything the engine and the sidebar read.
        expect(pack.rules.map((r) => r.id)).toEqual(original.rules.filter((r) => r.languages.includes(language)).map((r) => r.id));
        expect(pack.checklist.map((c) => c.id)).toEqual(original.checklist.filter((c) => c.languages.includes(language)).map((c) => c.id));
        for (const rule of pack.rules) {
          const { examples: _e, source: _s, ...kept } = original.rules.find((r) => r.id === rule.id)!;
          expect(rule).toEqual(kept); // `link` (the sidebar's "Why?") included
          expect(rule.languages).toContain(language);
        }
      }
    }
  });

  test('a language chunk coaches exactly like the full built-in packs (every rule\'s own examples)', async () => {
    const { createEngine, loadBuiltinPacks } = await import('../../src/engine/index.js');
    const full = loadBuiltinPacks();
    const fullEngine = createEngine(full);
    const strip = (r: AnalyzeResult) => ({ ...r, findings: r.findings.map(({ source: _s, ...f }) => f) });
    for (const language of LANGUAGES) {
      const file = path.join(store.outDirs.chrome!, `packs-${language}.js`);
      const chunk = (await import(pathToFileURL(file).href)) as { loadBuiltinPacks(): Pack[] };
      const engine = createEngine(chunk.loadBuiltinPacks());
      expect(engine.languages).toEqual([language]);
      const texts = full.flatMap((p) => [
        ...p.rules.filter((r) => r.languages.includes(language)).flatMap((r) => [...r.examples.flag, ...r.examples.pass]),
        ...p.checklist.filter((c) => c.languages.includes(language)).flatMap((c) => [...c.examples.done, ...c.examples.notDone]),
      ]);
      expect(texts.length).toBeGreaterThan(50);
      for (const text of texts) {
        expect(strip(engine.analyze(text, { language, customerName: 'Anna' })), text).toEqual(
          strip(fullEngine.analyze(text, { language, customerName: 'Anna' })),
        );
      }
    }
  }, 60_000);

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

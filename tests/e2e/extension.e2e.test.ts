/**
 * The extension in real headless Chromium, against every fixture editor: detect → underline → list in the
 * sidebar → apply an alternative through the editor's own input path → exact model → one Ctrl+Z undoes exactly
 * the replacement → the caret sits after the replacement → nothing of ours in what would be sent.
 * Plus: quoted history added after load is never flagged, a box is coached within 50 ms of focus, and typing
 * 1,000 characters at human speed while we analyse loses and reorders nothing.
 *
 * One browser (the dev build, which also matches http://127.0.0.1) and one page per fixture. Fails — never
 * skips — when no Chromium is found (the harness throws with install instructions).
 *
 *   npx vitest run -c vitest.e2e.config.ts tests/e2e/extension.e2e.test.ts
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngine, detectLanguage, loadBuiltinPacks } from '../../src/engine/index.js';
import { fixtureCall, fixtureLocator, fixtureModel, fixtureSerialized, gotoFixture, launchWithExtension, typeHuman, type LaunchedBrowser } from './harness/browser';
import { startServer, type StaticServer } from './harness/server';

/** The extension API inside `serviceWorker.evaluate()` callbacks (they run in the service worker). */
declare const chrome: {
  storage: { local: { get(key: string): Promise<unknown>; clear(): Promise<void> } };
  tabs: {
    query(q: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES_DIR = path.join(ROOT, 'dist/fixtures');

const TYPED = 'Hello, calm down please. I will check.';
const PHRASE = 'calm down';
/** Longer than every editor's undo-grouping window (Quill/Lexical 1000 ms, ProseMirror 500 ms). */
const UNDO_PAUSE_MS = 1300;
/** Wide enough for the sidebar to sit beside the fixtures' reply boxes instead of collapsing. */
const VIEWPORT = { width: 1600, height: 900 };

const FIXTURES = [
  'textarea',
  'react-textarea',
  'gmail',
  'linkedin',
  'lexical',
  'lexical-shadow',
  'prosemirror',
  'quill',
  'draftjs',
  'slate',
  'ckeditor5',
  'tinymce',
  'trix',
  'iframe-contenteditable',
] as const;
const TEXT_FIELDS = new Set(['textarea', 'react-textarea']);

let server: StaticServer;
let launched: LaunchedBrowser;
let buildFailures: Record<string, string> = {};
let extensionId = '';

const engine = createEngine(loadBuiltinPacks());
const calmDown = engine.analyze(TYPED).findings.find((f) => f.match === PHRASE);
/** A Ukrainian draft the built-in uk rules flag (from their own examples): coached from packs-uk.js only. */
const UK_SAMPLE = (() => {
  for (const pack of loadBuiltinPacks()) {
    for (const rule of pack.rules) {
      if (!rule.enabled || !rule.languages.includes('uk')) continue;
      for (const text of rule.examples.flag) {
        if (detectLanguage(text) !== 'uk') continue;
        const finding = engine.analyze(text).findings[0];
        if (finding) return { text, match: finding.match };
      }
    }
  }
  throw new Error('no Ukrainian example is flagged');
})();

/** The real editable (CKEditor re-renders its root and drops the fixture's marker attribute on focus). */
function editable(page: Page, id: string): Locator {
  if (id === 'ckeditor5') return page.locator('.ck-editor__editable[contenteditable="true"]').first();
  return fixtureLocator(page, id);
}

function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Reply Coach' });
}

function findingItem(page: Page, phrase: string): Locator {
  return sidebar(page).getByRole('listitem').filter({ hasText: phrase });
}

async function openFixture(id: string, query = ''): Promise<Page> {
  if (buildFailures[id]) throw new Error(`fixture ${id} failed to build: ${buildFailures[id]}`);
  const page = await launched.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await gotoFixture(page, server.url, id, query);
  return page;
}

/** Underlined = a `reply-coach-*` highlight range reads `phrase` (contenteditable) or an overlay box sits on the field. */
async function underlined(page: Page, id: string, phrase: string): Promise<boolean> {
  if (TEXT_FIELDS.has(id)) {
    return editable(page, id).evaluate((field) => {
      const host = field.ownerDocument.querySelector('reply-coach-overlay');
      const boxes = Array.from(host?.shadowRoot?.querySelectorAll<HTMLElement>('.box') ?? []);
      const f = field.getBoundingClientRect();
      return boxes.some((box) => {
        const b = box.getBoundingClientRect();
        return b.width > 0 && b.left >= f.left && b.right <= f.right && b.top >= f.top && b.bottom <= f.bottom;
      });
    });
  }
  return editable(page, id).evaluate((root, p) => {
    const registry = (root.ownerDocument.defaultView as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS
      .highlights;
    for (const [name, highlight] of registry) {
      if (!name.startsWith('reply-coach-') || name === 'reply-coach-active') continue;
      for (const range of highlight) if (range.toString() === p && root.contains(range.startContainer)) return true;
    }
    return false;
  }, phrase);
}

async function expectModel(page: Page, expected: string, what: string): Promise<void> {
  await expect.poll(() => fixtureModel(page), { message: what, timeout: 4000, interval: 50 }).toBe(expected);
}

async function applyAlternative(page: Page, phrase: string, alternative: string): Promise<void> {
  const item = findingItem(page, phrase);
  await item.waitFor({ state: 'visible', timeout: 5000 });
  await item.getByRole('button', { name: alternative, exact: true }).click();
}

beforeAll(async () => {
  const started = Date.now();
  const fixtures = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-fixtures.mjs')).href)) as {
    buildFixtures(o: { outDir: string; allowPartial: boolean; quiet?: boolean }): Promise<{ outDir: string; failed: Record<string, string> }>;
  };
  const extension = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-extension.mjs')).href)) as {
    buildExtension(o: { dev: boolean; quiet: boolean }): Promise<{ outDirs: Record<string, string> }>;
  };
  const [built, ext] = await Promise.all([
    fixtures.buildFixtures({ outDir: FIXTURES_DIR, allowPartial: true, quiet: true }),
    extension.buildExtension({ dev: true, quiet: true }),
  ]);
  buildFailures = built.failed;
  [server, launched] = await Promise.all([
    startServer(built.outDir),
    launchWithExtension({ extensionPath: ext.outDirs['chrome-dev']!, headless: true }),
  ]);
  extensionId = launched.extensionId ?? '';
  console.log(`extension e2e setup: ${Date.now() - started} ms (extension id ${extensionId})`);
}, 180_000);

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

describe('Reply Coach in real Chromium', () => {
  test('the built-in English pack flags the test phrase', () => {
    expect(calmDown, `the engine should flag "${PHRASE}" in "${TYPED}"`).toBeDefined();
    expect(calmDown!.alternatives.length).toBeGreaterThan(0);
  });

  test('the extension id is the one fixed by the manifest key', () => {
    expect(extensionId).toBe('lmddibkppclidggnkfopngpmbmejgpnh');
  });

  for (const id of FIXTURES) {
    test(`${id}: detect, underline, sidebar, apply, exact model, undo, caret, nothing of ours in the output`, async () => {
      const alternative = calmDown!.alternatives[0]!;
      // The engine plans the click: a whole-sentence alternative takes "please." along and mends the joins.
      const edit = calmDown!.edits[0]!;
      const replaced = TYPED.slice(0, edit.start) + edit.text + TYPED.slice(edit.end);
      const page = await openFixture(id);
      try {
        await editable(page, id).click({ position: { x: 12, y: 12 } });
        await typeHuman(page, TYPED, { delay: 15 });
        await expectModel(page, TYPED, `${id}: model after typing`);

        // Detect + underline + list.
        await expect.poll(() => underlined(page, id, PHRASE), { message: `${id}: "${PHRASE}" underlined`, timeout: 3000 }).toBe(true);
        await expect(findingItem(page, PHRASE).count(), `${id}: listed in the sidebar`).resolves.toBeGreaterThan(0);

        // Apply (after the editors' undo-grouping window) → exact model, through the editor's own model.
        await page.waitForTimeout(UNDO_PAUSE_MS);
        await applyAlternative(page, PHRASE, alternative);
        await expectModel(page, replaced, `${id}: model after applying "${alternative}"`);

        // One Ctrl+Z undoes exactly the replacement.
        await page.waitForTimeout(UNDO_PAUSE_MS);
        await page.keyboard.press('Control+z');
        await expectModel(page, TYPED, `${id}: model after one Ctrl+Z`);

        // Apply again, then keep typing: the caret is right after the replacement.
        await expect.poll(() => findingItem(page, PHRASE).count(), { message: `${id}: finding back after undo`, timeout: 3000 }).toBeGreaterThan(0);
        await applyAlternative(page, PHRASE, alternative);
        await expectModel(page, replaced, `${id}: model after applying again`);
        await page.keyboard.type('X');
        const withX = TYPED.slice(0, edit.start) + edit.text + 'X' + TYPED.slice(edit.end);
        await expectModel(page, withX, `${id}: "X" typed right after the replacement`);

        // Nothing of ours in what the app would send.
        const out = await fixtureSerialized(page);
        expect(out).not.toMatch(/reply-coach|data-rc|class="rc-|::highlight/i);
        const text = out.replace(/&nbsp;|\u00a0/g, ' ').replace(/&#39;|&#x27;|&apos;/g, "'");
        expect(text).toContain(alternative);
      } finally {
        await page.close();
      }
    });
  }

  test('gmail: quoted history added after load (appendQuote) is never flagged', async () => {
    const page = await openFixture('gmail');
    try {
      await editable(page, 'gmail').click({ position: { x: 12, y: 12 } });
      await typeHuman(page, 'Hi Maria, thanks for waiting.', { delay: 10 });
      await fixtureCall(page, 'appendQuote');
      // The quote contains "calm down" and "I don't know": give the observer and the scheduler time to see it.
      await page.waitForTimeout(600);
      await typeHuman(page, ' I will check.', { delay: 10 });
      await page.waitForTimeout(400);
      const flaggedInQuote = await editable(page, 'gmail').evaluate((root) => {
        const quote = root.querySelector('.gmail_quote');
        if (!quote) return ['no quote'];
        const out: string[] = [];
        for (const [name, highlight] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
          if (!name.startsWith('reply-coach-')) continue;
          for (const range of highlight) if (quote.contains(range.startContainer) || root.querySelector('.gmail_signature')?.contains(range.startContainer)) out.push(range.toString());
        }
        return out;
      });
      expect(flaggedInQuote).toEqual([]);
      const sidebarText = await sidebar(page).innerText();
      expect(sidebarText).not.toMatch(/calm down|I don.t know/i);
    } finally {
      await page.close();
    }
  });

  test('a reply box is coached within 50 ms of being focused (warm frame); cold frames are measured too', async () => {
    const page = await openFixture('gmail');
    try {
      await page.waitForTimeout(1500); // the top frame warms up (the page's language chunk + its matcher) in idle time after load
      // The first reply box of a warm frame (as when Gmail opens a compose window after load), measured in three
      // fresh pages: one sample is at the mercy of whatever else the machine does, so the median is asserted.
      const firstFocus = (p: Page) =>
        p.evaluate(() => {
          const box = document.createElement('div');
          box.contentEditable = 'true';
          box.setAttribute('role', 'textbox');
          box.textContent = 'Hello, calm down please. I will check.';
          document.body.appendChild(box);
          const t0 = performance.now();
          box.focus(); // our focusin handler runs synchronously inside focus(): analysis + underline included
          const elapsed = performance.now() - t0;
          const highlight = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('reply-coach-critical');
          return { elapsed, underlined: [...(highlight ?? [])].some((r) => r.toString() === 'calm down' && box.contains(r.startContainer)) };
        });
      const samples = [await firstFocus(page)];
      for (let i = 0; i < 2; i++) {
        const other = await openFixture('gmail');
        try {
          await other.waitForTimeout(1500);
          samples.push(await firstFocus(other));
        } finally {
          await other.close();
        }
      }
      const median = samples.map((x) => x.elapsed).sort((x, y) => x - y)[1]!;
      console.log(
        `time to ready, warm frame (focus → analysed and underlined, synchronous): median ${median.toFixed(1)} ms of 3 pages (${samples.map((x) => x.elapsed.toFixed(1)).join(', ')})`,
      );
      expect(samples.every((x) => x.underlined)).toBe(true);
      expect(median).toBeLessThan(50);

      // Cold: a frame that had nothing to coach at start-up (no warm-up) gets a reply box later.
      const cold = await page.evaluate(async () => {
        const frame = document.createElement('iframe');
        frame.srcdoc = '<!doctype html><body></body>';
        document.body.appendChild(frame);
        await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        await new Promise((resolve) => setTimeout(resolve, 500)); // the content script is injected at document_idle
        const doc = frame.contentDocument!;
        const box = doc.createElement('div');
        box.contentEditable = 'true';
        box.textContent = 'Hello, calm down please. I will check.';
        doc.body.appendChild(box);
        const registry = (frame.contentWindow as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
        const done = () => [...(registry.get('reply-coach-critical') ?? [])].some((r) => r.toString() === 'calm down');
        const t0 = performance.now();
        box.focus();
        while (!done() && performance.now() - t0 < 3000) await new Promise((resolve) => setTimeout(resolve, 1));
        return { elapsed: performance.now() - t0, underlined: done() };
      });
      console.log(`time to ready, cold frame (focus → packs-en.js imported, engine built, underlined): ${cold.elapsed.toFixed(1)} ms`);
      expect(cold.underlined).toBe(true);
      expect(cold.elapsed).toBeLessThan(1000);

      // Another language later (the warm top frame has only packs-en.js): a Ukrainian draft waits only for
      // packs-uk.js; then a second Ukrainian box, and an English one again, are coached synchronously on focus.
      const later = await page.evaluate(async ({ text, match }) => {
        const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
        const flagged = (box: HTMLElement) =>
          [...registry]
            .filter(([name]) => name.startsWith('reply-coach-') && name !== 'reply-coach-active')
            .some(([, ranges]) => [...ranges].some((r) => r.toString() === match && box.contains(r.startContainer)));
        const addBox = (draft: string) => {
          const box = document.createElement('div');
          box.contentEditable = 'true';
          box.setAttribute('role', 'textbox');
          box.textContent = draft;
          document.body.appendChild(box);
          return box;
        };
        const first = addBox(text);
        let t0 = performance.now();
        first.focus();
        while (!flagged(first) && performance.now() - t0 < 3000) await new Promise((resolve) => setTimeout(resolve, 1));
        const newLanguage = { elapsed: performance.now() - t0, underlined: flagged(first) };
        const second = addBox(text);
        t0 = performance.now();
        second.focus();
        const sameLanguage = { elapsed: performance.now() - t0, underlined: flagged(second) };
        const english = addBox('Hello, calm down please. I will check.');
        t0 = performance.now();
        english.focus();
        const elapsed = performance.now() - t0;
        const critical = registry.get('reply-coach-critical');
        const englishAgain = { elapsed, underlined: [...(critical ?? [])].some((r) => r.toString() === 'calm down' && english.contains(r.startContainer)) };
        return { newLanguage, sameLanguage, englishAgain };
      }, UK_SAMPLE);
      console.log(
        `time to ready, a later language in the warm frame (focus → packs-uk.js imported, underlined): ${later.newLanguage.elapsed.toFixed(1)} ms; ` +
          `then uk again ${later.sameLanguage.elapsed.toFixed(1)} ms, en again ${later.englishAgain.elapsed.toFixed(1)} ms (synchronous)`,
      );
      expect(later.newLanguage.underlined).toBe(true);
      expect(later.newLanguage.elapsed).toBeLessThan(1000);
      expect(later.sameLanguage.underlined).toBe(true);
      expect(later.sameLanguage.elapsed).toBeLessThan(50);
      expect(later.englishAgain.underlined).toBe(true);
      expect(later.englishAgain.elapsed).toBeLessThan(50); // the English matcher survived packs-uk.js arriving
    } finally {
      await page.close();
    }
  });

  test('gmail: hover card applies an alternative; checklist insert; ignore once / always; toggle command', async () => {
    const page = await openFixture('gmail');
    try {
      const box = editable(page, 'gmail');
      await box.click({ position: { x: 12, y: 12 } });
      const typed = "Hello, calm down please. I don't know yet.";
      await typeHuman(page, typed, { delay: 10 });
      await expect.poll(() => underlined(page, 'gmail', PHRASE), { timeout: 3000 }).toBe(true);
      await page.waitForTimeout(UNDO_PAUSE_MS);

      // Hover the underlined phrase → the card (in our overlay, top layer) → its first alternative.
      const point = await box.evaluate((root, p) => {
        for (const [name, highlight] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) {
          if (!name.startsWith('reply-coach-')) continue;
          for (const r of highlight) {
            if (r.toString() !== p || !root.contains(r.startContainer)) continue;
            const rect = r.getBoundingClientRect();
            return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
          }
        }
        return null;
      }, PHRASE);
      expect(point).not.toBeNull();
      await page.mouse.move(point!.x, point!.y);
      const card = page.locator('reply-coach-overlay .card');
      await expect.poll(() => card.isVisible(), { message: 'card opens on hover', timeout: 3000 }).toBe(true);
      const alternative = calmDown!.alternatives[0]!;
      await card.getByRole('button', { name: alternative, exact: true }).click();
      const edit = engine.analyze(typed).findings.find((f) => f.match === PHRASE)!.edits[0]!;
      const replaced = typed.slice(0, edit.start) + edit.text + typed.slice(edit.end);
      await expectModel(page, replaced, 'gmail: model after applying from the card');
      expect(await card.isVisible()).toBe(false);

      // Empathy checklist: insert an example at the caret (moved to the end of the line), with a separating space.
      await page.keyboard.press('End');
      const insert = sidebar(page).getByRole('button', { name: /^Insert: / }).first();
      const example = (await insert.getAttribute('aria-label'))!.replace(/^Insert: /, '');
      await insert.click();
      await expectModel(page, `${replaced} ${example}`, 'gmail: model after inserting a checklist example');

      // Ignore once: gone from this reply only. Don't flag this for me: persisted in storage.local.
      await sidebar(page).getByRole('button', { name: "Ignore once: I don't know" }).click();
      await expect.poll(() => findingItem(page, "I don't know").count()).toBe(0);
      await expect.poll(() => underlined(page, 'gmail', "I don't know")).toBe(false);
      await page.keyboard.type(' I don\'t know why.');
      await expect.poll(() => findingItem(page, "I don't know").count(), { timeout: 3000 }).toBe(1); // the new occurrence
      await sidebar(page).getByRole('button', { name: "Don’t flag this for me: I don't know" }).click();
      await expect.poll(() => findingItem(page, "I don't know").count()).toBe(0);
      const stored = await launched.serviceWorker!.evaluate(() => chrome.storage.local.get('settings'));
      expect((stored as { settings: { ignoredPhrases: string[] } }).settings.ignoredPhrases).toEqual(["I don't know"]);

      // The toggle-sidebar command (what the background does on Alt+Shift+R) collapses and expands the sidebar.
      const toggle = () =>
        launched.serviceWorker!.evaluate(async () => {
          const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
          await chrome.tabs.sendMessage(tab!.id!, { kind: 'toggleSidebar' }, { frameId: 0 });
        });
      const expanded = () => sidebar(page).getByRole('button', { name: 'Coaching panel' }).getAttribute('aria-expanded');
      expect(await expanded()).toBe('true');
      await toggle();
      await expect.poll(expanded).toBe('false');
      await toggle();
      await expect.poll(expanded).toBe('true');
    } finally {
      await launched.serviceWorker?.evaluate(() => chrome.storage.local.clear());
      await page.close();
    }
  });

  test('the sidebar never covers the reply box: it moves aside or collapses to a slim bar', async () => {
    const page = await openFixture('gmail');
    try {
      await page.setViewportSize({ width: 1280, height: 800 }); // no room beside the centred box
      const box = editable(page, 'gmail');
      await box.click({ position: { x: 12, y: 12 } });
      await typeHuman(page, TYPED, { delay: 10 });
      await expect.poll(() => findingItem(page, PHRASE).count().then(() => sidebar(page).count()), { timeout: 3000 }).toBe(1);
      await page.waitForTimeout(300);
      const overlap = async () => {
        const a = await box.boundingBox();
        const b = await sidebar(page).boundingBox();
        if (!a || !b) return true;
        return a.x < b.x + b.width && a.x + a.width > b.x && a.y < b.y + b.height && a.y + a.height > b.y;
      };
      expect(await overlap()).toBe(false);
      await page.setViewportSize(VIEWPORT); // room on the right: expanded, beside the box
      await expect.poll(() => sidebar(page).getByRole('button', { name: 'Coaching panel' }).getAttribute('aria-expanded')).toBe('true');
      expect(await overlap()).toBe(false);
    } finally {
      await page.close();
    }
  });

  const LONG = (() => {
    const sentences = [
      "Hi Maria, thanks for writing back so quickly. I don't know the tracking number yet, but I will check with the warehouse today.",
      'Please calm down, we are on it. You should have received an email from us; that is our policy for refunds over fifty euros.',
      'I understand how frustrating a late parcel is, and I am sorry for the trouble. Our team will call you tomorrow before noon.',
    ];
    let text = '';
    for (let i = 0; text.length < 1000; i++) text += (text ? ' ' : '') + sentences[i % sentences.length];
    return text.slice(0, 1000);
  })();

  for (const id of ['lexical', 'gmail'] as const) {
    test(`${id}: 1,000 characters typed at human speed while analysing: nothing lost or reordered`, async () => {
      const page = await openFixture(id);
      try {
        await editable(page, id).click({ position: { x: 12, y: 12 } });
        await typeHuman(page, LONG, { delay: 35, jitter: 5 });
        await expectModel(page, LONG, `${id}: model after typing ${LONG.length} characters`);
        // And the analysis did run while typing: every finding the engine reports is underlined.
        const expected = [...new Set(engine.analyze(LONG).findings.map((f) => f.match))];
        expect(expected.length).toBeGreaterThan(0);
        for (const phrase of expected) {
          await expect.poll(() => underlined(page, id, phrase), { message: `${id}: "${phrase}" underlined`, timeout: 3000 }).toBe(true);
        }
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});

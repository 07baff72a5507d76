/**
 * Proves every e2e fixture page is sound, in real headless Chromium, WITHOUT the extension:
 * real key events reach the editor's model, an execCommand('insertText') replacement after an
 * undo-grouping pause lands in the model, and Ctrl+Z behaves as documented for each editor.
 *
 * One browser for the whole file; each fixture gets a fresh page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureCall, fixtureLocator, fixtureModel, fixtureSerialized, gotoFixture, launchWithExtension, typeHuman, type LaunchedBrowser } from './harness/browser';
import { startServer, type StaticServer } from './harness/server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const TYPED = 'Please fix this asap thanks';
const REPLACED = 'Please fix this soon thanks';
/** Longer than every editor's undo-grouping window (Quill/Lexical 1000 ms, ProseMirror 500 ms). */
const UNDO_PAUSE_MS = 1300;
/** Selection sync before acting (Draft.js/Slate/Lexical read the selection on selectionchange). */
const SELECTION_SYNC_MS = 150;

interface Case {
  id: string;
  /**
   * 'exec': select "asap" in the DOM, execCommand('insertText', 'soon'), then one Ctrl+Z.
   * 'undo-typing': the editor ignores execCommand (beforeinput-only: Slate, CKEditor 5), so only
   * check that one Ctrl+Z after the pause undoes (some of) the typing.
   */
  mode: 'exec' | 'undo-typing';
  /** Expected model() after the single Ctrl+Z (a string, or a predicate for time-bucketed undo). */
  afterUndo: string | ((model: string) => boolean);
  /** Why afterUndo is what it is. */
  note: string;
}

const CASES: Case[] = [
  { id: 'textarea', mode: 'exec', afterUndo: TYPED, note: 'native undo: execCommand is its own step' },
  { id: 'react-textarea', mode: 'exec', afterUndo: TYPED, note: 'native undo; React state follows the input event' },
  { id: 'gmail', mode: 'exec', afterUndo: TYPED, note: 'native contenteditable undo' },
  { id: 'linkedin', mode: 'exec', afterUndo: TYPED, note: 'native contenteditable undo' },
  { id: 'iframe-contenteditable', mode: 'exec', afterUndo: TYPED, note: 'native undo, per iframe document' },
  { id: 'lexical', mode: 'exec', afterUndo: TYPED, note: '@lexical/history, 1000 ms merge window' },
  { id: 'lexical-shadow', mode: 'exec', afterUndo: TYPED, note: 'as lexical, inside an open shadow root' },
  { id: 'prosemirror', mode: 'exec', afterUndo: TYPED, note: 'prosemirror-history, 500 ms newGroupDelay' },
  { id: 'quill', mode: 'exec', afterUndo: TYPED, note: 'Quill history, 1000 ms delay' },
  { id: 'draftjs', mode: 'exec', afterUndo: TYPED, note: 'Draft undo stack; replacement is its own step after selection sync' },
  {
    id: 'trix',
    mode: 'exec',
    // Trix consolidates typing into one entry per 5 s wall-clock bucket (config.undo.interval), so
    // the entry Ctrl+Z returns to may start mid-sentence: the result is a strict prefix of the typed
    // text (usually ""), never the phrase restored on its own.
    afterUndo: (m) => TYPED.startsWith(m) && m.length < TYPED.length,
    note: 'undo merges: the execCommand change records no entry and Ctrl+Z also drops typing',
  },
  { id: 'tinymce', mode: 'exec', afterUndo: '', note: 'undo merges: one Ctrl+Z removes the replacement and the preceding typing' },
  { id: 'slate', mode: 'undo-typing', afterUndo: '', note: 'slate-history merges contiguous insert_text regardless of time' },
  { id: 'ckeditor5', mode: 'undo-typing', afterUndo: 'Please fix this asap', note: 'typing buffer closes an undo step every 20 characters' },
];

let server: StaticServer;
let browser: LaunchedBrowser;
/** Private build output: other runs building into dist/fixtures at the same time cannot interfere. */
let outDir: string | undefined;
let buildFailures: Record<string, string> = {};

async function openFixture(id: string, query = ''): Promise<Page> {
  if (buildFailures[id]) throw new Error(buildFailures[id]);
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await gotoFixture(page, server.url, id, query);
  } catch (err) {
    await page.close();
    throw new Error(`fixture ${id} did not become ready: ${(err as Error).message}\npage errors: ${errors.join('\n') || 'none'}`);
  }
  return page;
}

/** Click the real editable near its top-left corner (first line; avoids Gmail's signature). */
async function clickEditable(page: Page, id: string): Promise<void> {
  await fixtureLocator(page, id).click({ position: { x: 12, y: 12 } });
}

/** Select `word` inside the real editable through the DOM selection (or setSelectionRange). */
async function selectWord(page: Page, id: string, word: string): Promise<void> {
  const ok = await fixtureLocator(page, id).evaluate((el, w) => {
    if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
      const i = el.value.indexOf(w);
      if (i < 0) return false;
      el.focus();
      el.setSelectionRange(i, i + w.length);
      return true;
    }
    const doc = el.ownerDocument;
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(w);
      if (i >= 0) {
        doc.getSelection()!.setBaseAndExtent(n, i, n, i + w.length);
        return true;
      }
    }
    return false;
  }, word);
  expect(ok, `"${word}" not found in the ${id} editable`).toBe(true);
}

async function execInsertText(page: Page, id: string, text: string): Promise<boolean> {
  return fixtureLocator(page, id).evaluate((el, t) => el.ownerDocument.execCommand('insertText', false, t), text);
}

async function expectModel(page: Page, expected: string, what: string): Promise<void> {
  await expect.poll(() => fixtureModel(page), { message: what, timeout: 3000, interval: 50 }).toBe(expected);
}

beforeAll(async () => {
  const started = Date.now();
  const mod = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-fixtures.mjs')).href)) as {
    buildFixtures(o: { outDir: string; allowPartial: boolean }): Promise<{ outDir: string; failed: Record<string, string> }>;
  };
  outDir = await mkdtemp(path.join(os.tmpdir(), 'reply-coach-fixtures-'));
  const built = await mod.buildFixtures({ outDir, allowPartial: true });
  buildFailures = built.failed;
  [server, browser] = await Promise.all([startServer(built.outDir), launchWithExtension({ headless: true })]);
  console.log(`e2e setup (build + server + browser): ${Date.now() - started} ms`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('fixture pages in real Chromium (no extension)', () => {
  for (const c of CASES) {
    test(`${c.id}: typing reaches the model; ${c.mode === 'exec' ? 'execCommand replacement + ' : ''}Ctrl+Z (${c.note})`, async () => {
      const page = await openFixture(c.id);
      try {
        expect(await fixtureModel(page)).toBe('');
        await clickEditable(page, c.id);
        await typeHuman(page, TYPED, { delay: 15 });
        await expectModel(page, TYPED, `${c.id}: model after typing`);

        await page.waitForTimeout(UNDO_PAUSE_MS);
        if (c.mode === 'exec') {
          await selectWord(page, c.id, 'asap');
          await page.waitForTimeout(SELECTION_SYNC_MS);
          expect(await execInsertText(page, c.id, 'soon')).toBe(true);
          await expectModel(page, REPLACED, `${c.id}: model after execCommand replacement`);
          expect(await fixtureSerialized(page)).toContain('soon');
        }
        await page.keyboard.press('Control+z');
        const what = `${c.id}: model after one Ctrl+Z (${c.note})`;
        const expected = c.afterUndo;
        if (typeof expected === 'string') {
          await expectModel(page, expected, what);
        } else {
          // Let the editor settle, then check the documented property.
          await page.waitForTimeout(200);
          const after = await fixtureModel(page);
          expect(expected(after), `${what}; got ${JSON.stringify(after)}`).toBe(true);
        }

        // __fixture.focus() puts the caret at the end of the text: the next keystroke is appended.
        const before = await fixtureModel(page);
        await fixtureCall(page, 'focus');
        await page.waitForTimeout(SELECTION_SYNC_MS);
        await page.keyboard.type('X');
        await expectModel(page, `${before}X`, `${c.id}: typing after __fixture.focus()`);
      } finally {
        await page.close();
      }
    });
  }

  test('gmail: appendQuote() adds the quoted history after load; model() still excludes quote and signature', async () => {
    const page = await openFixture('gmail');
    try {
      const body = fixtureLocator(page, 'gmail');
      await expect.poll(() => body.locator('.gmail_quote').count()).toBe(0);
      await clickEditable(page, 'gmail');
      await typeHuman(page, 'Hi Maria\nSorry about the delay', { delay: 10 });
      const typed = 'Hi Maria\nSorry about the delay';
      await expectModel(page, typed, 'gmail model before quote');

      await fixtureCall(page, 'appendQuote');
      expect(await body.locator('div.gmail_quote.gmail_quote_container > blockquote.gmail_quote').count()).toBe(1);
      expect(await body.locator('div.gmail_quote_container > .gmail_attr').count()).toBe(1);
      const quoteText = await body.locator('blockquote.gmail_quote').innerText();
      expect(quoteText).toMatch(/calm down/i);
      expect(quoteText).toContain("I don't know");
      expect(await fixtureModel(page)).toBe(typed);
      expect(await fixtureSerialized(page)).toContain('gmail_quote');
      expect(await fixtureSerialized(page)).toContain('data-smartmail="gmail_signature"');
      // Idempotent, and typing after the quote appeared still lands in the agent's text.
      await fixtureCall(page, 'appendQuote');
      expect(await body.locator('.gmail_quote').count()).toBe(2); // container + blockquote
      await typeHuman(page, '!', { delay: 0 });
      await expectModel(page, `${typed}!`, 'gmail model after typing with quote present');
    } finally {
      await page.close();
    }
  });

  test('gmail?quote=1: quote and signature present at load and excluded from model()', async () => {
    const page = await openFixture('gmail', 'quote=1');
    try {
      const body = fixtureLocator(page, 'gmail');
      expect(await body.locator('blockquote.gmail_quote').count()).toBe(1);
      expect(await body.locator('span.gmail_signature_prefix + br + div.gmail_signature[data-smartmail="gmail_signature"]').count()).toBe(1);
      expect(await fixtureModel(page)).toBe('');
      await clickEditable(page, 'gmail');
      await typeHuman(page, TYPED, { delay: 10 });
      await expectModel(page, TYPED, 'gmail?quote=1 model after typing');
    } finally {
      await page.close();
    }
  });

  test('demo: Gmail-like draft and Zendesk-like CKEditor draft are loaded', async () => {
    const page = await openFixture('demo');
    try {
      const gmail = await fixtureModel(page);
      expect(gmail).toMatch(/^Hi Maria,\n\nCalm down, I don't know when it ships\. You should have read our policy\./);
      expect(gmail).not.toContain('two weeks late'); // the quoted complaint is excluded
      expect(gmail).not.toContain('Alex Rivera'); // the signature is excluded
      const zendesk = await page.evaluate(() => (window as unknown as { __demo: { zendesk: { model(): string } } }).__demo.zendesk.model());
      expect(zendesk).toContain('calm down');
      expect(await page.locator('.ck-editor__editable[data-test-id^="omnicomposer-"]').count()).toBe(1);
      const shot = process.env.DEMO_SCREENSHOT;
      if (shot) await page.screenshot({ path: shot, fullPage: true });
    } finally {
      await page.close();
    }
  });
});

#!/usr/bin/env node
/**
 * Renders the sidebar with the mock connector into a standalone page, dist/ui-preview/index.html, one
 * panel per scene (each in its own open shadow root, as on a real page, with SIDEBAR_CSS injected).
 *
 *   node scripts/ui-preview.mjs                 # build the page
 *   node scripts/ui-preview.mjs --screenshot    # …and save PNGs with headless Chromium: sidebar-{light,dark}.png
 *                                               (all scenes) and scene-<name>-{light,dark}.png (one panel each)
 *
 * Query parameters of the page: ?scenes=main,ru (subset/order of scenes), ?locale=ru (all scenes).
 * Chromium: $CHROMIUM_PATH or /usr/bin/chromium (driven by playwright-core).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'ui-preview');

const entry = String.raw`
import { createElement } from 'react';
import { mountSidebar, SIDEBAR_CSS } from './src/extension/ui/sidebar/mount.tsx';
import { createMockConnector } from './src/extension/ui/sidebar/mock-connector.ts';
import { createTranslator } from './src/extension/ui/i18n.ts';
import en from './extension/_locales/en/messages.json';
import ru from './extension/_locales/ru/messages.json';
import uk from './extension/_locales/uk/messages.json';

const bundles = { en, ru, uk };

const f = (ruleId, severity, start, match, message, alternatives, link) => ({
  ruleId, packId: 'builtin', category: ruleId, severity, start, end: start + match.length, match, message,
  alternatives, link, key: 'builtin/' + ruleId + '@' + start + ':' + match,
});

const sample = {
  en: {
    fieldLabel: 'Reply to Maria Lopez',
    findings: [
      f('calm-down', 'critical', 18, 'calm down', 'Telling someone to calm down usually makes them feel dismissed, not calmer.',
        ['I understand how frustrating this is, Maria.', 'I can see why this is upsetting.'], 'https://example.com/why/calm-down'),
      f('policy-hiding', 'warning', 64, "that's our policy", 'Pointing at policy sounds like a wall. Explain the reason and what you can do.',
        ["Here's why we handle it this way, and what I can do for you:"], 'https://example.com/why/policy'),
      f('not-knowing', 'info', 120, "I don't know", 'Saying you don’t know can sound like a dead end. Offer to find out.',
        ['Let me find out for you.', 'Good question, I’ll check with the team.']),
    ],
    checklist: [
      { id: 'acknowledge-feelings', label: 'Acknowledge feelings', hint: 'Name the frustration before solving.', example: 'I understand how frustrating this is.', done: true },
      { id: 'sincere-apology', label: 'Apologise sincerely', hint: 'Own the problem, without “if”.', example: 'I’m sorry for the trouble this caused.', done: false },
      { id: 'use-name', label: 'Use their name', hint: 'A name makes it personal.', example: 'Maria,', done: true },
      { id: 'next-step', label: 'Say what happens next', hint: 'One concrete next step.', example: 'Here’s what I’ll do next:', done: true },
      { id: 'timeframe', label: 'Give a timeframe', hint: 'When will they hear back?', example: 'You’ll hear from me by tomorrow noon.', done: false },
      { id: 'thanks', label: 'Thank the customer', hint: 'Thank them for patience or for reporting it.', example: 'Thank you for your patience.', done: true },
      { id: 'warm-close', label: 'Close warmly', hint: 'End on a friendly note.', example: 'Have a lovely day!', done: false },
    ],
    status: { kind: 'info', text: 'Replaced “calm down”.' },
  },
  ru: {
    fieldLabel: 'Ответ для Марии',
    findings: [
      f('calm-down', 'critical', 18, 'успокойтесь', 'Просьба успокоиться обычно задевает: человек чувствует, что его не слышат.',
        ['Понимаю, как это неприятно, Мария.', 'Вижу, что ситуация вас расстроила.'], 'https://example.com/why/calm-down'),
      f('policy-hiding', 'warning', 64, 'таковы правила', 'Ссылка на правила звучит как стена. Объясните причину и что вы можете сделать.',
        ['Объясню, почему так устроено, и что я могу для вас сделать:']),
    ],
    checklist: [
      { id: 'acknowledge-feelings', label: 'Признать чувства', hint: 'Назовите переживание, прежде чем решать.', example: 'Понимаю, как это неприятно.', done: true },
      { id: 'thanks', label: 'Поблагодарить', hint: 'За терпение или за сообщение о проблеме.', example: 'Спасибо за терпение.', done: false },
      { id: 'next-step', label: 'Назвать следующий шаг', hint: 'Один конкретный шаг.', example: 'Вот что я сделаю дальше:', done: false },
    ],
    status: { kind: 'error', text: 'Не удалось заменить фразу: текст ответа изменился.' },
  },
};
sample.uk = sample.ru;

function scene(name, locale, patch) {
  const base = sample[locale] ?? sample.en;
  return { name, locale, state: { active: true, language: locale, ...base, ...patch } };
}

const params = new URLSearchParams(location.search);
const forced = params.get('locale');
const all = {
  main: scene('main', 'en', {}),
  ru: scene('ru', 'ru', {}),
  clear: scene('clear', 'en', { findings: [], status: undefined, checklist: sample.en.checklist.map((c) => ({ ...c, done: true })) }),
  collapsed: scene('collapsed', 'en', { collapsed: true, status: undefined }),
  paused: scene('paused', 'en', { paused: true, status: undefined }),
  empty: scene('empty', 'en', { active: false, status: undefined }),
  uk: scene('uk', 'uk', { status: undefined }),
  checklist: scene('checklist', 'en', { findings: sample.en.findings.slice(2), status: undefined }),
};
const names = (params.get('scenes') ?? 'main,ru,checklist,collapsed,paused,empty,clear,uk').split(',');

const stage = document.getElementById('stage');
for (const name of names) {
  const s = all[name];
  if (!s) continue;
  const locale = forced ?? s.locale;
  const column = document.createElement('div');
  column.className = 'column';
  const caption = document.createElement('div');
  caption.className = 'caption';
  caption.textContent = name + ' · ' + locale;
  const host = document.createElement('div');
  host.className = 'host';
  host.dataset.scene = name;
  column.append(caption, host);
  stage.append(column);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = SIDEBAR_CSS;
  shadow.append(style);
  const connector = createMockConnector(s.state);
  connector.subscribe(() => {});
  window.__connectors = window.__connectors || {};
  window.__connectors[name] = connector;
  mountSidebar(shadow, connector, createTranslator(bundles[locale]));
}
document.documentElement.dataset.ready = 'true';
`;

async function main() {
  await mkdir(outDir, { recursive: true });
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: 'ui-preview-entry.js', loader: 'jsx' },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    metafile: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const js = result.outputFiles[0].text;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="color-scheme" content="light dark">
<title>Reply Coach · sidebar preview</title>
<style>
  /* Deliberately hostile page styles: none of this may leak into the sidebar. */
  html { font-size: 10px; }
  body { margin: 0; font: italic 13px/2 Georgia, serif; color: #7a2; letter-spacing: 0.1em; text-transform: lowercase;
         background: #eef0f4; }
  button { background: hotpink !important; }
  li { list-style: square; margin: 10px; }
  @media (prefers-color-scheme: dark) { body { background: #0e0f12; } }
  #stage { display: grid; grid-template-columns: repeat(4, 340px); align-items: flex-start; gap: 28px; padding: 24px; }
  .column { display: flex; flex-direction: column; gap: 8px; width: 340px; }
  .caption { font: 600 11px/1.4 ui-monospace, monospace; color: #8a8f9c; text-transform: uppercase; letter-spacing: 0.04em; }
</style>
</head>
<body>
<div id="stage"></div>
<script>${js.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
  await writeFile(join(outDir, 'index.html'), html);
  const kb = (js.length / 1024).toFixed(1);
  console.log(`wrote ${join(outDir, 'index.html')} (bundle ${kb} KiB minified, incl. React)`);

  if (process.argv.includes('--screenshot')) await screenshot();
}

async function screenshot() {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const url = pathToFileURL(join(outDir, 'index.html')).href;
    for (const colorScheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width: 1520, height: 960 }, deviceScaleFactor: 2, colorScheme });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(url);
      await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 }).catch(() => {});
      await page.waitForTimeout(200);
      const path = join(outDir, `sidebar-${colorScheme}.png`);
      await page.screenshot({ path, fullPage: true });
      console.log(`saved ${path}`);
      for (const host of await page.locator('.host').all()) {
        const scene = await host.getAttribute('data-scene');
        await host.screenshot({ path: join(outDir, `scene-${scene}-${colorScheme}.png`) });
      }
      if (errors.length) console.warn(`page errors (${colorScheme}):\n  ${errors.join('\n  ')}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

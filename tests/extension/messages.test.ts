import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// messages.ts reads translations through the browser seam; the polyfill refuses to load outside an extension.
vi.mock('../../src/extension/shared/browser.js', () => ({ getMessage: () => '' }));
const { CONTENT_MESSAGES } = await import('../../src/extension/content/messages.js');

describe('content-script strings', () => {
  it.each(['en', 'ru', 'uk'])('every key the content script shows exists in _locales/%s', (lang) => {
    const messages = JSON.parse(readFileSync(join(import.meta.dirname, `../../extension/_locales/${lang}/messages.json`), 'utf8'));
    expect(Object.keys(CONTENT_MESSAGES).filter((k) => !(k in messages))).toEqual([]);
  });
});

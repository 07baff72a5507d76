import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_MESSAGES } from '../../src/extension/content/messages.js';

describe('content-script strings', () => {
  it.each(['en', 'ru', 'uk'])('every key the content script shows exists in _locales/%s', (lang) => {
    const messages = JSON.parse(readFileSync(join(import.meta.dirname, `../../extension/_locales/${lang}/messages.json`), 'utf8'));
    expect(Object.keys(CONTENT_MESSAGES).filter((k) => !(k in messages))).toEqual([]);
  });
});

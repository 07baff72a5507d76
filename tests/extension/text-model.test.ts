// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import {
  extractText,
  offsetAt,
  plainTextIgnoreRanges,
  pointAt,
  rangeFor,
  type RichTextModel,
} from '../../src/extension/content/text-model.js';

function editor(html: string): HTMLElement {
  document.body.innerHTML = '';
  const root = document.createElement('div');
  root.setAttribute('contenteditable', 'true');
  root.innerHTML = html;
  document.body.appendChild(root);
  return root;
}

function rich(html: string): RichTextModel {
  const model = extractText(editor(html));
  if (model.kind !== 'rich') throw new Error('expected a rich model');
  return model;
}

describe('extractText(): blocks, line breaks, characters', () => {
  test.each([
    ['plain text', 'Hello there', 'Hello there'],
    ['<div> per line (Gmail)', '<div>Hello</div><div>How are you?</div>', 'Hello\nHow are you?'],
    ['<p> per line (LinkedIn, ProseMirror)', '<p>Hello</p><p>World</p>', 'Hello\nWorld'],
    ['empty line as <div><br></div>', '<div>Hello</div><div><br></div><div>Thanks</div>', 'Hello\n\nThanks'],
    ['empty paragraph as <p><br></p>', '<p>a</p><p><br></p><p>b</p>', 'a\n\nb'],
    ['<br> inside a line', '<div>a<br>b</div>', 'a\nb'],
    ['trailing placeholder <br> is not a line', '<div>a<br></div><div>b</div>', 'a\nb'],
    ['two trailing <br> = one empty line', '<div>a<br><br></div><div>b</div>', 'a\n\nb'],
    ['root-level <br>', 'a<br>b<br>', 'a\nb'],
    ['inline formatting stays on the line', '<p>I <b>really</b> <i>do</i> care</p>', 'I really do care'],
    ['lists', '<ul><li>one</li><li>two</li></ul>', 'one\ntwo'],
    ['NBSP becomes a space (same length)', 'calm\u00a0down', 'calm down'],
    ['contenteditable=false atom → U+FFFC', 'Hi <span contenteditable="false">@Maria</span>!', 'Hi \uFFFC!'],
    ['<img> (emoji) → U+FFFC', 'ok <img alt="🙂"> thanks', 'ok \uFFFC thanks'],
    ['zero-width fillers are left out of the text', 'calm\u200b down\ufeff', 'calm down'],
    ['Slate-style empty leaf (filler + <br>)', '<p>a</p><p><span>\ufeff<br></span></p><p>b</p>', 'a\n\nb'],
    ['HTML source whitespace between blocks is ignored', '\n  <div>a</div>\n  <div>b</div>\n', 'a\nb'],
  ])('%s', (_name, html, expected) => {
    expect(rich(html).text).toBe(expected);
  });

  test('a textarea maps 1:1 and normalises NBSP', () => {
    document.body.innerHTML = '<textarea></textarea>';
    const area = document.querySelector('textarea')!;
    area.value = 'Hi\u00a0there\n> quoted line\nbye';
    const model = extractText(area);
    expect(model.kind).toBe('field');
    expect(model.text).toBe('Hi there\n> quoted line\nbye');
    expect(model.ignoreRanges).toEqual([{ start: 9, end: 22 }]);
  });
});

describe('extractText(): quoted history and signatures are skipped', () => {
  test('Gmail quote container, attribution and signature', () => {
    const model = rich(
      '<div>Hi Maria, sorry!</div><div><br></div>' +
        '<span class="gmail_signature_prefix">-- </span><br>' +
        '<div class="gmail_signature" data-smartmail="gmail_signature">Alex · calm down</div>' +
        '<div class="gmail_quote gmail_quote_container"><div class="gmail_attr">On Mon, Maria wrote:</div>' +
        '<blockquote class="gmail_quote">Calm down? I don\'t know!</blockquote></div>',
    );
    expect(model.text).not.toMatch(/calm down|Alex|wrote|don't know/i);
    expect(model.text.startsWith('Hi Maria, sorry!')).toBe(true);
  });

  test.each([
    ['legacy .gmail_extra', '<div class="gmail_extra">old</div>'],
    ['blockquote[type=cite]', '<blockquote type="cite">old</blockquote>'],
    ['Thunderbird .moz-cite-prefix', '<div class="moz-cite-prefix">old</div>'],
    ['Thunderbird .moz-signature', '<div class="moz-signature">old</div>'],
    ['Outlook #divRplyFwdMsg', '<div id="divRplyFwdMsg">old</div>'],
    ['Outlook #appendonsend', '<div id="appendonsend">old</div>'],
    ['[data-smartmail=gmail_signature]', '<div data-smartmail="gmail_signature">old</div>'],
  ])('%s', (_name, html) => {
    expect(rich(`<div>new</div>${html}`).text).toBe('new');
  });

  test('a quote that appears after load is skipped on the next extraction', () => {
    const root = editor('<div>Thanks for waiting.</div>');
    expect(extractText(root).text).toBe('Thanks for waiting.');
    const quote = document.createElement('div');
    quote.className = 'gmail_quote gmail_quote_container';
    quote.innerHTML = '<blockquote class="gmail_quote">calm down</blockquote>';
    root.appendChild(quote);
    expect(extractText(root).text).toBe('Thanks for waiting.');
  });

  test('plain text: `>` lines and everything after "-- " are ignore ranges', () => {
    const text = 'Hello\n> you said\n>> before\nOk\n-- \nAlex\ncalm down';
    const ranges = plainTextIgnoreRanges(text);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['> you said\n>> before', '-- \nAlex\ncalm down']);
  });

  test('"--" without the trailing space is not a signature separator', () => {
    expect(plainTextIgnoreRanges('a\n--\nb')).toEqual([]);
  });
});

describe('offsets ↔ DOM ranges', () => {
  const samples = [
    'Hello there',
    '<div>Hello</div><div><br></div><div>Thanks, <b>calm</b> down</div>',
    '<p>a</p><p><br></p><p>b</p>',
    '<div>a<br>b<br><br></div><div>c</div>',
    'calm\u200b\u00a0down\ufeff ok',
    'Hi <span contenteditable="false">@Maria</span>, <i>thanks</i>',
    '<ul><li>one</li><li>two <u>three</u></li></ul>',
    '<div>me</div><div class="gmail_quote">skip</div><div>after</div>',
  ];

  test.each(samples)('every offset round-trips through pointAt/offsetAt: %s', (html) => {
    const model = rich(html);
    for (let offset = 0; offset <= model.text.length; offset++) {
      for (const bias of ['start', 'end'] as const) {
        const point = pointAt(model, offset, bias);
        expect(offsetAt(model, point.node, point.offset), `offset ${offset} (${bias}) in ${JSON.stringify(model.text)}`).toBe(offset);
      }
    }
  });

  test.each(samples)('ranges cover exactly the text of their span: %s', (html) => {
    const model = rich(html);
    const text = model.text;
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const span = text.slice(start, end);
        // Range.toString() has no block newlines/atoms; compare the spans made of plain characters.
        if (/[\n\uFFFC]/.test(span)) continue;
        const range = rangeFor(model, start, end)!;
        expect(range.toString().replace(/[\u200b\ufeff]/g, '').replace(/\u00a0/g, ' ')).toBe(span);
      }
    }
  });

  test('a flagged phrase maps to its text node range and back', () => {
    const model = rich('<div>Hello,&nbsp;<span>calm down</span> please.</div>');
    const start = model.text.indexOf('calm down');
    const range = rangeFor(model, start, start + 9)!;
    expect(range.toString()).toBe('calm down');
    expect(offsetAt(model, range.startContainer, range.startOffset)).toBe(start);
    expect(offsetAt(model, range.endContainer, range.endOffset)).toBe(start + 9);
  });

  test('points outside the root give null; invalid spans give null', () => {
    const model = rich('abc');
    const outside = document.createElement('p');
    document.body.appendChild(outside);
    expect(offsetAt(model, outside, 0)).toBeNull();
    expect(rangeFor(model, 2, 1)).toBeNull();
    expect(rangeFor(model, 0, 99)).toBeNull();
  });

  test('an empty editor maps offset 0 to the root', () => {
    const model = rich('');
    expect(model.text).toBe('');
    expect(pointAt(model, 0, 'start')).toEqual({ node: model.root, offset: 0 });
    expect(rangeFor(model, 0, 0)?.collapsed).toBe(true);
  });

  test('a stale model (nodes re-rendered by the editor) fails soft', () => {
    const model = rich('<p>calm down</p>');
    model.root.innerHTML = '<p>calm down</p>'; // same text, new nodes
    expect(rangeFor(model, 0, 4)).toBeNull();
    expect(offsetAt(model, model.root.firstChild!.firstChild!, 2)).toBeNull();
  });
});

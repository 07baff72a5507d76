// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  detectEditorKind,
  fieldLabel,
  ineligibilityReasons,
  isEligible,
  resolveField,
  trackFocus,
} from '../../src/extension/content/fields.js';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ineligibilityReasons()', () => {
  test.each([
    ['a plain textarea', '<textarea></textarea>'],
    ['a Gmail-like body', '<div contenteditable="true" role="textbox" aria-label="Message Body" g_editable="true"></div>'],
    ['Lexical with spellcheck=false (Messenger, Instagram)', '<div contenteditable="true" data-lexical-editor="true" spellcheck="false"></div>'],
    ['Quill with spellcheck=false (Slack)', '<div class="ql-editor" contenteditable="true" spellcheck="false"></div>'],
    ['ProseMirror with spellcheck=false', '<div class="ProseMirror" contenteditable="true" spellcheck="false"></div>'],
    ['Draft.js with spellcheck=false', '<div class="public-DraftEditor-content" contenteditable="true" spellcheck="false"></div>'],
    ['Slate with spellcheck=false', '<div data-slate-editor="true" contenteditable="true" spellcheck="false"></div>'],
    ['CKEditor 5 with spellcheck=false', '<div class="ck-editor__editable" contenteditable="true" spellcheck="false"></div>'],
    ['Trix with spellcheck=false', '<trix-editor contenteditable="true" spellcheck="false"></trix-editor>'],
  ])('eligible: %s', (_name, html) => {
    expect(ineligibilityReasons(mount(html))).toEqual([]);
  });

  test.each([
    ['read-only textarea', '<textarea readonly></textarea>', 'read-only'],
    ['disabled textarea', '<textarea disabled></textarea>', 'disabled'],
    ['one-line input', '<input type="text">', 'one-line input'],
    ['search input', '<input type="search">', 'input type=search'],
    ['password input', '<input type="password">', 'input type=password'],
    ['email input', '<input type="email">', 'input type=email'],
    ['url input', '<input type="url">', 'input type=url'],
    ['number input', '<input type="number">', 'input type=number'],
    ['combobox', '<div contenteditable="true" role="combobox"></div>', 'role=combobox'],
    ['Grammarly opt-out', '<textarea data-enable-grammarly="false"></textarea>', 'opted out: data-enable-grammarly=false'],
    ['data-gramm opt-out', '<textarea data-gramm="false"></textarea>', 'opted out: data-gramm=false'],
    ['our own opt-out on an ancestor', '<div data-reply-coach="off"><textarea></textarea></div>', 'opted out: data-reply-coach=off'],
    ['plain spellcheck=false', '<div contenteditable="true" spellcheck="false"></div>', 'spellcheck=false'],
    ['code editor (CodeMirror 6)', '<div class="cm-content" contenteditable="true"></div>', 'code editor'],
    ['aria-readonly', '<div contenteditable="true" aria-readonly="true"></div>', 'aria-readonly'],
  ])('skipped: %s → "%s"', (_name, html, reason) => {
    let el = mount(html);
    if (el.tagName === 'DIV' && el.firstElementChild) el = el.firstElementChild as HTMLElement;
    expect(ineligibilityReasons(el)).toContain(reason);
    expect(isEligible(el)).toBe(false);
  });

  test('reasons accumulate', () => {
    const el = mount('<input type="search" readonly data-gramm="false">');
    expect(ineligibilityReasons(el)).toEqual(
      expect.arrayContaining(['read-only', 'input type=search', 'one-line input', 'opted out: data-gramm=false']),
    );
  });
});

describe('resolveField() and detectEditorKind()', () => {
  test('a focus target inside an editor resolves to the editor root', () => {
    const root = mount('<div contenteditable="true" class="ProseMirror"><p>Hi <b id="t">there</b></p></div>');
    expect(resolveField(document.getElementById('t'))).toBe(root);
    expect(resolveField(document.getElementById('t')!.firstChild)).toBe(root);
    expect(detectEditorKind(root)).toBe('prosemirror');
  });

  test('a contenteditable=false island is not a field', () => {
    mount('<div contenteditable="true"><span contenteditable="false" id="chip">@Maria</span></div>');
    expect(resolveField(document.getElementById('chip'))).toBeNull();
  });

  test('non-editables resolve to null', () => {
    mount('<p id="p">text</p>');
    expect(resolveField(document.getElementById('p'))).toBeNull();
    expect(resolveField(null)).toBeNull();
  });

  test.each([
    ['<textarea></textarea>', 'textarea'],
    ['<div contenteditable="true" data-lexical-editor="true"></div>', 'lexical'],
    ['<div contenteditable="true" class="public-DraftEditor-content"></div>', 'draft'],
    ['<div contenteditable="true" data-slate-editor="true"></div>', 'slate'],
    ['<div contenteditable="true" class="ck-editor__editable ck-content"></div>', 'ckeditor5'],
    ['<div contenteditable="true" class="ql-editor"></div>', 'quill'],
    ['<trix-editor contenteditable="true"></trix-editor>', 'trix'],
    ['<div contenteditable="true" g_editable="true"></div>', 'plain'],
  ])('%s → %s', (html, kind) => {
    expect(detectEditorKind(mount(html))).toBe(kind);
  });

  test('TinyMCE: the iframe body', () => {
    document.body.className = 'mce-content-body';
    document.body.id = 'tinymce';
    document.body.setAttribute('contenteditable', 'true');
    expect(resolveField(document.body)).toBe(document.body);
    expect(detectEditorKind(document.body)).toBe('tinymce');
    document.body.removeAttribute('contenteditable');
    document.body.className = '';
    document.body.id = '';
  });

  test('fieldLabel() prefers aria-label, then labelledby, then placeholder', () => {
    expect(fieldLabel(mount('<div aria-label="Message Body" contenteditable="true"></div>'))).toBe('Message Body');
    document.body.innerHTML = '<h2 id="h">Reply to Maria</h2><div aria-labelledby="h" contenteditable="true"></div>';
    expect(fieldLabel(document.body.lastElementChild as HTMLElement)).toBe('Reply to Maria');
    expect(fieldLabel(mount('<textarea placeholder="Write a reply"></textarea>'))).toBe('Write a reply');
  });
});

describe('trackFocus()', () => {
  test('reports focus and blur of editables, also inside open shadow roots', () => {
    document.body.innerHTML = '<textarea id="a"></textarea><div id="host"></div>';
    const host = document.getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div contenteditable="true" id="inner"><p>x</p></div>';
    const onFocus = vi.fn();
    const onBlur = vi.fn();
    const tracker = trackFocus(window, { onFocus, onBlur });

    (document.getElementById('a') as HTMLTextAreaElement).focus();
    expect(onFocus).toHaveBeenLastCalledWith(document.getElementById('a'));

    const inner = shadow.getElementById('inner')!;
    inner.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(onFocus).toHaveBeenLastCalledWith(inner);
    // Each focus event is reported once, even though window and the shadow root both listen.
    expect(onFocus).toHaveBeenCalledTimes(2);

    inner.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    expect(onBlur).toHaveBeenLastCalledWith(inner);
    tracker.destroy();
  });
});

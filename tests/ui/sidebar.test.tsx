// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SidebarFinding } from '../../src/extension/shared/sidebar-connector.js';
import { SIDEBAR_CSS } from '../../src/extension/ui/sidebar/mount.js';
import {
  LOCALES,
  accessibleDescription,
  accessibleName,
  checkItem,
  cleanup,
  click,
  finding,
  getAllByRole,
  getByRole,
  keyDown,
  mouseDown,
  queryAllByRole,
  renderSidebar,
  setState,
  type Locale,
} from './helpers.js';

afterEach(() => cleanup());

const CHECKLIST = [
  checkItem({ id: 'acknowledge-feelings', label: 'Acknowledge feelings', hint: 'Name the frustration.', example: 'I understand how frustrating this is.', done: true }),
  checkItem({ id: 'thanks', label: 'Thank the customer', hint: 'Show you value their time.', example: 'Thank you for your patience.', done: false }),
  checkItem({ id: 'next-step', label: 'Say what happens next', hint: 'Give a concrete next step.', example: 'Here is what I will do next:', done: false }),
];

const TWO_FINDINGS: SidebarFinding[] = [
  finding(),
  finding({
    ruleId: 'not-knowing',
    severity: 'warning',
    start: 40,
    match: "I don't know",
    message: 'Saying you don’t know can sound like a dead end.',
    alternatives: ['Let me find out for you.'],
    link: undefined,
  }),
];

function renderDefault(locale: Locale = 'en') {
  return renderSidebar({ findings: TWO_FINDINGS, checklist: CHECKLIST, fieldLabel: 'Reply to Maria' }, locale);
}

describe('landmark', () => {
  it.each(LOCALES)('is a complementary landmark named exactly "Reply Coach" (%s)', (locale) => {
    const r = renderDefault(locale);
    const aside = getByRole(r.shadow, 'complementary', 'Reply Coach');
    expect(aside.localName).toBe('aside');
    expect(aside.getAttribute('lang')).toBe(locale);
    expect(r.t.missing).toEqual(new Set());
  });

  it('renders inside its own wrapper and leaves the rest of the container alone', () => {
    const r = renderDefault();
    const style = document.createElement('style');
    style.textContent = SIDEBAR_CSS;
    r.shadow.prepend(style);
    expect(r.shadow.querySelector('.rc-root > aside')).not.toBeNull();
    expect(r.connector.listenerCount()).toBe(1);
    r.unmount();
    expect(r.connector.listenerCount()).toBe(0);
    expect(r.shadow.querySelector('.rc-root')).toBeNull();
    expect(r.shadow.firstChild).toBe(style);
  });
});

describe('findings', () => {
  it('lists one named list item per finding, with flagged text, severity as text and reason', () => {
    const r = renderDefault();
    const list = getByRole(r.shadow, 'list', 'Phrases to soften');
    const items = getAllByRole(list, 'listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('calm down');
    expect(items[0]!.textContent).toContain('Important');
    expect(items[0]!.textContent).toContain('Telling someone to calm down usually makes them feel dismissed.');
    expect(items[1]!.textContent).toContain("I don't know");
    expect(items[1]!.textContent).toContain('Warning');
    expect(items[0]!.className).toContain('rc-sev-critical');
    expect(items[1]!.className).toContain('rc-sev-warning');
  });

  it('names alternative buttons exactly by their text and applies them', () => {
    const r = renderDefault();
    const [first] = getAllByRole(getByRole(r.shadow, 'list', 'Phrases to soften'), 'listitem');
    for (const alternative of TWO_FINDINGS[0]!.alternatives) {
      const button = getByRole(first!, 'button', alternative);
      expect(accessibleName(button)).toBe(alternative);
      expect(button.hasAttribute('aria-label')).toBe(false);
      expect(accessibleDescription(button)).toBe('Replaces “calm down” in your reply');
    }
    click(getByRole(r.shadow, 'button', 'I can see why this is upsetting.'));
    click(getByRole(r.shadow, 'button', 'Let me find out for you.'));
    expect(r.connector.actions).toEqual([
      { kind: 'applyAlternative', findingKey: TWO_FINDINGS[0]!.key, alternative: 'I can see why this is upsetting.' },
      { kind: 'applyAlternative', findingKey: TWO_FINDINGS[1]!.key, alternative: 'Let me find out for you.' },
    ]);
  });

  it('offers "Ignore once" and "Don’t flag this for me" named with the phrase', () => {
    const r = renderDefault();
    click(getByRole(r.shadow, 'button', 'Ignore once: calm down'));
    click(getByRole(r.shadow, 'button', "Don’t flag this for me: I don't know"));
    expect(r.connector.actions).toEqual([
      { kind: 'ignoreOnce', findingKey: TWO_FINDINGS[0]!.key },
      { kind: 'ignoreAlways', findingKey: TWO_FINDINGS[1]!.key },
    ]);
  });

  it('focuses the finding when its flagged text is clicked', () => {
    const r = renderDefault();
    click(getByRole(r.shadow, 'button', '“calm down”'));
    expect(r.connector.actions).toEqual([{ kind: 'focusFinding', findingKey: TWO_FINDINGS[0]!.key }]);
  });

  it('links "Why?" safely, and only to http(s) pages', () => {
    const r = renderSidebar({
      findings: [
        finding(),
        finding({ start: 50, link: 'javascript:alert(1)' }),
        finding({ start: 90, link: 'data:text/html,<b>x</b>' }),
      ],
    });
    const links = getAllByRole(r.shadow, 'link', 'Why?');
    expect(links).toHaveLength(1);
    const link = links[0]!;
    expect(link.getAttribute('href')).toBe('https://example.com/why/calm-down');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(accessibleDescription(link)).toContain('opens in a new tab');
  });

  it('shows an all-clear when there is nothing to soften', () => {
    const r = renderSidebar({ checklist: CHECKLIST });
    expect(queryAllByRole(r.shadow, 'list', 'Phrases to soften')).toHaveLength(0);
    expect(r.aside().textContent).toContain('Looking good!');
    expect(r.aside().textContent).toContain('Nothing to soften');
    // The checklist is still there.
    getByRole(r.shadow, 'list', 'Empathy checklist');
  });

  it('follows state pushed by the connector', () => {
    const r = renderDefault();
    setState(r.connector, { findings: [TWO_FINDINGS[1]!] });
    expect(getAllByRole(getByRole(r.shadow, 'list', 'Phrases to soften'), 'listitem')).toHaveLength(1);
    expect(r.aside().textContent).not.toContain('calm down');
  });
});

describe('checklist', () => {
  it('shows read-only checkboxes named by their label, checked when done, with the hint as description', () => {
    const r = renderDefault();
    const list = getByRole(r.shadow, 'list', 'Empathy checklist');
    expect(getAllByRole(list, 'listitem')).toHaveLength(CHECKLIST.length);
    for (const item of CHECKLIST) {
      const box = getByRole(list, 'checkbox', item.label) as HTMLInputElement;
      expect(box.checked).toBe(item.done);
      expect(box.getAttribute('aria-readonly')).toBe('true');
      expect(box.disabled).toBe(false); // keyboard reachable
      expect(box.tabIndex).toBe(0);
      expect(accessibleDescription(box)).toBe(item.hint);
    }
  });

  it('does not let the agent tick an item', () => {
    const r = renderDefault();
    const box = getByRole(r.shadow, 'checkbox', 'Thank the customer') as HTMLInputElement;
    click(box);
    expect(box.checked).toBe(false);
    const done = getByRole(r.shadow, 'checkbox', 'Acknowledge feelings') as HTMLInputElement;
    click(done);
    expect(done.checked).toBe(true);
    expect(r.connector.actions).toEqual([]);
  });

  it('offers Insert (named with the example) for unticked items only', () => {
    const r = renderDefault();
    const inserts = getAllByRole(r.shadow, 'button', /^Insert: /);
    expect(inserts.map((b) => accessibleName(b))).toEqual([
      'Insert: Thank you for your patience.',
      'Insert: Here is what I will do next:',
    ]);
    click(inserts[0]!);
    expect(r.connector.actions).toEqual([{ kind: 'insertChecklistExample', itemId: 'thanks' }]);
  });

  it('updates the checked state from the connector', () => {
    const r = renderDefault();
    setState(r.connector, { checklist: CHECKLIST.map((item) => ({ ...item, done: true })) });
    for (const box of getAllByRole(r.shadow, 'checkbox')) expect((box as HTMLInputElement).checked).toBe(true);
    expect(queryAllByRole(r.shadow, 'button', /^Insert: /)).toHaveLength(0);
  });
});

describe('summary, collapse and pause', () => {
  it('summarises findings and checklist progress', () => {
    const r = renderDefault();
    const header = r.shadow.querySelector('header')!;
    expect(header.textContent).toContain('2 phrases to soften');
    expect(header.textContent).toContain('1/3 checklist');
  });

  it('collapses with Escape from anywhere in the sidebar and expands with the toggle', () => {
    const r = renderDefault();
    const toggle = getByRole(r.shadow, 'button', 'Coaching panel');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const controlled = r.shadow.getElementById(toggle.getAttribute('aria-controls')!);
    expect(controlled?.contains(getByRole(r.shadow, 'list', 'Phrases to soften'))).toBe(true);

    const alternative = getByRole(r.shadow, 'button', 'Let me find out for you.');
    alternative.focus();
    const escape = keyDown(alternative, 'Escape');
    expect(escape.defaultPrevented).toBe(true);
    expect(r.connector.actions).toEqual([{ kind: 'setCollapsed', collapsed: true }]);

    // Collapsed: a slim bar with the summary and the expand button only.
    expect(toggle.isConnected).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.hasAttribute('aria-controls')).toBe(false);
    expect(r.shadow.activeElement).toBe(toggle);
    expect(getAllByRole(r.shadow, 'button')).toEqual([toggle]);
    expect(queryAllByRole(r.shadow, 'list')).toHaveLength(0);
    expect(queryAllByRole(r.shadow, 'checkbox')).toHaveLength(0);
    expect(r.aside().textContent).toContain('2 phrases to soften');
    expect(r.aside().textContent).toContain('1/3 checklist');
    expect(getByRole(r.shadow, 'complementary', 'Reply Coach')).toBeTruthy();

    // Escape when already collapsed is left to the page.
    expect(keyDown(toggle, 'Escape').defaultPrevented).toBe(false);

    // Enter/Space on a native button fire click.
    click(toggle);
    expect(r.connector.actions.at(-1)).toEqual({ kind: 'setCollapsed', collapsed: false });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    getByRole(r.shadow, 'list', 'Phrases to soften');
  });

  it('pauses for this reply with a switch', () => {
    const r = renderDefault();
    const pause = getByRole(r.shadow, 'switch', 'Pause for this reply');
    expect(pause.getAttribute('aria-checked')).toBe('false');
    click(pause);
    expect(r.connector.actions).toEqual([{ kind: 'setPaused', paused: true }]);
    expect(pause.getAttribute('aria-checked')).toBe('true');
    expect(queryAllByRole(r.shadow, 'list')).toHaveLength(0);
    expect(r.aside().textContent).toContain('Coaching is paused');
    click(pause);
    expect(r.connector.actions.at(-1)).toEqual({ kind: 'setPaused', paused: false });
    getByRole(r.shadow, 'list', 'Phrases to soften');
  });

  it('shows the empty state when no reply box is coached', () => {
    const r = renderSidebar({ active: false, findings: TWO_FINDINGS, checklist: CHECKLIST });
    expect(r.aside().textContent).toContain('Click into a reply box to get coaching');
    expect(queryAllByRole(r.shadow, 'list')).toHaveLength(0);
    expect(queryAllByRole(r.shadow, 'switch')).toHaveLength(0);
    getByRole(r.shadow, 'complementary', 'Reply Coach');
  });

  it('keeps the Tab order summary → findings → checklist, with no positive tabindex', () => {
    const r = renderDefault();
    const focusables = [...r.shadow.querySelectorAll<HTMLElement>('button, a[href], input')];
    expect(focusables.every((el) => el.tabIndex === 0)).toBe(true);
    const indexOf = (el: HTMLElement) => focusables.indexOf(el);
    const toggle = getByRole(r.shadow, 'button', 'Coaching panel');
    const pause = getByRole(r.shadow, 'switch', 'Pause for this reply');
    const firstFinding = getByRole(r.shadow, 'button', '“calm down”');
    const lastFindingControl = getByRole(r.shadow, 'button', "Don’t flag this for me: I don't know");
    const firstCheckbox = getByRole(r.shadow, 'checkbox', 'Acknowledge feelings');
    expect(indexOf(toggle)).toBeLessThan(indexOf(firstFinding));
    expect(indexOf(pause)).toBeLessThan(indexOf(firstFinding));
    expect(indexOf(lastFindingControl)).toBeLessThan(indexOf(firstCheckbox));
  });

  it('never steals focus from the editor on mouse use', () => {
    const r = renderDefault();
    for (const el of [
      getByRole(r.shadow, 'button', 'Let me find out for you.'),
      getByRole(r.shadow, 'button', 'Ignore once: calm down'),
      getByRole(r.shadow, 'button', 'Insert: Thank you for your patience.'),
      getByRole(r.shadow, 'button', 'Coaching panel'),
      getByRole(r.shadow, 'switch', 'Pause for this reply'),
      getByRole(r.shadow, 'checkbox', 'Thank the customer'),
    ]) {
      expect(mouseDown(el).defaultPrevented).toBe(true);
    }
    // Plain text stays selectable.
    expect(mouseDown(r.shadow.querySelector('.rc-reason')!).defaultPrevented).toBe(false);
  });
});

describe('status', () => {
  it('announces status politely and styles errors as errors', () => {
    const r = renderDefault();
    const region = getByRole(r.shadow, 'status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    setState(r.connector, { status: { kind: 'info', text: 'Replaced “calm down”.' } });
    expect(getByRole(r.shadow, 'status')).toBe(region);
    expect(region.textContent).toBe('Replaced “calm down”.');
    expect(region.className).not.toContain('error');
    setState(r.connector, { status: { kind: 'error', text: 'The reply box changed; try again.' } });
    expect(region.textContent).toBe('Error: The reply box changed; try again.');
    expect(region.className).toContain('rc-status-error');
  });

  it('keeps the live region while collapsed', () => {
    const r = renderDefault();
    setState(r.connector, { collapsed: true, status: { kind: 'info', text: 'Inserted.' } });
    expect(getByRole(r.shadow, 'status').textContent).toBe('Inserted.');
  });

  it('reports a rejected dispatch as an error', async () => {
    const r = renderDefault();
    r.connector.dispatch = () => Promise.reject(new Error('port closed'));
    const warn = console.warn;
    console.warn = () => {};
    try {
      const button = getByRole(r.shadow, 'button', 'Let me find out for you.');
      await act(async () => {
        button.click();
        await Promise.resolve();
      });
    } finally {
      console.warn = warn;
    }
    expect(getByRole(r.shadow, 'status').textContent).toBe('Error: Something went wrong. Please try again.');
  });
});

describe('untrusted pack text', () => {
  it('renders markup as literal text, never as HTML', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = renderSidebar({
      fieldLabel: evil,
      findings: [finding({ match: evil, message: evil, alternatives: [evil], link: `https://example.com/"><img src=x>` })],
      checklist: [checkItem({ label: evil, hint: evil, example: evil })],
      status: { kind: 'error', text: evil },
    });
    expect(r.shadow.querySelectorAll('img, script')).toHaveLength(0);
    const item = getByRole(getByRole(r.shadow, 'list', 'Phrases to soften'), 'listitem');
    expect(item.textContent).toContain(evil);
    expect(getByRole(r.shadow, 'button', evil)).toBeTruthy();
    expect(getByRole(r.shadow, 'button', `Ignore once: ${evil}`)).toBeTruthy();
    expect(getByRole(r.shadow, 'checkbox', evil)).toBeTruthy();
    expect(getByRole(r.shadow, 'button', `Insert: ${evil}`)).toBeTruthy();
    expect(getByRole(r.shadow, 'status').textContent).toContain(evil);
    expect(r.aside().textContent).toContain(`Coaching: ${evil}`);
  });
});

describe('plural summary', () => {
  const EXPECTED: Record<Locale, Record<number, string>> = {
    en: { 1: '1 phrase to soften', 2: '2 phrases to soften', 5: '5 phrases to soften', 21: '21 phrases to soften' },
    ru: { 1: '1 фразу можно смягчить', 2: '2 фразы можно смягчить', 5: '5 фраз можно смягчить', 21: '21 фразу можно смягчить' },
    uk: { 1: '1 фразу варто пом’якшити', 2: '2 фрази варто пом’якшити', 5: '5 фраз варто пом’якшити', 21: '21 фразу варто пом’якшити' },
  };
  const many = (n: number) => Array.from({ length: n }, (_, i) => finding({ start: i * 20 }));

  for (const locale of LOCALES) {
    for (const n of [1, 2, 5, 21]) {
      it(`${locale}: ${n}`, () => {
        const r = renderSidebar({ findings: many(n), checklist: CHECKLIST }, locale);
        const chip = r.shadow.querySelector('header .rc-summary .rc-chip')!;
        expect(chip.textContent).toBe(EXPECTED[locale][n]);
        expect(getAllByRole(r.shadow, 'listitem').length).toBeGreaterThanOrEqual(n);
        expect(r.t.missing).toEqual(new Set());
      });
    }
  }

  it.each(LOCALES)('uses only keys present in the %s bundle in every state', (locale) => {
    const r = renderSidebar({ active: false }, locale);
    setState(r.connector, { active: true, findings: TWO_FINDINGS, checklist: CHECKLIST, fieldLabel: 'x' });
    setState(r.connector, { status: { kind: 'error', text: 'x' } });
    setState(r.connector, { paused: true });
    setState(r.connector, { paused: false, findings: [] });
    setState(r.connector, { collapsed: true });
    expect(r.t.missing).toEqual(new Set());
  });
});

/**
 * The ONLY import of webextension-polyfill in the project. Everything else imports `browser` (and its types) from
 * here, so tests can stub one module (`vi.mock('…/shared/browser.js')`) and the polyfill is bundled once.
 *
 * In Firefox the polyfill returns the native `browser` namespace untouched; in Chrome it wraps `chrome.*` in
 * promise-returning functions.
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };

/** `i18n.getMessage` with Chrome's semantics ('' for an unknown key) that never throws. */
export function i18nMessage(key: string, subs?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, subs);
  } catch {
    // The extension context is gone (extension updated or reloaded under a live page): nothing to translate with.
    return '';
  }
}

/** `i18nMessage`, falling back to `fallback` (or the key) when the message is missing. */
export function getMessage(key: string, subs?: string | string[], fallback?: string): string {
  return i18nMessage(key, subs) || fallback || key;
}

/** True while this content script still belongs to a live extension (false after an update/reload orphaned it). */
export function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

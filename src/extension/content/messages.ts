/**
 * Strings the content script shows itself (card, status announcements). Keys live in
 * extension/_locales/<lang>/messages.json; the English text here is the fallback when a key is missing, so a
 * locale lagging behind never shows a raw key.
 */
import { getMessage } from '../shared/browser.js';

export const CONTENT_MESSAGES = {
  cardTitle: 'Consider rephrasing',
  // Shared with the sidebar (its locale files already have them):
  applyHint: 'Replaces “$1” in your reply',
  ignoreOnce: 'Ignore once',
  ignoreAlways: 'Don’t flag this for me',
  statusReplaced: 'Replaced “$1” with “$2”.',
  statusInserted: 'Added “$1”.',
  statusIgnoredOnce: 'Ignoring “$1” in this reply.',
  statusIgnoredAlways: '“$1” won’t be flagged for you again.',
  statusChanged: 'The text changed before the suggestion could be applied. Nothing was replaced.',
  statusRejected: 'This editor did not accept the change. Nothing was replaced.',
  statusDiverged: 'The editor changed the text in an unexpected way. Please check it (Ctrl+Z undoes it).',
  statusDetached: 'The reply box is gone.',
  fieldLabelFallback: 'Reply',
} as const;

export type ContentMessageKey = keyof typeof CONTENT_MESSAGES;

function substitute(text: string, subs: string[]): string {
  return text.replace(/\$(\d)/g, (whole, n: string) => subs[Number(n) - 1] ?? whole);
}

/** The translator handed to the sidebar and used by the card: locale first, English fallback. */
export function t(key: string, subs?: string | string[]): string {
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fallback = (CONTENT_MESSAGES as Record<string, string>)[key];
  const text = getMessage(key, list, fallback !== undefined ? substitute(fallback, list) : undefined);
  return text;
}

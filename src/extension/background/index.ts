/**
 * Service worker (Chrome) / background script (Firefox). Stateless on purpose: MV3 workers are killed when idle, so
 * everything here is an event handler and nothing is kept in memory between events.
 */
import { browser, type Runtime } from '../shared/browser.js';
import { isToBackground } from '../shared/protocol.js';
import { persistMigratedSettings } from '../shared/settings.js';
import { routeMessage } from './router.js';

const deps = {
  sendToFrame: (tabId: number, frameId: number, message: Parameters<typeof browser.tabs.sendMessage>[1]) =>
    browser.tabs.sendMessage(tabId, message, { frameId }),
  version: browser.runtime.getManifest().version,
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id || !isToBackground(message)) return undefined;
  return routeMessage(message, sender, deps);
});

browser.commands.onCommand.addListener(async (command) => {
  if (command !== 'toggle-sidebar') return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await browser.tabs.sendMessage(tab.id, { kind: 'toggleSidebar' }, { frameId: 0 }).catch(() => undefined);
});

browser.runtime.onInstalled.addListener(() => {
  void persistMigratedSettings().catch(() => undefined);
});

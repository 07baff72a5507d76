/**
 * The settings seam: defaults, the `storage.local` layout, migrations, and the personal "don't flag this for me"
 * list. Pure functions (`migrateSettings`, `normalizeSettings`, `toEngineSettings`, `withIgnoredPhrase`) carry the
 * logic and are unit-tested; the async helpers only move data in and out of `storage.local`.
 *
 * Layout: ONE key, `settings`, holding `{version, ...}`. One key keeps reads atomic (content scripts read it once
 * per frame) and lets `storage.onChanged` deliver a whole, consistent object.
 */
import type { EngineSettings, Severity } from '../../core/types.js';
import { SEVERITIES } from '../../core/types.js';
import { browser } from './browser.js';

export const STORAGE_KEYS = {
  settings: 'settings',
} as const;

export interface Settings {
  /** Schema version of this object; see `migrations`. */
  version: number;
  /** Master switch: false = coach nowhere. */
  enabled: boolean;
  /** Hostnames (exact, e.g. `acme.zendesk.com`) where coaching is off. */
  disabledHosts: string[];
  /** Personal ignores ("Don't flag this for me"), as typed; the engine compares case- and quote-insensitively. */
  ignoredPhrases: string[];
  disabledPacks: string[];
  disabledRules: string[];
  enabledRules: string[];
  disabledCategories: string[];
  minSeverity: Severity;
  /** The sidebar is a slim bar until expanded (toggled by the `toggle-sidebar` command or its own button). */
  sidebarCollapsed: boolean;
}

export const SETTINGS_VERSION = 1;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  disabledHosts: [],
  ignoredPhrases: [],
  disabledPacks: [],
  disabledRules: [],
  enabledRules: [],
  disabledCategories: [],
  minSeverity: 'info',
  sidebarCollapsed: false,
});

export interface Migration {
  /** The version this migration produces; migrations run in order for every `to` above the stored version. */
  to: number;
  description: string;
  migrate(raw: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Append-only. Never edit a shipped migration: add a new one with the next `to`, and bump SETTINGS_VERSION.
 */
export const migrations: readonly Migration[] = [
  {
    to: 1,
    description:
      'Pre-release builds (no `version`) kept personal ignores under `ignored` and the sidebar state under `collapsed`.',
    migrate(raw) {
      const { ignored, collapsed, ...rest } = raw;
      const next: Record<string, unknown> = { ...rest };
      if (Array.isArray(ignored) && next.ignoredPhrases === undefined) next.ignoredPhrases = ignored;
      if (typeof collapsed === 'boolean' && next.sidebarCollapsed === undefined) next.sidebarCollapsed = collapsed;
      return next;
    },
  },
];

function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const trimmed = item.trim().replace(/\s+/g, ' ');
    const key = trimmed.toLowerCase();
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}

/** Fills defaults, drops unknown keys and values of the wrong type (webext-options-sync's `removeUnused`). */
export function normalizeSettings(raw: Record<string, unknown>): Settings {
  const severity = raw.minSeverity;
  return {
    version: SETTINGS_VERSION,
    enabled: typeof raw.enabled === 'boolean' ? raw.enabled : DEFAULT_SETTINGS.enabled,
    disabledHosts: stringList(raw.disabledHosts).map((h) => h.toLowerCase()),
    ignoredPhrases: stringList(raw.ignoredPhrases),
    disabledPacks: stringList(raw.disabledPacks),
    disabledRules: stringList(raw.disabledRules),
    enabledRules: stringList(raw.enabledRules),
    disabledCategories: stringList(raw.disabledCategories),
    minSeverity: (SEVERITIES as readonly unknown[]).includes(severity)
      ? (severity as Severity)
      : DEFAULT_SETTINGS.minSeverity,
    sidebarCollapsed: typeof raw.sidebarCollapsed === 'boolean' ? raw.sidebarCollapsed : DEFAULT_SETTINGS.sidebarCollapsed,
  };
}

/**
 * Whatever is stored (nothing, an old version, garbage) → a valid current `Settings`.
 * A version NEWER than this build knows (a downgrade) is read as-is through `normalizeSettings`, never migrated.
 */
export function migrateSettings(stored: unknown, list: readonly Migration[] = migrations): Settings {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return normalizeSettings({});
  let raw = { ...(stored as Record<string, unknown>) };
  const from = typeof raw.version === 'number' && Number.isFinite(raw.version) ? raw.version : 0;
  for (const migration of [...list].sort((a, b) => a.to - b.to)) {
    if (migration.to > from) raw = migration.migrate(raw);
  }
  return normalizeSettings(raw);
}

export function toEngineSettings(settings: Settings): EngineSettings {
  return {
    disabledPacks: settings.disabledPacks,
    disabledRules: settings.disabledRules,
    enabledRules: settings.enabledRules,
    disabledCategories: settings.disabledCategories,
    ignoredPhrases: settings.ignoredPhrases,
    minSeverity: settings.minSeverity,
  };
}

/** Adds `phrase` to the personal ignore list (no-op when already there, compared case-insensitively). */
export function withIgnoredPhrase(settings: Settings, phrase: string): Settings {
  return normalizeSettings({ ...settings, ignoredPhrases: [...settings.ignoredPhrases, phrase] });
}

export function coachingEnabledFor(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.disabledHosts.includes(hostname.toLowerCase());
}

// ---- storage.local ----------------------------------------------------------------------------------------

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.settings);
  return migrateSettings(stored[STORAGE_KEYS.settings]);
}

/** Read-modify-write; returns what was written. */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = normalizeSettings({ ...change(await loadSettings()) });
  await browser.storage.local.set({ [STORAGE_KEYS.settings]: next });
  return next;
}

/** Rewrites the stored object in the current version (run by the background on install/update). */
export async function persistMigratedSettings(): Promise<Settings> {
  return updateSettings((current) => current);
}

export function addIgnoredPhrase(phrase: string): Promise<Settings> {
  return updateSettings((current) => withIgnoredPhrase(current, phrase));
}

/** Calls `listener` with the new settings whenever another context changes them; returns the unsubscribe. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(STORAGE_KEYS.settings in changes)) return;
    listener(migrateSettings(changes[STORAGE_KEYS.settings]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}

import { describe, expect, test, vi } from 'vitest';

// settings.ts reads storage through the polyfill; these tests only exercise its pure functions.
vi.mock('../../src/extension/shared/browser.js', () => ({ browser: {} }));

const {
  coachingEnabledFor,
  DEFAULT_SETTINGS,
  migrateSettings,
  migrations,
  normalizeSettings,
  SETTINGS_VERSION,
  toEngineSettings,
  withIgnoredPhrase,
} = await import('../../src/extension/shared/settings.js');

describe('settings migrations', () => {
  test('nothing stored → defaults at the current version', () => {
    expect(migrateSettings(undefined)).toEqual({ ...DEFAULT_SETTINGS });
    expect(migrateSettings(null).version).toBe(SETTINGS_VERSION);
  });

  test('garbage → defaults', () => {
    for (const junk of ['x', 42, [], true]) expect(migrateSettings(junk)).toEqual({ ...DEFAULT_SETTINGS });
  });

  test('pre-release layout (no version): `ignored` and `collapsed` are carried over', () => {
    const migrated = migrateSettings({ ignored: ['calm down', 'As I said'], collapsed: true, enabled: false });
    expect(migrated.ignoredPhrases).toEqual(['calm down', 'As I said']);
    expect(migrated.sidebarCollapsed).toBe(true);
    expect(migrated.enabled).toBe(false);
    expect(migrated).not.toHaveProperty('ignored');
    expect(migrated).not.toHaveProperty('collapsed');
    expect(migrated.version).toBe(SETTINGS_VERSION);
  });

  test('current-version data is not migrated again', () => {
    const current = { ...DEFAULT_SETTINGS, ignored: ['old'], ignoredPhrases: ['kept'] };
    expect(migrateSettings(current).ignoredPhrases).toEqual(['kept']);
  });

  test('migrations run in order, only above the stored version', () => {
    const calls: number[] = [];
    const list = [
      { to: 2, description: 'b', migrate: (r: Record<string, unknown>) => (calls.push(2), { ...r, minSeverity: 'warning' }) },
      { to: 1, description: 'a', migrate: (r: Record<string, unknown>) => (calls.push(1), r) },
    ];
    expect(migrateSettings({ version: 1 }, list).minSeverity).toBe('warning');
    expect(calls).toEqual([2]);
    calls.length = 0;
    migrateSettings({}, list);
    expect(calls).toEqual([1, 2]);
  });

  test('a newer version (downgrade) is read as-is, never migrated', () => {
    const migrate = vi.fn((r: Record<string, unknown>) => r);
    const read = migrateSettings({ version: 99, ignoredPhrases: ['x'] }, [{ to: 1, description: '', migrate }]);
    expect(migrate).not.toHaveBeenCalled();
    expect(read.ignoredPhrases).toEqual(['x']);
  });

  test('the shipped list is append-only and strictly increasing up to SETTINGS_VERSION', () => {
    const versions = migrations.map((m) => m.to);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions[versions.length - 1]).toBe(SETTINGS_VERSION);
  });
});

describe('normalizeSettings()', () => {
  test('drops unknown keys and wrong types, dedupes and trims lists', () => {
    const s = normalizeSettings({
      evil: '<script>',
      enabled: 'yes',
      minSeverity: 'apocalyptic',
      ignoredPhrases: ['  calm   down ', 'Calm down', 3, '', 'I don’t know'],
      disabledHosts: ['Mail.Google.com'],
    });
    expect(s).not.toHaveProperty('evil');
    expect(s.enabled).toBe(true);
    expect(s.minSeverity).toBe('info');
    expect(s.ignoredPhrases).toEqual(['calm down', 'I don’t know']);
    expect(s.disabledHosts).toEqual(['mail.google.com']);
  });
});

describe('ignored phrases ("Don\'t flag this for me")', () => {
  test('withIgnoredPhrase adds once, case-insensitively', () => {
    let s = normalizeSettings({});
    s = withIgnoredPhrase(s, 'calm down');
    s = withIgnoredPhrase(s, 'Calm Down');
    expect(s.ignoredPhrases).toEqual(['calm down']);
  });

  test('toEngineSettings hands ignored phrases and toggles to the engine', () => {
    const s = normalizeSettings({ ignoredPhrases: ['calm down'], disabledRules: ['reply-coach-en/calm-down'], minSeverity: 'warning' });
    expect(toEngineSettings(s)).toEqual({
      disabledPacks: [],
      disabledRules: ['reply-coach-en/calm-down'],
      enabledRules: [],
      disabledCategories: [],
      ignoredPhrases: ['calm down'],
      minSeverity: 'warning',
    });
  });

  test('coaching can be switched off globally or per host', () => {
    expect(coachingEnabledFor(normalizeSettings({}), 'mail.google.com')).toBe(true);
    expect(coachingEnabledFor(normalizeSettings({ enabled: false }), 'mail.google.com')).toBe(false);
    expect(coachingEnabledFor(normalizeSettings({ disabledHosts: ['mail.google.com'] }), 'MAIL.google.com')).toBe(false);
  });
});

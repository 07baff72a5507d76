// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createMockConnector } from '../../src/extension/ui/sidebar/mock-connector.js';

describe('createMockConnector', () => {
  it('starts from defaults merged with the initial state', () => {
    const c = createMockConnector({ active: true, fieldLabel: 'Reply' });
    expect(c.getState()).toEqual({
      active: true, fieldLabel: 'Reply', language: 'en', findings: [], checklist: [], collapsed: false, paused: false,
    });
  });

  it('records actions, pushes state to subscribers and unsubscribes', async () => {
    const c = createMockConnector();
    const seen: boolean[] = [];
    const off = c.subscribe((s) => seen.push(s.active));
    c.setState({ active: true });
    c.setState((s) => ({ active: !s.active }));
    await c.dispatch({ kind: 'ignoreOnce', findingKey: 'k' });
    expect(c.actions).toEqual([{ kind: 'ignoreOnce', findingKey: 'k' }]);
    expect(seen).toEqual([true, false]);
    expect(c.listenerCount()).toBe(1);
    off();
    expect(c.listenerCount()).toBe(0);
  });

  it('applies setCollapsed/setPaused unless told not to', async () => {
    const live = createMockConnector();
    await live.dispatch({ kind: 'setCollapsed', collapsed: true });
    await live.dispatch({ kind: 'setPaused', paused: true });
    expect(live.getState()).toMatchObject({ collapsed: true, paused: true });

    const inert = createMockConnector({}, { applyUiActions: false });
    await inert.dispatch({ kind: 'setCollapsed', collapsed: true });
    expect(inert.getState().collapsed).toBe(false);
    expect(inert.actions).toHaveLength(1);
  });
});

import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createScheduler } from '../../src/extension/content/scheduler.js';

/** A window stand-in without requestIdleCallback (the setTimeout fallback path) and one with it. */
function fakeWindow(withIdle: boolean): Window {
  const win: Record<string, unknown> = {
    setTimeout: (cb: () => void, ms: number) => setTimeout(cb, ms),
    clearTimeout: (id: number) => clearTimeout(id),
  };
  if (withIdle) {
    win.requestIdleCallback = (cb: () => void, opts: { timeout: number }) => setTimeout(cb, Math.min(5, opts.timeout));
    win.cancelIdleCallback = (id: number) => clearTimeout(id);
  }
  return win as unknown as Window;
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each([true, false])('createScheduler (requestIdleCallback: %s)', (withIdle) => {
  test('coalesces a burst of keystrokes into one run, within 150 ms of the first', () => {
    const run = vi.fn();
    const s = createScheduler(run, { win: fakeWindow(withIdle) });
    for (let i = 0; i < 5; i++) {
      s.notify();
      vi.advanceTimersByTime(10);
    }
    expect(run).not.toHaveBeenCalled(); // never on the keystroke itself
    vi.advanceTimersByTime(100);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test('keeps analysing during continuous typing (throttle, not an endless debounce)', () => {
    const run = vi.fn();
    const s = createScheduler(run, { win: fakeWindow(withIdle) });
    for (let t = 0; t < 1000; t += 40) {
      s.notify();
      vi.advanceTimersByTime(40);
    }
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(6);
  });

  test('skips during IME composition and runs once it ends', () => {
    const run = vi.fn();
    const s = createScheduler(run, { win: fakeWindow(withIdle) });
    s.setComposing(true);
    s.notify();
    vi.advanceTimersByTime(500);
    expect(run).not.toHaveBeenCalled();
    s.setComposing(false);
    vi.advanceTimersByTime(200);
    expect(run).toHaveBeenCalledTimes(1);
  });

  test('flush runs now and cancels the pending run; cancel drops it', () => {
    const run = vi.fn();
    const s = createScheduler(run, { win: fakeWindow(withIdle) });
    s.notify();
    s.flush();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
    s.notify();
    s.cancel();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });
});

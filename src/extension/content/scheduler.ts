/**
 * When to analyse: never on the keystroke itself. Typing only marks the field dirty (a passive listener doing O(1)
 * work); analysis runs in an idle callback shortly after (at most `delay + idleTimeout` ≈ 150 ms), coalescing every
 * keystroke in between, and never during IME composition (the text is provisional until `compositionend`).
 * Skipping unchanged text is the runner's job (it knows the text).
 */

export interface Scheduler {
  /** Something may have changed: run soon (coalesced). */
  notify(): void;
  setComposing(composing: boolean): void;
  /** Run now, synchronously (field just focused, or after our own edit). */
  flush(): void;
  cancel(): void;
}

export interface SchedulerOptions {
  /** Quiet time before asking for an idle slot (ms). */
  delay?: number;
  /** Ceiling for the idle callback (ms). */
  idleTimeout?: number;
  win?: Window;
}

export function createScheduler(run: () => void, options: SchedulerOptions = {}): Scheduler {
  const { delay = 90, idleTimeout = 60 } = options;
  const win = options.win ?? window;
  const requestIdle: (cb: () => void, opts: { timeout: number }) => number =
    typeof win.requestIdleCallback === 'function'
      ? win.requestIdleCallback.bind(win)
      : (cb, opts) => win.setTimeout(cb, Math.min(16, opts.timeout)) as unknown as number;
  const cancelIdle: (id: number) => void =
    typeof win.cancelIdleCallback === 'function' ? win.cancelIdleCallback.bind(win) : (id) => win.clearTimeout(id);

  let timer: number | undefined;
  let idle: number | undefined;
  let composing = false;
  let dirtyWhileComposing = false;

  const cancel = () => {
    if (timer !== undefined) win.clearTimeout(timer);
    if (idle !== undefined) cancelIdle(idle);
    timer = idle = undefined;
  };

  const fire = () => {
    idle = undefined;
    if (composing) {
      dirtyWhileComposing = true;
      return;
    }
    run();
  };

  return {
    notify() {
      if (composing) {
        dirtyWhileComposing = true;
        return;
      }
      if (timer !== undefined || idle !== undefined) return; // already coming
      timer = win.setTimeout(() => {
        timer = undefined;
        idle = requestIdle(fire, { timeout: idleTimeout });
      }, delay) as unknown as number;
    },
    setComposing(value) {
      composing = value;
      if (!value && dirtyWhileComposing) {
        dirtyWhileComposing = false;
        this.notify();
      }
    },
    flush() {
      cancel();
      run();
    },
    cancel,
  };
}

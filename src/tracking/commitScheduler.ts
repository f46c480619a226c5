/**
 * Coalesces saves: changes within `delay` make one commit; a failed commit is retried with growing
 * back-off until one succeeds (or the session finishes and cancels it). A request may name a longer
 * delay (an answer being edited, not yet submitted): it never postpones a commit already due sooner,
 * and a later prompt request brings a lazy one forward.
 */
export interface CommitScheduler {
  /** A change is waiting: commit within `ms` (default: the scheduler's delay). */
  request(ms?: number): void;
  /** Commit now, cancelling the pending timer; returns whether it succeeded. */
  now(): boolean;
  cancel(): void;
  /** Consecutive failures so far. */
  readonly failures: number;
}

export const RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000, 30000];

export function commitScheduler(run: () => boolean, delay = 500, retries = RETRY_DELAYS, clock: () => number = Date.now): CommitScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let due = 0;
  let failures = 0;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    const at = clock() + ms;
    // While retrying after a failure, the back-off stands: requests must not hammer a failing LMS.
    if (timer !== null && (failures > 0 || due <= at)) return;
    cancel();
    due = at;
    timer = setTimeout(fire, ms);
  };
  const now = () => {
    cancel();
    const ok = run();
    if (ok) failures = 0;
    else schedule(retries[Math.min(failures++, retries.length - 1)]);
    return ok;
  };
  function fire() {
    timer = null;
    now();
  }
  return {
    request: (ms = delay) => schedule(ms),
    now,
    cancel,
    get failures() {
      return failures;
    },
  };
}

/**
 * Coalesces saves: a burst of changes within `delay` makes one commit; a failed commit is retried
 * with growing back-off until one succeeds (or the session finishes and cancels it).
 */
export interface CommitScheduler {
  /** A change is waiting: commit soon (no-op while a commit or retry is already scheduled). */
  request(): void;
  /** Commit now, cancelling the pending timer; returns whether it succeeded. */
  now(): boolean;
  cancel(): void;
  /** Consecutive failures so far. */
  readonly failures: number;
}

export const RETRY_DELAYS = [1000, 2000, 4000, 8000, 15000, 30000];

export function commitScheduler(run: () => boolean, delay = 500, retries = RETRY_DELAYS): CommitScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  const schedule = (ms: number) => {
    if (timer === null) timer = setTimeout(fire, ms);
  };
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
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
    request: () => schedule(delay),
    now,
    cancel,
    get failures() {
      return failures;
    },
  };
}

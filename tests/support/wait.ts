import type postgres from "postgres";

/**
 * Resolves with `check()`'s first defined result, re-checking whenever `channel` is notified
 * (the notifier sends `monitoring_notifications` after each batch) and once a second in
 * case a notification came between a check and the wait. Fails after `timeoutMs` with
 * `what` in the message, so a test never hangs on an event that does not come.
 */
export async function untilNotified<T>(
  sql: postgres.Sql,
  channel: string,
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  let wake: () => void = () => {};
  const listener = await sql.listen(channel, () => wake());
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await check();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1_000);
      });
    }
  } finally {
    await listener.unlisten();
  }
}

/**
 * Polls `check` every 50 ms until it returns true; fails after `timeoutMs` naming `what`.
 * For what has no notification to wait on, such as another process's output.
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  what = "a condition",
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

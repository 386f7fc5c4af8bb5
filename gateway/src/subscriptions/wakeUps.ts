import { unlistenQuietly } from "@rnp/db";
import { decodeWakeUp, NOTIFICATIONS_CHANNEL } from "@rnp/policy/wire";
import type postgres from "postgres";

/**
 * The key a set's wake-ups are filed under: its id as the notifier writes it (`012` and
 * `12` are one set). Anything else is kept as given; the monitoring subgraph refuses it.
 */
export function setKeyOf(setId: unknown): string {
  const text = String(setId);
  return /^\d{1,10}$/.test(text) ? String(Number(text)) : text;
}

/**
 * Wake-ups by set: each gateway process listens to the notifier's channel itself and
 * wakes only the subscriptions of the sets a payload names, so a change in one set costs
 * nothing to the subscriptions of another. A payload in any other form (from an older
 * notifier) wakes every subscription: too many wake-ups are harmless, a lost one is not.
 */
export class WakeUps {
  private readonly bySet = new Map<string, Set<() => void>>();
  /** Wake-up calls made (one per subscription woken), for tests and the benchmark. */
  woken = 0;

  /** Registers `wake` for a set's notifications; returns the function that unregisters it. */
  subscribe(setId: string, wake: () => void): () => void {
    let wakes = this.bySet.get(setId);
    if (!wakes) {
      wakes = new Set();
      this.bySet.set(setId, wakes);
    }
    wakes.add(wake);
    return () => {
      wakes.delete(wake);
      if (wakes.size === 0 && this.bySet.get(setId) === wakes) this.bySet.delete(setId);
    };
  }

  /** Wakes the subscriptions a notifier payload names (`@rnp/policy/wire`'s wake-up). */
  deliver(payload: string): void {
    const ids = decodeWakeUp(payload);
    if (!ids) {
      for (const wakes of this.bySet.values()) this.wakeAll(wakes);
      return;
    }
    for (const id of ids) {
      const wakes = this.bySet.get(id);
      if (wakes) this.wakeAll(wakes);
    }
  }

  private wakeAll(wakes: Set<() => void>) {
    // A copy: a woken subscription may end, and unregister, while we iterate.
    for (const wake of [...wakes]) {
      this.woken++;
      wake();
    }
  }
}

/** Listens to the notifier's channel on `sql` (one connection per gateway process). */
export async function listenForWakeUps(sql: postgres.Sql) {
  const wakeUps = new WakeUps();
  const listener = await sql.listen(NOTIFICATIONS_CHANNEL, (payload) => wakeUps.deliver(payload));
  return { wakeUps, close: () => unlistenQuietly(listener) };
}

/**
 * The wake-up payload on `NOTIFICATIONS_CHANNEL`: `sets:12,40,41`, the ids of the sets that
 * got new notifications (docs/PROTOCOL.md). The monitoring notifier encodes it, the
 * gateways decode it; neither imports the other.
 */
const SETS_PREFIX = "sets:";

/** PostgreSQL refuses a NOTIFY payload of 8 000 bytes or more; stay well below. */
const MAX_PAYLOAD_BYTES = 7_900;

/**
 * The payloads naming `setIds`, split so that each stays under PostgreSQL's payload limit
 * (a mass change can touch thousands of sets); none for no set.
 */
export function encodeWakeUps(setIds: readonly number[]): string[] {
  const payloads: string[] = [];
  let current = "";
  for (const id of setIds) {
    const part = String(id);
    if (current && current.length + 1 + part.length > MAX_PAYLOAD_BYTES) {
      payloads.push(current);
      current = "";
    }
    current = current ? `${current},${part}` : `${SETS_PREFIX}${part}`;
  }
  if (current) payloads.push(current);
  return payloads;
}

/**
 * The set ids a payload names (as `String(Number(id))`, so `012` and `12` are one set), or
 * null when the payload is in no form this version knows (an older notifier's): the
 * listener must then wake every subscription, since too many wake-ups are harmless and a
 * lost one is not.
 */
export function decodeWakeUp(payload: string): string[] | null {
  if (!payload.startsWith(SETS_PREFIX)) return null;
  const ids = payload.slice(SETS_PREFIX.length).split(",");
  if (ids.some((id) => !/^\d{1,10}$/.test(id))) return null;
  return ids.map((id) => String(Number(id)));
}

/**
 * PostgreSQL NOTIFY channels between the parts: the sender and the listeners live in parts
 * that may not import each other, so each name is written here once (tests/layout.test.ts
 * checks that it is written nowhere else).
 */

/** A register change was appended to the change log (person); the payload is its highest `seq`. The monitoring notifier follows it. */
export const REGISTER_CHANGES_CHANNEL = "register_changes";

/** Monitoring sets got new notifications (monitoring notifier); the payload is a wake-up (`./wakeUps.ts`). The gateways listen. */
export const NOTIFICATIONS_CHANNEL = "monitoring_notifications";

/** A decision on a composite data set's version (catalog); the gateways forget the approved documents they hold. */
export const COMPOSITE_SETS_CHANGED = "composite_sets_changed";

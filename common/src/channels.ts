/**
 * PostgreSQL NOTIFY channels that cross packages: the sender and the listeners live in parts
 * that may not import each other, so the names are kept here.
 */

/** A decision on a composite data set's version (catalog); the gateways forget the approved documents they hold. */
export const COMPOSITE_SETS_CHANGED = "composite_sets_changed";

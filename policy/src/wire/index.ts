/**
 * The wire between the parts, written once and used by both ends: the NOTIFY channels and
 * the wake-up payload.
 */
export { COMPOSITE_SETS_CHANGED, NOTIFICATIONS_CHANNEL, REGISTER_CHANGES_CHANNEL } from "./channels";
export { decodeWakeUp, encodeWakeUps } from "./wakeUps";

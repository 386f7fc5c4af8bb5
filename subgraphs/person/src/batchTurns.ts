import { type RequestIdentity, SliceScheduler } from "@rnp/common";

/** Batches of at least this many persons take turns; smaller ones run as they come. */
export const LARGE_BATCH = 100;

/** One per process: every request's large batches share the turns, fair by requester. */
const scheduler = new SliceScheduler(1_000);

/**
 * Waits for the requester's next turn before a slice of a large batch (checking its codes,
 * then completing its persons): between two slices the subgraph serves other requests, and
 * among requesters with large batches the turns go round by cost (`SliceScheduler`). A small
 * batch does not wait.
 */
export async function batchTurn(identity: RequestIdentity, persons: number): Promise<void> {
  if (persons < LARGE_BATCH) return;
  await scheduler.turn(String(identity.requesterId), persons);
}

/** What the simulator prints while it runs and when it is done. */
import type { Database } from "@rnp/db";
import { sql } from "drizzle-orm";
import { type Kind, WEIGHTS } from "./changeStream";
import { rows } from "./rows";

/** The change log's last sequence number (0 before the first change). */
async function lastSeqOf(db: Database): Promise<number> {
  const [row] = await rows<{ value: string | null }>(
    db,
    sql`select (select value from person.change_sequence where id = 1)::text as value`,
  );
  return Number(row?.value ?? 0);
}

const perKind = () => Object.fromEntries(WEIGHTS.map(([kind]) => [kind, 0])) as Record<Kind, number>;

/** Counts of a simulation run, with a progress line every second and a summary at the end. */
export class Tally {
  /** Changes made, per kind. */
  readonly done = perKind();
  /** Time spent on each kind, refused and skipped attempts included. */
  readonly milliseconds = perKind();
  changes = 0;
  /** Changes the register refused (a pick raced with an earlier change or met a rule the pick does not check). */
  refused = 0;
  /** Attempts that found nobody eligible. */
  skipped = 0;
  /** Attempts that failed otherwise: a bug or a database failure. */
  failed = 0;
  /** When the run began: the stream is paced from here. */
  readonly started = performance.now();
  private lastReport = this.started;
  private changesAtLastReport = 0;

  constructor(private readonly db: Database) {}

  /** Records one attempt of `kind`: `what` describes the change, null when nobody was eligible. */
  made(kind: Kind, what: string | null): void {
    if (what === null) this.skipped++;
    else {
      this.changes++;
      this.done[kind]++;
    }
  }

  refusedOne(kind: Kind, error: Error): void {
    this.refused++;
    if (this.refused <= 5) console.log(`  ${kind} refused: ${error.message}`);
  }

  failedOne(kind: Kind, error: unknown): void {
    this.failed++;
    console.error(`  ${kind} failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  took(kind: Kind, began: number): void {
    this.milliseconds[kind] += performance.now() - began;
  }

  /** Prints a progress line when a second has passed since the last one (at once with `force`). */
  async report(force = false): Promise<void> {
    const now = performance.now();
    if (!force && now - this.lastReport < 1000) return;
    const perSecond = ((this.changes - this.changesAtLastReport) * 1000) / Math.max(1, now - this.lastReport);
    console.log(
      `  ${((now - this.started) / 1000).toFixed(0).padStart(4)} s  ${String(this.changes).padStart(6)} changes  ${perSecond.toFixed(1).padStart(6)}/s  refused ${this.refused}  last seq ${await lastSeqOf(this.db)}`,
    );
    this.lastReport = now;
    this.changesAtLastReport = this.changes;
  }

  /** Prints the last progress line and the totals. */
  async summary(): Promise<void> {
    await this.report(true);
    const seconds = (performance.now() - this.started) / 1000;
    const breakdown = WEIGHTS.map(
      ([kind]) =>
        `${kind} ${this.done[kind]} (${(this.milliseconds[kind] / Math.max(1, this.done[kind])).toFixed(0)} ms each)`,
    ).join(", ");
    console.log(
      `Done: ${this.changes} changes in ${seconds.toFixed(1)} s (${(this.changes / Math.max(seconds, 0.001)).toFixed(1)}/s); ${breakdown}; ` +
        `refused ${this.refused}, nobody eligible ${this.skipped}, failed ${this.failed}; last seq ${await lastSeqOf(this.db)}.`,
    );
  }
}

import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { GrantCondition } from "@rnp/common";
import { unlistenQuietly } from "@rnp/db";
import { encodeWakeUps, NOTIFICATIONS_CHANNEL, REGISTER_CHANGES_CHANNEL } from "@rnp/policy/wire";
import type postgres from "postgres";
import { Gauge, type Registry } from "prom-client";
import { covers } from "./coverage";
import { leasePartitions, releasePartitions } from "./notifierLeases";

export interface NotifierOptions {
  sql: postgres.Sql;
  /** Change-log rows handled per transaction; a mass change is split into such batches. */
  batchSize?: number;
  /** Polls this often as well, in case a NOTIFY was missed (e.g. while reconnecting). */
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
  /** This replica's name in the lease rows; default host, process id and a random suffix. */
  replicaId?: string;
  /**
   * How long a partition's lease lasts without renewal (default 10 s): the longest a dead
   * replica's partitions wait for another replica to take them.
   */
  leaseMs?: number;
  /** Where the notifier's lag is reported (`rnp_notifier_lag_seconds`): the monitoring subgraph's metrics. */
  registry?: Registry;
}

/**
 * Turns one batch of the register's change log into notifications: each change of a member
 * in one of its set's groups, registered since the member was added, becomes a notification
 * of that set, numbered after the set's last event number without gaps, when the set's grant
 * covers the member (its conditions, as the set last saw them, hold for the person now). A
 * member the grant does not cover gets no number, no notification and no wake-up: neither
 * `lastEventNo`, a cursor nor a gap in `eventNo` moves for it. One transaction, set-based SQL,
 * for the sets of one partition (set id modulo the partition count); the partition's row
 * is locked first, so any number of replicas can run this and each change is handled once
 * per partition. Returns how many change-log rows it consumed (0 when the partition is missing).
 */
export async function followChangeLog(
  sql: postgres.Sql,
  partition: number,
  batchSize = 50_000,
  onLag?: (seconds: number) => void,
): Promise<number> {
  return sql.begin(async (tx) => {
    const [position] = await tx`
      select change_seq, (select count(*)::int from monitoring.notifier_partitions) as partitions
      from monitoring.notifier_partitions where partition = ${partition} for update`;
    if (!position) return 0;
    const after = Number(position.change_seq);
    const part = { count: Number(position.partitions), index: partition };
    const [last] = await tx`
      select max(seq) as seq, count(*)::int as n,
             extract(epoch from clock_timestamp() - min(changed_at))::float8 as lag from (
        select seq, changed_at from person.change_log where seq > ${after} order by seq limit ${batchSize}) batch`;
    if (!last || last.n === 0) return 0;
    onLag?.(Number(last.lag));
    const upTo = Number(last.seq);
    const covered = await coveredChanges(tx, after, upTo, part);
    const changed = await tx`
      with matched as (
        select s.id as set_id, c.seq, c.person_code, c.changed_at,
               array(select g from unnest(c.data_groups) g where g = any(s.data_groups) order by g) as groups
        from person.change_log c
        join monitoring.members m on m.person_code = c.person_code
        join monitoring.sets s on s.id = m.set_id and not s.deleted and s.id % ${part.count} = ${part.index}
        -- A member hears only of changes registered since it was added (a re-added member
        -- is a new row with a new added_at, so nothing from before it came back either).
        where c.seq > ${after} and c.seq <= ${upTo} and c.data_groups && s.data_groups
          and c.changed_at >= m.added_at
          and ${
            covered === null
              ? tx`true`
              : tx`(s.conditions = '[]'::jsonb
                    or (s.id, c.seq) in (select * from unnest(${covered.setIds}::int[], ${covered.seqs}::bigint[])))`
          }),
      numbered as (
        select *, row_number() over (partition by set_id order by seq) as rn,
               count(*) over (partition by set_id) as n
        from matched),
      bumped as (
        update monitoring.sets s set last_event_no = s.last_event_no + counts.n
        from (select distinct set_id, n from numbered) counts
        where s.id = counts.set_id
        returning s.id, s.last_event_no - counts.n as base),
      inserted as (
        insert into monitoring.notifications (set_id, event_no, change_seq, person_code, data_groups, changed_at)
        select n.set_id, b.base + n.rn, n.seq, n.person_code, n.groups, n.changed_at
        from numbered n join bumped b on b.id = n.set_id
        returning set_id)
      select distinct set_id from inserted order by set_id`;
    await tx`update monitoring.notifier_partitions set change_seq = ${upTo} where partition = ${partition}`;
    // Delivered at commit, to every listening gateway replica; only the named sets wake.
    const payloads = encodeWakeUps(changed.map((row) => Number(row.set_id)));
    if (payloads.length > 0)
      await tx`select pg_notify(${NOTIFICATIONS_CHANNEL}, payload) from unnest(${payloads}::text[]) payload`;
    return Number(last.n);
  });
}

/**
 * The changes of the batch (after, upTo] that members of sets with conditions make, judged
 * against their set's conditions on today's values: the (set, seq) pairs that are covered.
 * Sets without conditions are not read here; they take every member's change in the SQL above.
 * Null when no set has conditions: the batch then costs what it did before conditions counted.
 */
async function coveredChanges(
  tx: postgres.TransactionSql,
  after: number,
  upTo: number,
  part: { count: number; index: number },
): Promise<{ setIds: number[]; seqs: string[] } | null> {
  const conditioned = (
    await tx`select id from monitoring.sets
      where not deleted and conditions <> '[]'::jsonb and id % ${part.count} = ${part.index}`
  ).map((row) => Number(row.id));
  if (conditioned.length === 0) return null;
  const rows = await tx`
    select s.id as set_id, c.seq::text as seq, s.conditions, cs.person_code is not null as known,
           cs.birth_date::text as birth_date, cs.sex, cs.citizenship_status, cs.citizenship::text as citizenship,
           cs.deceased, cs.municipality_code::text as municipality_code
    from person.change_log c
    join monitoring.members m on m.person_code = c.person_code and m.set_id = any(${conditioned}::int[])
    join monitoring.sets s on s.id = m.set_id
    left join person.condition_subjects cs on cs.person_code = c.person_code
    where c.seq > ${after} and c.seq <= ${upTo} and c.data_groups && s.data_groups
      and c.changed_at >= m.added_at`;
  const today = new Date().toISOString().slice(0, 10);
  const setIds: number[] = [];
  const seqs: string[] = [];
  for (const row of rows) {
    const subject = row.known
      ? {
          birthDate: row.birth_date as string,
          sex: row.sex as string,
          citizenshipStatus: row.citizenship_status as string,
          citizenship: row.citizenship as string | null,
          deceased: row.deceased as boolean,
          municipalityCode: row.municipality_code as string | null,
        }
      : null;
    if (covers(row.conditions as GrantCondition[], subject, today)) {
      setIds.push(Number(row.set_id));
      seqs.push(row.seq as string);
    }
  }
  return { setIds, seqs };
}

/**
 * Follows the change log for as long as it runs, for the partitions this replica holds: woken
 * by `NOTIFY register_changes` and by a poll, it renews its leases (`leasePartitions`: its
 * fair share, and the partitions of a replica that died once their lease lapsed) and drains
 * every waiting batch of each. `stop()` waits for the batch in progress, then gives its
 * partitions back so the other replicas take them on their next poll.
 */
export async function startNotifier(options: NotifierOptions): Promise<{ stop(): Promise<void> }> {
  const { sql } = options;
  const replicaId = options.replicaId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 10_000;
  const lag = options.registry
    ? new Gauge({
        name: "rnp_notifier_lag_seconds",
        help: "Age of the oldest register change in the notifier's last batch when it was taken: how far notifications trail the register.",
        registers: [options.registry],
      })
    : undefined;
  const onLag = lag ? (seconds: number) => lag.set(seconds) : undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const drain = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          let renewed = Date.now();
          let held = await leasePartitions(sql, replicaId, leaseMs);
          for (let index = 0; index < held.length && !stopped; index++) {
            const partition = held[index]!;
            while (!stopped && (await followChangeLog(sql, partition, options.batchSize, onLag)) > 0) {}
            // A long drain (a mass change) renews before its leases lapse; a lapse costs only a
            // shared partition, since the partition's row lock keeps each change handled once.
            if (Date.now() - renewed > leaseMs / 2) {
              held = await leasePartitions(sql, replicaId, leaseMs);
              renewed = Date.now();
              index = -1;
            }
          }
        } catch (error) {
          options.onError?.(error);
        }
      } while (again && !stopped);
      running = null;
    })();
  };
  const listener = await sql.listen(REGISTER_CHANGES_CHANNEL, drain);
  const timer = setInterval(drain, options.pollIntervalMs ?? 1_000);
  drain();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unlistenQuietly(listener);
      await running;
      await releasePartitions(sql, replicaId).catch((error) => options.onError?.(error));
    },
  };
}

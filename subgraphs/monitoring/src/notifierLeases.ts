import type postgres from "postgres";

/**
 * One lease round of a notifier replica, in one transaction: it says it is alive, counts the
 * replicas seen within `leaseMs`, and keeps its fair share of the partitions (the partition
 * count divided by the live replicas, rounded up): it renews the leases it holds, gives back
 * those past its share (a replica that joined takes them on its next round), and takes
 * partitions nobody holds or whose lease lapsed (a replica that died or stopped). Rows locked
 * by another replica's batch are skipped, never waited for. Returns the partitions it holds.
 */
export async function leasePartitions(
  sql: postgres.Sql,
  replicaId: string,
  leaseMs: number,
): Promise<number[]> {
  const lease = leaseMs / 1000;
  return sql.begin(async (tx) => {
    await tx`insert into monitoring.notifier_replicas (id, seen_at) values (${replicaId}, now())
      on conflict (id) do update set seen_at = now()`;
    await tx`delete from monitoring.notifier_replicas where seen_at < now() - make_interval(secs => ${lease * 10})`;
    const [counts] = await tx`
      select (select count(*)::int from monitoring.notifier_replicas
              where seen_at >= now() - make_interval(secs => ${lease})) as live,
             (select count(*)::int from monitoring.notifier_partitions) as total`;
    const share = Math.ceil(Number(counts!.total) / Math.max(1, Number(counts!.live)));
    const held = (
      await tx`update monitoring.notifier_partitions set lease_until = now() + make_interval(secs => ${lease})
        where holder = ${replicaId} returning partition`
    )
      .map((row) => Number(row.partition))
      .sort((a, b) => a - b);
    if (held.length > share) {
      const extra = held.slice(share);
      await tx`update monitoring.notifier_partitions set holder = null, lease_until = null
        where partition = any(${extra}::int[]) and holder = ${replicaId}`;
      return held.slice(0, share);
    }
    if (held.length === share) return held;
    const taken = await tx`
      update monitoring.notifier_partitions set holder = ${replicaId}, lease_until = now() + make_interval(secs => ${lease})
      where partition in (
        select partition from monitoring.notifier_partitions
        where holder is null or lease_until < now()
        order by partition limit ${share - held.length} for update skip locked)
      returning partition`;
    return [...held, ...taken.map((row) => Number(row.partition))].sort((a, b) => a - b);
  });
}

/** Gives back every partition `replicaId` holds and forgets the replica, so the others take them at once. */
export async function releasePartitions(sql: postgres.Sql, replicaId: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`update monitoring.notifier_partitions set holder = null, lease_until = null where holder = ${replicaId}`;
    await tx`delete from monitoring.notifier_replicas where id = ${replicaId}`;
  });
}

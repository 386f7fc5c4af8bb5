import { rm } from "node:fs/promises";
import { createDatabase } from "@rnp/db";
import { projectDataDir } from "@rnp/db/embedded";
import {
  missingClusterSoftware,
  postmasterPid,
  type RunningCluster,
  startCluster,
} from "@rnp/platform/cluster";
import { type RunningPlatform, startPlatform } from "@rnp/platform/platform";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { allDataGroupNames } from "@rnp/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_AUDIT_CHAIN_KEY, TEST_SIGNING_SECRET } from "./support/testSecrets";
import { until } from "./support/wait";

/**
 * Failover (CLUSTER_TESTS=1, Debian's patroni and etcd-server; docs/OPERATIONS.md): two
 * platform replicas (gateway, subgraphs and notifier each) on a three-node Patroni cluster;
 * during a burst of register changes and person reads through both gateways, the primary's
 * PostgreSQL is killed with SIGKILL. The synchronous standby takes over; every change a client
 * saw acknowledged is in the register; the notifier numbers every change of a monitored
 * person once, without gaps. Prints the time from the kill to the first change acknowledged again.
 */
const enabled = process.env.CLUSTER_TESTS === "1";
const dir = projectDataDir(`cluster-test-${process.pid}`);
const OPERATOR_KEY = "rnp_op_cluster_failover_test_operator_key";
let cluster: RunningCluster;
const replicas: RunningPlatform[] = [];

async function post(url: string, headers: Record<string, string>, query: string, variables = {}) {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    return response.ok && !body.errors && body.data ? body.data : null;
  } catch {
    return null;
  }
}

describe.skipIf(!enabled)("a Patroni cluster under load", () => {
  beforeAll(async () => {
    const missing = missingClusterSoftware();
    if (missing) throw new Error(missing);
    cluster = await startCluster({ dir, timeoutMs: 90_000 });
    for (const seedPersons of [2_000, 0])
      replicas.push(
        await startPlatform({
          databaseUrl: cluster.writeUrl,
          databaseReadUrl: cluster.readUrl,
          port: 0,
          subgraphPorts: { person: 0, catalog: 0, monitoring: 0 },
          seedPersons,
          operatorKey: OPERATOR_KEY,
          signingSecret: TEST_SIGNING_SECRET,
          auditChainKey: TEST_AUDIT_CHAIN_KEY,
        }),
      );
  }, 240_000);

  afterAll(async () => {
    for (const replica of replicas) await replica.stop().catch(() => {});
    await cluster?.stop();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it("should fail over to the synchronous standby with every acknowledged change kept and numbered once", async () => {
    const gateways = replicas.map((replica) => replica.gatewayUrl);
    const requester = await provisionRequester(gateways[0]!, OPERATOR_KEY, {
      name: "Failover Banka AS",
      registrationNumber: syntheticRegistrationNumber(77),
      dataGroups: allDataGroupNames(),
      purpose: "Failover test",
    });
    const admin = createDatabase(cluster.writeUrl, { max: 2, applicationName: "rnp-failover-test" });
    try {
      const persons = (
        await admin.sql`select person_code from person.persons where death_date is null order by person_code limit 240`
      ).map((row) => row.person_code as string);
      const [set] = await admin.sql`insert into monitoring.sets (requester_id, grant_id, name, data_groups)
        values (1, 1, 'failover', ${["NAME"]}) returning id`;
      const setId = Number(set!.id);
      await admin.sql`insert into monitoring.members (set_id, person_code, added_at)
        select ${setId}, code, now() - interval '1 minute' from unnest(${persons}::text[]) code`;
      const [start] = await admin.sql`select coalesce(max(seq), 0)::bigint as seq from person.change_log`;

      const operator = { authorization: `Bearer ${OPERATOR_KEY}` };
      const reader = { authorization: `Bearer ${requester.key}`, grant: requester.grantNumber };
      const today = new Date().toISOString().slice(0, 10);
      const surnames = ["Ozola", "Liepa", "Kalniņa", "Bērziņa", "Zariņa", "Krūmiņa"];
      const acknowledged: string[] = [];
      let reads = 0;
      let killedAt = 0;
      let recoveredAt = 0;
      let next = 0;
      const worker = async (index: number) => {
        while (next < persons.length) {
          const personCode = persons[next++]!;
          const gateway = gateways[(index + next) % gateways.length]!;
          for (let attempt = 0; attempt < 200; attempt++) {
            const done = await post(
              gateway,
              operator,
              `mutation ($p: String!, $s: String!, $on: Date!) {
                changeName(personCode: $p, givenName: "Anna", surname: $s, reason: APPLICATION, on: $on) { personCode } }`,
              { p: personCode, s: surnames[next % surnames.length], on: today },
            );
            if (done) {
              acknowledged.push(personCode);
              if (killedAt && !recoveredAt) recoveredAt = Date.now();
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          if (
            await post(gateway, reader, "query ($p: String!) { person(personCode: $p) { personCode } }", {
              p: personCode,
            })
          )
            reads++;
          if (acknowledged.length === 60 && !killedAt) {
            const leader = (await cluster.members()).find((member) => member.role === "leader")!;
            const pid = await postmasterPid(cluster.state, leader.name);
            killedAt = Date.now();
            process.kill(pid!, "SIGKILL");
          }
        }
      };
      await Promise.all([0, 1, 2, 3].map(worker));
      expect(killedAt).toBeGreaterThan(0);
      expect(recoveredAt).toBeGreaterThan(0);
      console.log(
        `failover: changes acknowledged again ${recoveredAt - killedAt} ms after the primary's PostgreSQL was killed; ` +
          `${acknowledged.length} changes acknowledged, ${reads} person reads answered`,
      );

      // Every acknowledged change is in the register of the new primary.
      const logged = new Set(
        (
          await admin.sql`select person_code from person.change_log
            where seq > ${start!.seq} and person_code = any(${persons}::text[])`
        ).map((row) => row.person_code as string),
      );
      expect(acknowledged.filter((code) => !logged.has(code))).toEqual([]);

      // The notifier (both replicas) numbered each change of the set's members once, without gaps.
      const [end] = await admin.sql`select max(seq)::bigint as seq from person.change_log`;
      await until(async () => {
        const [position] =
          await admin.sql`select min(change_seq)::bigint as seq from monitoring.notifier_partitions`;
        return BigInt(position!.seq) >= BigInt(end!.seq);
      }, "the notifier to follow the change log after the failover");
      const made =
        await admin.sql`select event_no::int as n, change_seq::text as seq from monitoring.notifications
        where set_id = ${setId} order by event_no`;
      expect(made.map((row) => row.n)).toEqual(made.map((_, index) => index + 1));
      expect(new Set(made.map((row) => row.seq)).size).toBe(made.length);
      expect(made.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await admin.close();
    }
  }, 180_000);
});

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerChanges } from "./support/changes";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { until } from "./support/wait";

/**
 * The notifier's work shared by its replicas: two notifier processes split the 16 partitions
 * of the sets by leases; one is killed with SIGKILL in the middle of a burst of register
 * changes, the other takes its partitions over once their lease lapses, and every change of a
 * member becomes exactly one notification of its set, numbered without gaps.
 */
const root = fileURLToPath(new URL("..", import.meta.url));
const LEASE_MS = 1_500;
let database: TestDatabase;
let sql: postgres.Sql;
const replicas: ChildProcess[] = [];

async function startReplica(name: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "subgraphs/monitoring/src/cli/notifier.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      NOTIFIER_LEASE_MS: String(LEASE_MS),
      NOTIFIER_POLL_MS: "200",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("notifier running")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`notifier ${name} exited with ${code}:\n${output}`)));
  });
  replicas.push(child);
  return child;
}

async function holders(): Promise<Map<string | null, number>> {
  const rows = await sql`select holder, count(*)::int as n from monitoring.notifier_partitions
    where lease_until > now() group by holder`;
  return new Map(rows.map((row) => [row.holder as string | null, Number(row.n)]));
}

beforeAll(async () => {
  database = await createTestDatabase("seeded");
  sql = postgres(database.url, { max: 4, onnotice: () => {} });
});

afterAll(async () => {
  for (const child of replicas) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
  }
  await sql?.end();
  await database?.drop();
});

describe("notifier replicas", () => {
  it("should share the partitions, take over a killed replica's, and number every change once", async () => {
    const persons = (
      await sql`select person_code from person.persons where death_date is null order by person_code limit 30`
    ).map((row) => row.person_code as string);
    // 48 sets over the 16 partitions, each watching a third of the persons.
    const setIds: number[] = [];
    for (let index = 0; index < 48; index++) {
      const [set] = await sql`insert into monitoring.sets (requester_id, grant_id, name, data_groups)
        values (1, 1, ${`partition test ${index}`}, ${["ADDRESS"]}) returning id`;
      const id = Number(set!.id);
      setIds.push(id);
      const watched = persons.filter((_, person) => (person + index) % 3 === 0);
      await sql`insert into monitoring.members (set_id, person_code, added_at)
        select ${id}, code, now() - interval '1 minute' from unnest(${watched}::text[]) code`;
    }

    const first = await startReplica("a");
    await startReplica("b");
    await until(async () => {
      const held = [...(await holders()).entries()].filter(([holder]) => holder !== null);
      return held.length === 2 && held.every(([, count]) => count === 8);
    }, "two replicas holding 8 partitions each");

    let killedAt = 0;
    for (let batch = 0; batch < 40; batch++) {
      await registerChanges(
        sql,
        Array.from({ length: 10 }, (_, row) => ({
          personCode: persons[(batch * 7 + row * 3) % persons.length]!,
          dataGroups: row % 4 === 0 ? ["NAME"] : ["ADDRESS"],
        })),
      );
      if (batch === 20) {
        first.kill("SIGKILL");
        killedAt = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const [end] = await sql`select max(seq)::bigint as seq from person.change_log`;
    await until(async () => {
      const [position] = await sql`select min(change_seq)::bigint as seq from monitoring.notifier_partitions`;
      return BigInt(position!.seq) >= BigInt(end!.seq);
    }, "the surviving replica to follow every partition to the end of the change log");
    const caughtUpMs = Date.now() - killedAt;
    console.log(
      `notifier takeover: all 16 partitions caught up ${caughtUpMs} ms after one of two replicas was killed`,
    );
    expect([...(await holders()).values()]).toEqual([16]);

    const expected = await sql`
      select m.set_id, c.seq::text as seq from person.change_log c
      join monitoring.members m on m.person_code = c.person_code
      join monitoring.sets s on s.id = m.set_id
      where s.id = any(${setIds}::int[]) and c.data_groups && s.data_groups and c.changed_at >= m.added_at
      order by m.set_id, c.seq`;
    const made = await sql`
      select set_id, change_seq::text as seq, event_no::int as event_no from monitoring.notifications
      where set_id = any(${setIds}::int[]) order by set_id, change_seq`;
    expect(expected.length).toBeGreaterThan(300);
    // Exactly the expected (set, change) pairs, each once, numbered 1, 2, 3 … per set in change order.
    expect(made.map((row) => `${row.set_id}:${row.seq}`)).toEqual(
      expected.map((row) => `${row.set_id}:${row.seq}`),
    );
    const next = new Map<number, number>();
    for (const row of made) {
      const setId = Number(row.set_id);
      expect(row.event_no).toBe((next.get(setId) ?? 0) + 1);
      next.set(setId, row.event_no as number);
    }
    const counters =
      await sql`select id, last_event_no::int as n from monitoring.sets where id = any(${setIds}::int[])`;
    for (const counter of counters) expect(counter.n).toBe(next.get(Number(counter.id)) ?? 0);
  });
});

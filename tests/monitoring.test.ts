import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerChanges } from "./support/changes";
import { createGrant } from "./support/grants";
import { startTestPlatform, type TestPlatform } from "./support/platform";
import { untilNotified } from "./support/wait";

let platform: TestPlatform;
let sql: postgres.Sql;
let codes: string[];
const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

beforeAll(async () => {
  platform = await startTestPlatform();
  sql = postgres(platform.databaseUrl, { max: 2, onnotice: () => {} });
  codes = (
    await sql`select person_code from person.persons where death_date is null order by person_code limit 300`
  ).map((row) => row.person_code as string);
});
afterAll(async () => {
  await sql?.end();
  await platform?.stop();
});

async function call<T>(query: string, variables: Record<string, unknown> = {}, grantNumber?: string) {
  return platform.query<T>(query, variables, {
    headers: platform.headersOf({
      key: platform.requester.key,
      grantNumber: grantNumber ?? platform.requester.grantNumber,
    }),
  });
}

async function createSet(name: string, dataGroups: string[]) {
  const result = await call<{ createMonitoringSet: { id: string } }>(
    "mutation ($input: CreateMonitoringSetInput!) { createMonitoringSet(input: $input) { id } }",
    { input: { name, dataGroups } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createMonitoringSet.id;
}

interface ChangePage {
  changes: {
    nodes: {
      cursor: string;
      eventNo: number;
      personCode: string;
      dataGroups: string[];
      person: { surname: string } | null;
    }[];
    endCursor: string | null;
    hasNextPage: boolean;
  };
}

/** The changes of a set once `count` have arrived, woken by the notifier's NOTIFY (bounded). */
async function waitForChanges(setId: string, count: number, after?: string) {
  const page = async () => {
    const result = await call<ChangePage>(
      `query ($set: ID!, $after: String) { changes(setId: $set, after: $after, first: 1000) {
        nodes { cursor eventNo personCode dataGroups person { surname } } endCursor hasNextPage } }`,
      { set: setId, after },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.changes;
  };
  try {
    return await untilNotified(
      sql,
      "monitoring_notifications",
      async () => {
        const changes = await page();
        return changes.nodes.length >= count ? changes : undefined;
      },
      `${count} changes of set ${setId}`,
    );
  } catch {
    // The assertions that follow show what did arrive.
    return page();
  }
}

describe("monitoring sets", () => {
  it("refuse groups the grant does not cover, and grants that do not allow monitoring", async () => {
    const narrow = await createGrant(platform, { dataGroups: ["NAME"] });
    const noMonitoring = await call(
      'mutation { createMonitoringSet(input: { name: "x", dataGroups: ["NAME"] }) { id } }',
      {},
      narrow,
    );
    expect(noMonitoring.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(noMonitoring.errors?.[0]?.message).toContain("does not allow monitoring");
    const ungranted = await call(
      'mutation { createMonitoringSet(input: { name: "x", dataGroups: ["SHOES"] }) { id } }',
    );
    expect(ungranted.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(ungranted.errors?.[0]?.message).toContain("does not cover SHOES");
  });

  it("add codes in bulk, reporting invalid ones by position and reason while adding the valid ones", async () => {
    const setId = await createSet("clients", ["ADDRESS"]);
    const sent = [codes[0]!, "12345", hyphenated(codes[1]!), "161375-19997", codes[0]!];
    const result = await call<{
      addMonitoredPersons: {
        changed: number;
        unchanged: number;
        memberCount: number;
        rejected: { position: number; personCode: string; reason: string }[];
      };
    }>(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed unchanged memberCount rejected { position personCode reason } } }",
      { set: setId, codes: sent },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const change = result.data!.addMonitoredPersons;
    expect(change).toMatchObject({ changed: 2, unchanged: 0, memberCount: 2 });
    expect(change.rejected.map((r) => [r.position, r.personCode])).toEqual([
      [1, "12345"],
      [3, "161375-19997"],
    ]);
    expect(change.rejected[0]!.reason).toContain("has 5 digits");
    expect(change.rejected[1]!.reason).toContain("month 13");
  });

  it("page through members and count distinct monitored persons across sets", async () => {
    const a = await createSet("a", ["NAME"]);
    const b = await createSet("b", ["NAME"]);
    const add =
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }";
    await call(add, { set: a, codes: codes.slice(0, 250) });
    await call(add, { set: b, codes: codes.slice(200, 300) });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: {
        data?: {
          monitoringSet: {
            members: { personCodes: string[]; endCursor: string | null; hasNextPage: boolean };
          };
        } | null;
      } = await call(
        "query ($id: ID!, $after: String) { monitoringSet(id: $id) { members(first: 100, after: $after) { personCodes endCursor hasNextPage } } }",
        {
          id: a,
          after,
        },
      );
      const members = result.data!.monitoringSet.members;
      seen.push(...members.personCodes);
      if (!members.hasNextPage) break;
      after = members.endCursor;
    }
    expect(seen).toEqual(codes.slice(0, 250).map(hyphenated));
    const count = await call<{ monitoredPersonCount: number }>("{ monitoredPersonCount }");
    // 300 distinct across a and b, plus the two of the earlier "clients" set, which are among them.
    expect(count.data!.monitoredPersonCount).toBe(300);
  });

  it("refuse more than 100 000 codes in one call", async () => {
    const setId = await createSet("big", ["NAME"]);
    const result = await call(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      { set: setId, codes: Array.from({ length: 100_001 }, () => codes[0]!) },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0]?.message).toContain("send at most 100000");
  });

  it("show on Person which of the caller's sets monitor it", async () => {
    const result = await call<{ person: { monitoringSets: { name: string }[] } }>(
      "query ($c: String!) { person(personCode: $c) { monitoringSets { name } } }",
      { c: codes[0] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.person.monitoringSets.map((s) => s.name)).toEqual(["clients", "a"]);
  });
});

function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(command, args, { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

describe("the import command", () => {
  it("adds a file's codes, naming each invalid line, and exits 1 because of them", async () => {
    const setId = await createSet("imported", ["NAME"]);
    const dir = mkdtempSync(path.join(tmpdir(), "rnp-import-"));
    const file = path.join(dir, "codes.txt");
    writeFileSync(file, [hyphenated(codes[40]!), codes[41]!, "not-a-code", "", codes[42]!].join("\n"));
    // Asynchronously: the gateway answering the command runs in this very process.
    const result = await runCommand(
      process.execPath,
      [
        "--import",
        "tsx",
        fileURLToPath(new URL("../subgraphs/monitoring/src/cli/importCodes.ts", import.meta.url)),
        "--set",
        setId,
        "--file",
        file,
        "--url",
        platform.gatewayUrl,
      ],
      {
        ...process.env,
        RNP_API_KEY: platform.requester.key,
        RNP_GRANT: platform.requester.grantNumber,
      },
    );
    rmSync(dir, { recursive: true, force: true });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain("line 3:");
    expect(result.stdout).toContain("3 added, 0 unchanged, 1 rejected");
    const members = await call<{ monitoringSet: { memberCount: number } }>(
      "query ($id: ID!) { monitoringSet(id: $id) { memberCount } }",
      {
        id: setId,
      },
    );
    expect(members.data!.monitoringSet.memberCount).toBe(3);
  });
});

describe("change notifications (polling)", () => {
  it("notify changes of members in monitored groups, numbered without gaps, with the current person data", async () => {
    const setId = await createSet("addresses", ["ADDRESS", "NAME"]);
    const watched = codes.slice(10, 13);
    await call(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      {
        set: setId,
        codes: watched,
      },
    );
    await registerChanges(sql, [
      { personCode: watched[0]!, dataGroups: ["ADDRESS"] },
      { personCode: codes[20]!, dataGroups: ["ADDRESS"] }, // not monitored
      { personCode: watched[1]!, dataGroups: ["DOCUMENTS"] }, // group not monitored
      { personCode: watched[1]!, dataGroups: ["NAME", "FAMILY"] },
      { personCode: watched[2]!, dataGroups: ["ADDRESS", "NAME"] },
    ]);
    const changes = await waitForChanges(setId, 3);
    expect(changes.nodes.map((n) => [n.eventNo, n.personCode, n.dataGroups])).toEqual([
      [1, hyphenated(watched[0]!), ["ADDRESS"]],
      [2, hyphenated(watched[1]!), ["NAME"]],
      [3, hyphenated(watched[2]!), ["ADDRESS", "NAME"]],
    ]);
    const [row] = await sql`select surname from person.persons where person_code = ${watched[0]!}`;
    expect(changes.nodes[0]!.person).toEqual({ surname: row!.surname });

    // Resume after the second: only the third comes back.
    const rest = await waitForChanges(setId, 1, changes.nodes[1]!.cursor);
    expect(rest.nodes.map((n) => n.eventNo)).toEqual([3]);
  });

  it("stop notifying a code once it is removed", async () => {
    const setId = await createSet("leaving", ["ADDRESS"]);
    const [stay, leave] = [codes[30]!, codes[31]!];
    await call(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      {
        set: setId,
        codes: [stay, leave],
      },
    );
    const removed = await call<{ removeMonitoredPersons: { changed: number; memberCount: number } }>(
      "mutation ($set: ID!, $codes: [String!]!) { removeMonitoredPersons(setId: $set, personCodes: $codes) { changed memberCount } }",
      { set: setId, codes: [leave] },
    );
    expect(removed.data!.removeMonitoredPersons).toEqual({ changed: 1, memberCount: 1 });
    await registerChanges(sql, [
      { personCode: leave, dataGroups: ["ADDRESS"] },
      { personCode: stay, dataGroups: ["ADDRESS"] },
    ]);
    const changes = await waitForChanges(setId, 1);
    expect(changes.nodes.map((n) => n.personCode)).toEqual([hyphenated(stay)]);
  });

  it("turn a mass change of every member into gapless notifications", async () => {
    const setId = await createSet("mass", ["ADDRESS"]);
    await call(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      {
        set: setId,
        codes,
      },
    );
    await registerChanges(
      sql,
      codes.map((personCode) => ({ personCode, dataGroups: ["ADDRESS"] })),
    );
    const changes = await waitForChanges(setId, codes.length);
    expect(changes.nodes.map((n) => n.eventNo)).toEqual(codes.map((_, i) => i + 1));
  });

  it("give the notified person's code hyphenated, like every personCode", async () => {
    const code = codes[10]!;
    const setId = await createSet("format", ["ADDRESS"]);
    await call(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      { set: setId, codes: [code] },
    );
    await registerChanges(sql, [{ personCode: code, dataGroups: ["ADDRESS"] }]);
    await waitForChanges(setId, 1);
    const result = await call<{
      changes: {
        nodes: {
          personCode: string;
          person: { personCode: string; surname: string; monitoringSets: { id: string }[] };
        }[];
      };
    }>(
      "query ($set: ID!) { changes(setId: $set) { nodes { personCode person { personCode surname monitoringSets { id } } } } }",
      { set: setId },
    );
    expect(result.errors).toBeUndefined();
    // `person { personCode }` is answered by the monitoring subgraph, `surname` by the person subgraph.
    const [node] = result.data!.changes.nodes;
    expect(node?.personCode).toBe(hyphenated(code));
    expect(node?.person.personCode).toBe(hyphenated(code));
    expect(node?.person.surname).toEqual(expect.any(String));
    expect(node?.person.monitoringSets).toContainEqual({ id: setId });
  });

  it("audit a notification with its changed groups and the person data it carries, in one row", async () => {
    const [row] = await sql`select person_code from person.persons
      where person_code not in (select person_code from audit.disclosures) order by person_code desc limit 1`;
    const code = row!.person_code as string;
    const setId = await createSet("audited", ["ADDRESS"]);
    await call(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      {
        set: setId,
        codes: [code],
      },
    );
    await registerChanges(sql, [{ personCode: code, dataGroups: ["ADDRESS"] }]);
    const changes = await waitForChanges(setId, 1); // selects person { surname }
    expect(changes.nodes[0]!.person).not.toBeNull();
    const rows =
      await sql`select data_groups, grant_number from audit.disclosures where person_code = ${code}`;
    expect(rows.map((r) => ({ ...r }))).toEqual([
      // ADDRESS: the change notified; NAME: `person { surname }`.
      { data_groups: ["ADDRESS", "NAME"], grant_number: platform.requester.grantNumber },
    ]);
  });
});

import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { ALL_GROUPS } from "./support/platform";
import { bearer, post } from "./support/post";
import { type PartProcess, startPartProcess } from "./support/processes";

// A subgraph that stops answering or is down: the gateway answers 504 or 502 in time, naming
// the subgraph, and drops the subgraph call when its own client goes away.

describe("a subgraph that stops answering or is down", () => {
  const SECRET = "a-secret-for-the-faults-tests";
  const TIMEOUT_MS = 1_500;
  let database: TestDatabase;
  const parts: PartProcess[] = [];
  let person: PartProcess;
  let gateway: PartProcess;
  let stockGateway: PartProcess;
  let headers: Record<string, string>;
  let personCode: string;

  beforeAll(async () => {
    database = await createTestDatabase("seeded");
    const env = { DATABASE_URL: database.url, INTERNAL_SIGNING_SECRET: SECRET, PORT: "0" };
    person = await startPartProcess("subgraphs/person/src/index.ts", env);
    parts.push(person);
    const catalog = await startPartProcess("subgraphs/catalog/src/index.ts", env);
    parts.push(catalog);
    const operatorKey = "rnp_op_faults_test_key_0123456789";
    gateway = await startPartProcess("gateway/src/index.ts", {
      ...env,
      OPERATOR_API_KEY: operatorKey,
      PERSON_SUBGRAPH_URL: person.url,
      CATALOG_SUBGRAPH_URL: catalog.url,
      SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
    });
    parts.push(gateway);
    // The same with the gateway's stock HTTP client (make-fetch-happen) instead of the pool.
    stockGateway = await startPartProcess("gateway/src/index.ts", {
      ...env,
      PERSON_SUBGRAPH_URL: person.url,
      CATALOG_SUBGRAPH_URL: catalog.url,
      SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS),
      GATEWAY_FETCHER: "default",
    });
    parts.push(stockGateway);
    const requester = await provisionRequester(gateway.url, operatorKey, {
      name: "Laika Banka AS",
      registrationNumber: syntheticRegistrationNumber(32),
      dataGroups: ALL_GROUPS,
      purpose: "Faults test",
    });
    headers = bearer(requester.key, requester.grantNumber);
    const sqlClient = postgres(database.url, { max: 1 });
    try {
      const [row] = await sqlClient`select person_code from person.persons order by person_code limit 1`;
      personCode = row!.person_code as string;
    } finally {
      await sqlClient.end();
    }
  });
  afterAll(async () => {
    for (const part of parts) {
      part.child.kill("SIGCONT");
      part.child.kill("SIGKILL");
    }
    await database?.drop();
  });

  const personQuery = () => `{ person(personCode: "${personCode}") { givenName } }`;

  it("answers HTTP 504 SUBGRAPH_TIMEOUT within the timeout when the subgraph is stopped (SIGSTOP)", async () => {
    expect((await post(gateway.url, personQuery(), headers)).status).toBe(200);
    person.child.kill("SIGSTOP");
    try {
      for (const url of [gateway.url, stockGateway.url]) {
        const started = Date.now();
        const answer = await post(url, personQuery(), headers);
        const elapsed = Date.now() - started;
        expect(answer.status).toBe(504);
        expect(answer.body.errors?.[0]?.extensions?.code).toBe("SUBGRAPH_TIMEOUT");
        expect(answer.body.errors?.[0]?.message).toContain(
          `person subgraph did not answer within ${TIMEOUT_MS} ms`,
        );
        expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
        expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000);
      }
    } finally {
      person.child.kill("SIGCONT");
    }
    // Once it runs again, so does the gateway.
    expect((await post(gateway.url, personQuery(), headers)).status).toBe(200);
  });

  it("cancels the subgraph call when the client goes away", async () => {
    // A "person subgraph" that never answers and reports when its caller hangs up.
    const hungUp: Promise<void>[] = [];
    const silent = createServer((_request, response) => {
      hungUp.push(new Promise((resolve) => response.once("close", () => resolve())));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const patient = await startPartProcess("gateway/src/index.ts", {
        DATABASE_URL: database.url,
        INTERNAL_SIGNING_SECRET: SECRET,
        PORT: "0",
        PERSON_SUBGRAPH_URL: `http://127.0.0.1:${port}/graphql`,
        SUBGRAPH_TIMEOUT_MS: "60000",
      });
      parts.push(patient);
      const client = new AbortController();
      const sent = fetch(patient.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query: personQuery() }),
        signal: client.signal,
      }).catch(() => null);
      while (hungUp.length === 0) await once(silent, "request");
      client.abort();
      await sent;
      const started = Date.now();
      await hungUp[0];
      // Well before the 60 s deadline: the gateway dropped the call when the client left.
      expect(Date.now() - started).toBeLessThan(5_000);
      await patient.stop();
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("answers HTTP 502 SUBGRAPH_UNAVAILABLE naming the subgraph, not its URL, when it is down", async () => {
    const exited = once(person.child, "exit");
    person.child.kill("SIGKILL");
    await exited;
    for (const url of [gateway.url, stockGateway.url]) {
      const answer = await post(url, personQuery(), headers);
      expect(answer.status).toBe(502);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe("SUBGRAPH_UNAVAILABLE");
      expect(answer.body.errors?.[0]?.message).toContain("The person subgraph is unavailable");
      expect(JSON.stringify(answer.body)).not.toContain(new URL(person.url).port);
    }
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { provisionRequester, syntheticRegistrationNumber } from "@rnp/platform/provision";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { ALL_GROUPS } from "./support/platform";
import { bearer, post } from "./support/post";
import { type PartProcess, startPartProcess } from "./support/processes";

// A subgraph's refusal decides the gateway's HTTP status by the one error table
// (@rnp/policy/errors): a subgraph that refuses with GRANT_REQUIRED or QUOTA_EXCEEDED (its own
// check, stricter than the gateway's) leaves the gateway as 403 or 429, not as 200. The person
// subgraph here is a stand-in that answers every call with the refusal under test, as a
// subgraph answers a refused field: `data` with the field null and the error with its code.

describe("a subgraph's refusal through the gateway", () => {
  const SECRET = "a-secret-for-the-error-status-tests";
  let database: TestDatabase;
  const parts: PartProcess[] = [];
  let standIn: Server;
  let gateway: PartProcess;
  let headers: Record<string, string>;
  let refusalCode = "GRANT_REQUIRED";

  beforeAll(async () => {
    standIn = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            data: { person: null },
            errors: [
              {
                message: `Refused by the subgraph (${refusalCode}).`,
                path: ["person"],
                extensions: { code: refusalCode },
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
    const personUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}/graphql`;
    database = await createTestDatabase("seeded");
    const env = { DATABASE_URL: database.url, INTERNAL_SIGNING_SECRET: SECRET, PORT: "0" };
    const catalog = await startPartProcess("subgraphs/catalog/src/index.ts", env);
    parts.push(catalog);
    const operatorKey = "rnp_op_error_status_test_key_0123";
    gateway = await startPartProcess("gateway/src/index.ts", {
      ...env,
      OPERATOR_API_KEY: operatorKey,
      PERSON_SUBGRAPH_URL: personUrl,
      CATALOG_SUBGRAPH_URL: catalog.url,
    });
    parts.push(gateway);
    const requester = await provisionRequester(gateway.url, operatorKey, {
      name: "Kļūdu Banka AS",
      registrationNumber: syntheticRegistrationNumber(33),
      dataGroups: ALL_GROUPS,
      purpose: "Error status test",
    });
    headers = bearer(requester.key, requester.grantNumber);
  });
  afterAll(async () => {
    for (const part of parts) part.child.kill("SIGKILL");
    standIn?.closeAllConnections();
    standIn?.close();
    await database?.drop();
  });

  const personQuery = '{ person(personCode: "010101-10000") { givenName } }';

  it.each([
    ["GRANT_REQUIRED", 403],
    ["QUOTA_EXCEEDED", 429],
    ["FORBIDDEN", 403],
  ])("answers the subgraph's %s with HTTP %i and the code", async (code, status) => {
    refusalCode = code;
    const answer = await post(gateway.url, personQuery, headers);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe(code);
    expect(answer.status).toBe(status);
  });

  it("keeps HTTP 200 for a field's own outcome (NOT_FOUND beside the data)", async () => {
    refusalCode = "NOT_FOUND";
    const answer = await post(gateway.url, personQuery, headers);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect(answer.status).toBe(200);
  });
});

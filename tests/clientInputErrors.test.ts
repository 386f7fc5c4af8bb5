import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decide, postById, startCompositeStack, stopCompositeStack, submit } from "./support/compositeSets";
import { capturedLogLines } from "./support/logCapture";
import type { TestPlatform } from "./support/platform";

/**
 * Input a client sends wrong is answered with a code of its own and a sentence, never as an
 * internal error (issue: APQ hash and version, out-of-range dates, NUL, operation names,
 * subscriptions over HTTP).
 */
let platform: TestPlatform;
let personCode: string;

beforeAll(async () => {
  ({ platform, personCode } = await startCompositeStack());
});
afterAll(stopCompositeStack);

interface Sent {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** POSTs a body as a client that reads GraphQL-over-HTTP statuses (`application/graphql-response+json`). */
async function send(body: Record<string, unknown>): Promise<Sent> {
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: {
      ...platform.headersOf(platform.requester),
      "content-type": "application/json",
      accept: "application/graphql-response+json",
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Sent["body"] };
}

const codesOf = (sent: Sent) => (sent.body.errors ?? []).map((error) => error.extensions?.code);
const PERSON = "query Person($code: String!) { person(personCode: $code) { givenName } }";
const SEARCH = `query Search($g: String, $s: String, $d: Date) {
  searchPersons(givenName: $g, surname: $s, birthDate: $d) { totalCount } }`;

describe("client input gets a client code, never an internal error", () => {
  it("an APQ hash that is not the query's is PERSISTED_QUERY_HASH_MISMATCH (400)", async () => {
    const sent = await send({
      query: PERSON,
      variables: { code: personCode },
      extensions: { persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } },
    });
    expect(sent.status).toBe(400);
    expect(codesOf(sent)).toEqual(["PERSISTED_QUERY_HASH_MISMATCH"]);
    expect(sent.body.errors?.[0]?.message).toContain("SHA-256");
    // The right hash runs the query.
    const right = await send({
      query: PERSON,
      variables: { code: personCode },
      extensions: {
        persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(PERSON).digest("hex") },
      },
    });
    expect(right.status).toBe(200);
    expect(right.body.errors).toBeUndefined();
  });

  it("APQ version 2 is BAD_USER_INPUT (400) saying version 1 is the one supported", async () => {
    const sent = await send({
      query: PERSON,
      variables: { code: personCode },
      extensions: {
        persistedQuery: { version: 2, sha256Hash: createHash("sha256").update(PERSON).digest("hex") },
      },
    });
    expect(sent.status).toBe(400);
    expect(codesOf(sent)).toEqual(["BAD_USER_INPUT"]);
    expect(sent.body.errors?.[0]?.message).toMatch(/version` is 2; this gateway supports version 1 only/);
  });

  it("a birth date outside the calendar is BAD_USER_INPUT, as a variable and as a literal", async () => {
    for (const date of ["0000-01-01", "2026-02-30", "1990-13-01", "99999-01-01"]) {
      const sent = await send({ query: SEARCH, variables: { g: "Anna", s: "Ozola", d: date } });
      expect(codesOf(sent), date).toEqual(["BAD_USER_INPUT"]);
      expect(sent.body.errors?.[0]?.message).toContain("from 0001-01-01 to 9999-12-31");
    }
    const literal = await send({
      query: '{ searchPersons(givenName: "Anna", surname: "Ozola", birthDate: "0000-01-01") { totalCount } }',
    });
    expect(codesOf(literal)).toEqual(["BAD_USER_INPUT"]);
    // A real leap day is a date.
    const leap = await send({ query: SEARCH, variables: { g: "Anna", s: "Ozola", d: "2024-02-29" } });
    expect(leap.body.errors).toBeUndefined();
  });

  it("a NUL character in a string argument is BAD_USER_INPUT (400), in a variable or a literal", async () => {
    const variable = await send({
      query: SEARCH,
      variables: { g: "An\u0000na", s: "Ozola", d: "1990-01-01" },
    });
    expect(variable.status).toBe(400);
    expect(codesOf(variable)).toEqual(["BAD_USER_INPUT"]);
    expect(variable.body.errors?.[0]?.message).toContain("$g");
    const literal = await send({
      query: '{ personByDocument(documentNumber: "LV\\u0000123") { givenName } }',
    });
    expect(literal.status).toBe(400);
    expect(codesOf(literal)).toEqual(["BAD_USER_INPUT"]);
    const nested = await send({
      query: "mutation ($input: SubmitCompositeSetInput!) { submitCompositeSet(input: $input) { version } }",
      variables: {
        input: { title: "x\u0000", grantNumber: platform.requester.grantNumber, document: "{ x }" },
      },
    });
    expect(codesOf(nested)).toEqual(["BAD_USER_INPUT"]);
    expect(nested.body.errors?.[0]?.message).toContain("$input.title");
  });

  it("several operations without operationName are OPERATION_NAME_REQUIRED (400) naming them, logged as one JSON line", async () => {
    const sent = await send({
      query: "query First { dataGroups { name } } query Second { dataGroups { name } }",
    });
    expect(sent.status).toBe(400);
    expect(codesOf(sent)).toEqual(["OPERATION_NAME_REQUIRED"]);
    expect(sent.body.errors?.[0]?.message).toContain("First, Second");
    const requestId = (sent.body as { extensions?: { requestId?: string } }).extensions?.requestId;
    expect(requestId).toBeTruthy();
    const lines = capturedLogLines().filter((line) => JSON.stringify(line).includes(requestId!));
    expect(lines).toEqual([
      expect.objectContaining({ part: "gateway", status: 400, errorCodes: ["OPERATION_NAME_REQUIRED"] }),
    ]);
  });

  it("an operationName the document does not have is OPERATION_NAME_MISMATCH (400)", async () => {
    const sent = await send({ query: "query First { dataGroups { name } }", operationName: "Other" });
    expect(sent.status).toBe(400);
    expect(codesOf(sent)).toEqual(["OPERATION_NAME_MISMATCH"]);
    expect(sent.body.errors?.[0]?.message).toContain('no operation named "Other"; it has First');
  });

  it("a composite set's documentId with another operationName is OPERATION_NAME_MISMATCH, not a planning failure", async () => {
    const version = await submit(
      "Name check",
      platform.requester.grantNumber,
      "query NameCheck($code: String!) { person(personCode: $code) { givenName } }",
    );
    expect((await decide("approveCompositeSet", version)).errors).toBeUndefined();
    expect((await postById(version.documentId, { code: personCode })).status).toBe(200);
    const response = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { ...platform.headersOf(platform.requester), "content-type": "application/json" },
      body: JSON.stringify({
        documentId: version.documentId,
        operationName: "Other",
        variables: { code: personCode },
      }),
    });
    const body = (await response.json()) as Sent["body"];
    expect(response.status).toBe(400);
    expect(body.errors?.map((error) => error.extensions?.code)).toEqual(["OPERATION_NAME_MISMATCH"]);
    expect(body.errors?.[0]?.message).toContain("NameCheck");
  });

  it("a subscription over HTTP is SUBSCRIPTION_NEEDS_WEBSOCKET (400), pointing to graphql-ws on the same URL", async () => {
    const sent = await send({ query: 'subscription { setChanges(setId: "1") { cursor } }' });
    expect(sent.status).toBe(400);
    expect(codesOf(sent)).toEqual(["SUBSCRIPTION_NEEDS_WEBSOCKET"]);
    expect(sent.body.errors?.[0]?.message).toContain("graphql-transport-ws");
  });
});

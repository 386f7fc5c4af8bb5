import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from "@apollo/client/core";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";
import {
  createPersistedQueryManifestVerificationLink,
  generatePersistedQueryIdsFromManifest,
} from "@apollo/persisted-query-lists";
import { type Client, createClient } from "graphql-ws";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { registerChanges } from "./support/changes";
import {
  decide,
  hexOf,
  postById,
  postDocument,
  startCompositeStack,
  stopCompositeStack,
  submit,
} from "./support/compositeSets";
import { createGrant } from "./support/grants";
import type { TestPlatform } from "./support/platform";

let platform: TestPlatform;
let sql: postgres.Sql;
let personCode: string;
let clients: Client[] = [];

const NAMES = `query SafeNames($code: String!) {
  person(personCode: $code) { givenName surname }
}`;

beforeAll(async () => {
  ({ platform, sql, personCode } = await startCompositeStack());
});
afterAll(async () => {
  for (const client of clients) await client.dispose();
  clients = [];
  await stopCompositeStack();
});

function setApprovedSetsOnly(number: string, on: boolean) {
  return platform.operator(
    "mutation ($n: String!, $on: Boolean!) { updateGrant(number: $n, input: { approvedSetsOnly: $on }) { number } }",
    { n: number, on },
  );
}

interface Manifest {
  format: string;
  version: number;
  operations: { id: string; name: string; type: "query" | "mutation" | "subscription"; body: string }[];
}

async function manifest(key = platform.requester.key): Promise<{ status: number; body: Manifest }> {
  const response = await fetch(new URL("/persisted-queries/manifest.json", platform.gatewayUrl), {
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.status, body: (await response.json()) as Manifest };
}

describe("the safelist: approved composite data sets only", () => {
  it("is on by default for PRODUCTION grants, off for TEST, and the operator can change it", async () => {
    const production = await createGrant(platform, { dataGroups: ["NAME"], environment: "PRODUCTION" });
    const test = await createGrant(platform, { dataGroups: ["NAME"] });
    const read = (number: string) =>
      sql`select approved_sets_only from access.grants where number = ${number}`.then((r) => r[0]);
    expect(await read(production)).toEqual({ approved_sets_only: true });
    expect(await read(test)).toEqual({ approved_sets_only: false });
    // Off on a PRODUCTION grant only through a recorded waiver (tests/onboardingSafelist.test.ts).
    await platform.operator(
      'mutation ($n: String!) { updateGrant(number: $n, input: { safelistWaiver: { reason: "test" } }) { number } }',
      { n: production },
    );
    expect(await read(production)).toEqual({ approved_sets_only: false });
  });

  it("refuses a safelisted grant's ad-hoc document with a code of its own and how to submit, and runs the approved set", async () => {
    const grant = await createGrant(platform, { dataGroups: ["NAME"] });
    await setApprovedSetsOnly(grant, true);
    const adHoc = await postDocument(NAMES, { code: personCode }, grant);
    expect(adHoc.status).toBe(403);
    expect(adHoc.body.data ?? null).toBeNull();
    expect(adHoc.body.errors?.[0]?.extensions?.code).toBe("COMPOSITE_SET_REQUIRED");
    expect(adHoc.body.errors?.[0]?.message).toContain("submitCompositeSet");
    expect(adHoc.body.errors?.[0]?.message).toContain(grant);

    const version = await submit("Safe names", grant, NAMES);
    await decide("approveCompositeSet", version);
    const byId = await postById(version.documentId, { code: personCode }, grant);
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data).toEqual({
      person: { givenName: expect.any(String), surname: expect.any(String) },
    });
    // The same text sent in full is still an ad-hoc document.
    expect((await postDocument(version.document, { code: personCode }, grant)).status).toBe(403);
  });

  it("serves the approved sets as an Apollo manifest that @apollo/persisted-query-lists and Apollo Client run by id", async () => {
    const grant = await createGrant(platform, { dataGroups: ["NAME", "BIRTH"] });
    await setApprovedSetsOnly(grant, true);
    const doc = "query ManifestBirth($code: String!) { person(personCode: $code) { birthDate surname } }";
    const version = await submit("Manifest birth", grant, doc);
    const before = await manifest();
    expect(before.body.operations.find((o) => o.name === "ManifestBirth")).toBeUndefined();
    await decide("approveCompositeSet", version);

    const { status, body } = await manifest();
    expect(status).toBe(200);
    expect(body).toMatchObject({ format: "apollo-persisted-query-manifest", version: 1 });
    expect(body.operations).toContainEqual({
      id: hexOf(version.documentId),
      name: "ManifestBirth",
      type: "query",
      body: version.document,
    });
    expect((await manifest("rnp_not-a-key")).status).toBe(401);

    const failures: unknown[] = [];
    const client = new ApolloClient({
      cache: new InMemoryCache({ addTypename: false }),
      link: ApolloLink.from([
        createPersistedQueryManifestVerificationLink({
          loadManifest: () => body,
          onVerificationFailed: (details) => failures.push(details.reason),
        }),
        createPersistedQueryLink(generatePersistedQueryIdsFromManifest({ loadManifest: () => body })),
        new HttpLink({
          uri: platform.gatewayUrl,
          headers: { authorization: `Bearer ${platform.requester.key}`, grant },
          fetch,
        }),
      ]),
    });
    const result = await client.query({
      query: gql(doc),
      variables: { code: personCode },
      fetchPolicy: "no-cache",
    });
    expect(failures).toEqual([]);
    expect(result.data).toEqual({ person: { birthDate: expect.any(String), surname: expect.any(String) } });
    const [row] = await sql`select composite_set_id from audit.disclosures
      where grant_number = ${grant} order by seq desc limit 1`;
    expect(row).toEqual({ composite_set_id: Number(version.compositeSet.id) });
  });

  it("runs an approved setChanges subscription by id over graphql-ws, audited with its set", async () => {
    const grant = await createGrant(platform, { dataGroups: ["NAME", "ADDRESS"] });
    await platform.operator(
      "mutation ($n: String!) { updateGrant(number: $n, input: { monitoringAllowed: true, approvedSetsOnly: true }) { number } }",
      { n: grant },
    );
    const headers = platform.headersOf({ key: platform.requester.key, grantNumber: grant });
    // Creating the monitoring set is not a person read: the safelist leaves it alone.
    const created = await platform.query<{ createMonitoringSet: { id: string } }>(
      'mutation { createMonitoringSet(input: { name: "safelisted", dataGroups: ["ADDRESS"] }) { id } }',
      {},
      { headers },
    );
    expect(created.errors).toBeUndefined();
    const setId = created.data!.createMonitoringSet.id;
    await platform.query(
      "mutation ($set: ID!, $codes: [String!]!) { addMonitoredPersons(setId: $set, personCodes: $codes) { changed } }",
      { set: setId, codes: [personCode] },
      { headers },
    );
    const doc = `subscription Moves($set: ID!, $after: String) {
      setChanges(setId: $set, after: $after) { eventNo personCode person { surname } }
    }`;
    const version = await submit("Moves", grant, doc);
    expect(version.dataGroups.map((g) => g.dataGroup)).toContain("NAME");
    await decide("approveCompositeSet", version);

    const client = createClient({
      url: platform.gatewayUrl.replace("http://", "ws://"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${platform.requester.key}`, grant },
      retryAttempts: 0,
    });
    clients.push(client);
    const adHoc = client.iterate({ query: doc, variables: { set: setId } });
    const refused = await adHoc.next();
    expect(JSON.stringify(refused.value)).toContain("COMPOSITE_SET_REQUIRED");
    await adHoc.return?.();

    // graphql-ws needs a `query` string: empty, with the id beside it.
    const byId = client.iterate<{ setChanges: { eventNo: number; personCode: string } }>({
      query: "",
      variables: { set: setId },
      extensions: { persistedQuery: { version: 1, sha256Hash: hexOf(version.documentId) } },
    });
    await registerChanges(sql, [{ personCode, dataGroups: ["ADDRESS"] }]);
    const first = await byId.next();
    expect(first.value?.errors).toBeUndefined();
    expect(first.value?.data?.setChanges.eventNo).toBe(1);
    await byId.return?.();
    const [row] = await sql`select composite_set_id, composite_set_version from audit.disclosures
      where grant_number = ${grant} order by seq desc limit 1`;
    expect(row).toEqual({ composite_set_id: Number(version.compositeSet.id), composite_set_version: 1 });

    const unknown = client.iterate({ query: "", documentId: `sha256:${"1".repeat(64)}` } as never);
    // graphql-ws rejects with the errors `onSubscribe` returned.
    const refusal = await unknown.next().then(
      (result) => JSON.stringify(result),
      (errors: unknown) => JSON.stringify(errors),
    );
    expect(refusal).toContain("PERSISTED_QUERY_NOT_FOUND");
  });
});

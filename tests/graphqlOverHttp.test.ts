import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);

afterAll(async () => {
  await platform?.stop();
});

describe("GraphQL over HTTP", () => {
  it("the gateway passes graphql-http's audit with no warning or notice", async () => {
    const headers = platform.headersOf(platform.requester);
    const results = await auditServer({
      url: platform.gatewayUrl,
      // The audit sends no credentials; the requester's key and grant make its queries admissible.
      fetchFn: (input: string | URL | Request, init?: RequestInit) =>
        fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), ...headers } }),
    });
    const failing = results.filter((result) => result.status !== "ok").map((r) => `${r.id} ${r.name}`);
    expect(failing, `not ok:\n${failing.join("\n")}`).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  }, 60_000);

  it("a parse error is 200 to application/json and 400 to application/graphql-response+json", async () => {
    const send = (accept: string) =>
      fetch(platform.gatewayUrl, {
        method: "POST",
        headers: { ...platform.headersOf(platform.requester), "content-type": "application/json", accept },
        body: JSON.stringify({ query: "{ dataGroups { name " }),
      });
    const legacy = await send("application/json");
    expect(legacy.status).toBe(200);
    expect(
      ((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe("GRAPHQL_PARSE_FAILED");
    expect((await send("application/graphql-response+json")).status).toBe(400);
  });

  it("GET runs queries with variables, refuses mutations, and needs the key like POST", async () => {
    const get = (query: string, headers: Record<string, string>, variables: object = { n: "NAME" }) => {
      const url = new URL(platform.gatewayUrl);
      url.searchParams.set("query", query);
      url.searchParams.set("variables", JSON.stringify(variables));
      return fetch(url, { headers: { accept: "application/json", ...headers } });
    };
    const query = "query ($n: DataGroupName!) { dataGroup(name: $n) { name } }";
    const answered = await get(query, platform.headersOf(platform.requester));
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ data: { dataGroup: { name: "NAME" } } });
    // Without the key (what a forged cross-site GET would be): refused like any other request.
    const person = "query ($c: String!) { person(personCode: $c) { givenName } }";
    expect((await get(person, {}, { c: "010101-10000" })).status).toBe(401);
    const mutation = await get("mutation { __typename }", platform.headersOf(platform.requester));
    expect(mutation.status).toBe(405);
  });
});

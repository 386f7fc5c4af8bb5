import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, nested, post, startGateway, startLimitsStack, stopLimitsStack } from "./support/limits";
import type { TestPlatform } from "./support/platform";

// Operation limits (depth, aliases, tokens, directives, cost, suggestions, fragment bombs), each
// refused before any work with its own code, HTTP status and the limit's value.

let platform: TestPlatform;
let codes: string[];
let limited: string;

beforeAll(async () => {
  ({ platform, codes } = await startLimitsStack());
  limited = await startGateway(LIMITS);
}, 120_000);
afterAll(stopLimitsStack);

describe("operation limits, each refused with its own code, HTTP status and the limit's value", () => {
  it("depth: OPERATION_TOO_DEEP, HTTP 400", async () => {
    const { status, body } = await post(
      limited,
      `query ($c: String!) { person(personCode: $c) { ${nested("children", 4, "givenName")} } }`,
      { c: codes[0] },
    );
    expect(status).toBe(400);
    // person, four children, givenName: six levels.
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "OPERATION_TOO_DEEP", limit: 4, found: 6 });
    expect(body.errors?.[0]?.message).toContain("6 levels deep; the gateway accepts at most 4");
    expect(body.data ?? null).toBeNull();
  });

  it("aliases: TOO_MANY_ALIASES, HTTP 400, and the same operation within the limit answers", async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `p${i}: person(personCode: "${codes[i]}") { givenName }`).join(" ")} }`;
    const refused = await post(limited, aliased(4));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "TOO_MANY_ALIASES",
      limit: 3,
      found: 4,
    });
    expect(refused.body.errors?.[0]?.message).toContain("uses 4 aliases; the gateway accepts at most 3");
    const admitted = await post(limited, aliased(3));
    expect(admitted.status).toBe(200);
    expect(admitted.body.errors).toBeUndefined();
  });

  it("tokens: OPERATION_TOO_LARGE, HTTP 400, before the document is parsed", async () => {
    const { status, body } = await post(limited, `{ ${"__typename ".repeat(200)} }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "OPERATION_TOO_LARGE", limit: 120 });
    expect(body.errors?.[0]?.message).toContain("more than 120 tokens");
  });

  it("directives: TOO_MANY_DIRECTIVES, HTTP 400", async () => {
    const { status, body } = await post(
      limited,
      `query ($c: String!) { person(personCode: $c) { givenName @include(if: true) surname @include(if: true) sex @skip(if: false) } }`,
      { c: codes[0] },
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_DIRECTIVES", limit: 2, found: 3 });
    expect(body.errors?.[0]?.message).toContain("uses 3 directives; the gateway accepts at most 2");
  });

  it("cost: persons costs its number of codes, residents its page, nested lists multiply", async () => {
    const persons =
      "query ($cs: [String!]!) { persons(personCodes: $cs) { givenName children { givenName } } }";
    // 20 codes × (1 + 10 children) = 220: admitted.
    const admitted = await post(limited, persons, { cs: codes.slice(0, 20) });
    expect(admitted.status).toBe(200);
    expect(admitted.body.errors).toBeUndefined();
    // 50 codes × 11 = 550 > 500: refused, whatever the register would have found.
    const refused = await post(limited, persons, { cs: Array.from({ length: 50 }, (_, i) => codes[i % 20]) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: "OPERATION_TOO_COSTLY",
      limit: 500,
      found: 550,
    });
    expect(refused.body.errors?.[0]?.message).toContain(
      "could resolve 550 objects (its cost); the gateway accepts at most 500",
    );
    // residents(first: 60) { nodes { spouse } } = 60 × (1 + 1) + 1 = 121; children instead: 60 × 11 + 1 = 661.
    const residents = (relation: string) =>
      `{ residents(addressCode: "100000001", first: 60) { nodes { ${relation} { givenName } } } }`;
    expect((await post(limited, residents("spouse"))).body.errors?.[0]?.extensions.code).not.toBe(
      "OPERATION_TOO_COSTLY",
    );
    const fanOut = await post(limited, residents("children"));
    expect(fanOut.status).toBe(400);
    expect(fanOut.body.errors?.[0]?.extensions).toMatchObject({ code: "OPERATION_TOO_COSTLY", found: 661 });
  });

  it("cost on the default gateway: the 232-byte family fan-out is refused before any work", async () => {
    const fanOut = `query ($c: String!) { person(personCode: $c) { ${nested("children", 7, "givenName")} } }`;
    platform.resetStatements();
    const { status, body } = await post(platform.gatewayUrl, fanOut, { c: codes[0] });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe("OPERATION_TOO_COSTLY");
    expect(platform.statements).toEqual([]);
  });

  it('field suggestions: no "Did you mean" when hidden (as in production)', async () => {
    const query = `query ($c: String!) { person(personCode: $c) { givenNam } }`;
    const hidden = await post(limited, query, { c: codes[0] });
    // A validation error to a plain application/json client is 200, as GraphQL over HTTP asks.
    expect(hidden.status).toBe(200);
    expect(hidden.body.errors?.[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(hidden.body.errors?.[0]?.message).toBe('Cannot query field "givenNam" on type "Person".');
    // Nor in a variable's enum value, refused when the operation runs.
    const enumValue = await post(limited, "query ($f: DataGroupName!) { dataGroup(name: $f) { name } }", {
      f: "ADRESS",
    });
    expect(enumValue.body.errors?.[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(enumValue.body.errors?.[0]?.message).not.toContain("Did you mean");
    // The test platform is not in production: there the hint helps the developer.
    const shown = await post(platform.gatewayUrl, query, { c: codes[0] });
    expect(shown.body.errors?.[0]?.message).toContain("Did you mean");
    const shownEnum = await post(
      platform.gatewayUrl,
      "query ($f: DataGroupName!) { dataGroup(name: $f) { name } }",
      {
        f: "ADRESS",
      },
    );
    expect(shownEnum.body.errors?.[0]?.message).toContain("Did you mean");
  });
});

describe("fragment bomb", () => {
  // Each fragment holds the next twice (once through an inline fragment): 2^(levels-1)
  // copies of its fields once expanded, in a document of a few hundred bytes that passes the
  // depth, alias and token limits. At 20 levels the query planner spends about 25 s on it.
  const bomb = (levels: number) =>
    `query ($c: String!) { person(personCode: $c) { ...F0 } } ${Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Person { personCode }`
        : `fragment F${i} on Person { ... on Person { ...F${i + 1} } ...F${i + 1} givenName }`,
    ).join(" ")}`;

  it("is refused before planning: TOO_MANY_SELECTIONS, HTTP 400, naming the limit", async () => {
    platform.resetStatements();
    const started = Date.now();
    const { status, body } = await post(platform.gatewayUrl, bomb(20), { c: codes[0] });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "TOO_MANY_SELECTIONS", limit: 2000 });
    expect(body.errors?.[0]?.message).toContain("the gateway accepts at most 2000");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(platform.statements).toEqual([]);
  });

  it("what the query planner refuses is OPERATION_NOT_PLANNABLE, HTTP 400, never a 500", async () => {
    // Without the gateway's own limits in the way, the bomb reaches the planner, whose own
    // check refuses 30 levels at once.
    const open = await startGateway({
      maxSelections: Number.MAX_SAFE_INTEGER,
      maxCost: Number.MAX_SAFE_INTEGER,
    });
    const { status, body } = await post(open, bomb(30), { c: codes[0] });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe("OPERATION_NOT_PLANNABLE");
    expect(body.errors?.[0]?.message).toContain("could not plan this operation");
    expect(body.data ?? null).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { readsMayBeStale } from "./server";

describe("which person requests may read from a standby", () => {
  it("should send a plain query to the read pool", () => {
    expect(
      readsMayBeStale(
        JSON.stringify({ query: "query ($c: String!) { person(personCode: $c) { name { given } } }" }),
      ),
    ).toBe(true);
    expect(
      readsMayBeStale(
        JSON.stringify({ query: '{ searchPersons(text: "Bērziņš") { nodes { personCode } } }' }),
      ),
    ).toBe(true);
  });

  it("should keep a mutation and its read-back on the primary", () => {
    expect(
      readsMayBeStale(
        JSON.stringify({ query: "mutation ($p: String!) { registerDeath(personCode: $p) { personCode } }" }),
      ),
    ).toBe(false);
  });

  it("should keep federated references (a notification's persons) on the primary", () => {
    expect(
      readsMayBeStale(
        JSON.stringify({
          query:
            "query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { personCode } } }",
        }),
      ),
    ).toBe(false);
  });
});

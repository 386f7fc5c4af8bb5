import { describe, expect, it } from "vitest";
import { canonicalDocumentHash, portalSafelist } from "./safelist";

describe("the portal's document safelist", () => {
  it("hashes a document the same whatever its order, spacing and __typename selections", () => {
    const persisted = "query A($b: Int, $a: String!) { x(b: $b, a: $a) { z y } }";
    const sent = "query A($a: String!, $b: Int) {\n  x(a: $a, b: $b) {\n    y\n    z\n    __typename\n  }\n}";
    expect(canonicalDocumentHash(sent)).toBe(canonicalDocumentHash(persisted));
  });

  it("hashes another selection, argument or operation differently", () => {
    const base = canonicalDocumentHash("query A { x { y } }");
    expect(canonicalDocumentHash("query A { x { y w } }")).not.toBe(base);
    expect(canonicalDocumentHash("query A { x(first: 100) { y } }")).not.toBe(base);
    expect(canonicalDocumentHash("query B { x { y } }")).not.toBe(base);
    expect(canonicalDocumentHash("not graphql {")).toBeNull();
  });

  it("tells each document's channel by its operation's name", () => {
    const list = portalSafelist({
      a: "query PdpLookUp { x }",
      b: "query MyRegisterData { x }",
      c: "query PortalMe { x }",
    });
    expect([...list.values()].map((document) => document.channel).sort()).toEqual(["PDP", "PORTAL", "SELF"]);
  });
});

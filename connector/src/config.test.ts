import { describe, expect, it } from "vitest";
import { ConfigError, mappingProblems, parseConfig } from "./config";

const VALID = `platform:
  url: http://localhost:4000/graphql
  clientId: rnp_client_x
  clientSecret: \${SECRET}
  grant: G-2026-0001
monitoringSet: "1"
compositeSet:
  documentId: sha256:${"a".repeat(64)}
table:
  name: persons
  columns:
    - column: surname
      field: surname
children:
  - name: person_documents
    list: documents
    columns:
      - column: number
        field: number
`;

const DOCUMENT =
  "query Sync($codes: [String!]!) { persons(personCodes: $codes) { personCode surname documents { number } } }";

function problemsOf(text: string) {
  try {
    parseConfig(text, "c.yaml", { SECRET: "s" });
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe("the configuration", () => {
  it("fills the defaults and reads secrets from the environment", () => {
    const config = parseConfig(VALID, "/tmp/c.yaml", { SECRET: "s3" });
    expect(config.platform.clientSecret).toBe("s3");
    expect(config.target).toEqual({ dialect: "sqlite", url: "/tmp/connector.db" });
    expect(config.table.key).toBe("person_code");
    expect(config.table.columns[0]).toMatchObject({ type: "text", transform: "none" });
    expect(config.sync.pageSize).toBe(500);
  });

  it("names the line and the fix of each fault", () => {
    const typo = problemsOf(VALID.replace("  grant: G-2026-0001", "  grant: G-2026-0001\n  grnt: x"));
    expect(typo).toEqual([
      { line: 6, message: expect.stringContaining("`grnt`, which is not a setting: remove it") },
    ]);
    const type = problemsOf(
      VALID.replace("      field: surname", "      field: surname\n      type: varchar"),
    );
    expect(type[0]).toMatchObject({ line: 14, message: expect.stringContaining("must be one of `text`") });
    const missing = problemsOf(VALID.replace('monitoringSet: "1"\n', ""));
    expect(missing[0]?.message).toContain("lacks `monitoringSet`: add it");
    expect(problemsOf("platform: [")[0]?.message).toContain("YAML syntax");
    expect(() => parseConfig(VALID, "c.yaml", {})).toThrow(ConfigError);
  });

  it("refuses a mapping to a field the composite set does not select", () => {
    const config = parseConfig(VALID, "c.yaml", { SECRET: "s" });
    expect(mappingProblems(config, DOCUMENT)).toEqual([]);
    const outside = parseConfig(VALID.replace("field: surname", "field: givenName"), "c.yaml", {
      SECRET: "s",
    });
    expect(mappingProblems(outside, DOCUMENT)[0]).toContain(
      "maps `givenName`, which the composite set does not select",
    );
    expect(
      mappingProblems(config, "query Q($c: String!) { person(personCode: $c) { surname } }")[0],
    ).toContain("must select `persons(personCodes: $codes)`");
  });
});

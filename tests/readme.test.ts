import { readFileSync } from "node:fs";
import { type OperationDefinitionNode, parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = readme.slice(readme.indexOf("## Example queries"));
const source = /```graphql\n([\s\S]*?)```/.exec(examples)?.[1] ?? "";
const operations = parse(source).definitions.filter(
  (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
);

let platform: TestPlatform;

beforeAll(async () => {
  // The register `pnpm start` seeds on a new machine, so the examples work for a newcomer.
  platform = await startTestPlatform({ register: "default" });
});
afterAll(async () => {
  await platform?.stop();
});

describe("the README's example queries", () => {
  it("are there to test", () => {
    expect(operations.map((o) => o.name?.value)).toEqual(["Person", "Batch", "Catalog"]);
  });

  it("return data on the register `pnpm start` seeds", async () => {
    const results = await Promise.all(
      operations.map(async (operation) => {
        const name = operation.name!.value;
        const response = await fetch(platform.gatewayUrl, {
          method: "POST",
          headers: { "content-type": "application/json", ...platform.headersOf(platform.requester) },
          body: JSON.stringify({
            query: source,
            operationName: name,
            variables: name === "Batch" ? { codes: platform.samplePersonCodes } : {},
          }),
        });
        return [
          name,
          (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] },
        ] as const;
      }),
    );
    const byName = Object.fromEntries(results);
    for (const [name, result] of results) expect(result.errors, name).toBeUndefined();
    const example = byName.Person!.data!.person as {
      spouse: unknown;
      children: unknown[];
      identityDocuments: unknown[];
      declaredAddress: unknown;
    } | null;
    // A person with every part the example selects, so a newcomer sees each of them.
    expect(example).not.toBeNull();
    expect(example!.spouse).not.toBeNull();
    expect(example!.children.length).toBeGreaterThan(0);
    expect(example!.identityDocuments.length).toBeGreaterThan(0);
    expect(example!.declaredAddress).not.toBeNull();
    expect((byName.Batch!.data!.persons as unknown[]).every((p) => p !== null)).toBe(true);
    expect((byName.Catalog!.data!.dataGroups as unknown[]).length).toBeGreaterThan(0);
  });
});

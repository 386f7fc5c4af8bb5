import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyBatch } from "./apply";
import { parseConfig } from "./config";
import { DEAD_LETTER_TABLE, initTarget, openTarget, readState } from "./target";

const TEXT = `platform: { url: "http://x/graphql", clientId: c, clientSecret: s, grant: G-1 }
monitoringSet: "1"
compositeSet: { documentId: "sha256:${"b".repeat(64)}" }
target: { url: t.db }
table:
  name: persons
  columns:
    - { column: surname, field: surname }
    - { column: code, field: personCode, transform: hyphenless }
    - { column: height, field: height, type: integer }
children:
  - { name: person_documents, list: documents, columns: [{ column: number, field: number }] }
`;

describe("the SQLite target", () => {
  it("creates its tables, replaces a person's rows with the cursor in one transaction, and dead-letters what cannot be converted", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "connector-"));
    const config = parseConfig(TEXT, path.join(dir, "c.yaml"));
    const db = openTarget(config.target);
    expect(await initTarget(db, config)).toContain("created table persons");
    expect(await initTarget(db, config)).toEqual([]);
    const person = {
      personCode: "161175-19997",
      surname: "Bērziņa",
      height: 170,
      documents: [{ number: "LV1" }, { number: "LV2" }],
    };
    for (let i = 0; i < 2; i++)
      await db
        .transaction()
        .execute((tx) =>
          applyBatch(tx, config, { persons: [person], removed: [], state: { cursor: `c${i}` } }),
        );
    expect(
      await db.selectFrom("persons").select(["person_code", "surname", "code", "height"]).execute(),
    ).toEqual([{ person_code: "16117519997", surname: "Bērziņa", code: "16117519997", height: 170 }]);
    expect(await db.selectFrom("person_documents").selectAll().execute()).toHaveLength(2);
    expect(await readState(db, "cursor")).toBe("c1");
    await expect(
      db.transaction().execute(async (tx) => {
        await applyBatch(tx, config, { persons: [], removed: ["161175-19997"], state: { cursor: "c2" } });
        throw new Error("killed");
      }),
    ).rejects.toThrow("killed");
    expect(await readState(db, "cursor")).toBe("c1");
    expect(await db.selectFrom("persons").selectAll().execute()).toHaveLength(1);
    await db.transaction().execute((tx) =>
      applyBatch(tx, config, {
        persons: [{ ...person, height: "tall" }],
        removed: [],
        state: { cursor: "c3" },
      }),
    );
    expect(await db.selectFrom(DEAD_LETTER_TABLE).select("person_code").execute()).toEqual([
      { person_code: "16117519997" },
    ]);
    expect(await db.selectFrom("persons").selectAll().execute()).toHaveLength(0);
    await db.destroy();
  });
});

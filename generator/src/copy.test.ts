import { persons } from "@rnp/db/schema/person";
import { describe, expect, it } from "vitest";
import { arrayLiteral, copyLines, copyTarget, copyValue, escapeCopyText } from "./copy";

describe("COPY text format", () => {
  it("escapes backslash, tab, newline and carriage return", () => {
    expect(escapeCopyText("Rīga")).toBe("Rīga");
    expect(escapeCopyText("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
  });

  it("writes NULL as \\N and arrays as quoted literals", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue(undefined)).toBe("\\N");
    expect(copyValue(42)).toBe("42");
    expect(copyValue([])).toBe("{}");
    expect(copyValue(["16117519997", "32867300679"])).toBe('{"16117519997","32867300679"}');
    expect(arrayLiteral(['a"b', "c\\d", null])).toBe('{"a\\"b","c\\\\d",NULL}');
    // The array literal's own backslashes are escaped again for the COPY line.
    expect(copyValue(["c\\d"])).toBe('{"c\\\\\\\\d"}');
  });

  it("targets the drizzle table's columns in declaration order", () => {
    const target = copyTarget(persons);
    expect(target.table).toBe('"person"."persons"');
    expect(target.statement).toMatch(/^copy "person"\."persons" \("person_code", "former_person_codes", /);
    expect(target.keys[0]).toBe("personCode");
  });

  it("splits rows into pieces of whole lines", () => {
    const target = { table: "t", statement: "", keys: ["a", "b"] };
    const rows = Array.from({ length: 100 }, (_, i) => ({ a: i, b: i % 3 === 0 ? null : `x${i}` }));
    const pieces = [...copyLines(target, rows, 64)];
    expect(pieces.length).toBeGreaterThan(5);
    for (const piece of pieces) expect(piece.endsWith("\n")).toBe(true);
    const lines = pieces.join("").split("\n");
    expect(lines[0]).toBe("0\t\\N");
    expect(lines[1]).toBe("1\tx1");
    expect(lines).toHaveLength(101);
  });
});

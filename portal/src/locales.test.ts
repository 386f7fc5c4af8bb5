import { describe, expect, it } from "vitest";
import en from "./locales/en.json";
import lv from "./locales/lv.json";

function keysOf(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

describe("the portal's language catalogues", () => {
  it("have every text in both Latvian and English", () => {
    const inLv = new Set(keysOf(lv));
    const inEn = new Set(keysOf(en));
    expect(
      [...inEn].filter((key) => !inLv.has(key)),
      "missing in lv.json",
    ).toEqual([]);
    expect(
      [...inLv].filter((key) => !inEn.has(key)),
      "missing in en.json",
    ).toEqual([]);
  });

  it("have no empty text", () => {
    for (const [name, catalogue] of [
      ["lv", lv],
      ["en", en],
    ] as const) {
      const empty = keysOf(catalogue).filter((key) => {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, `empty in ${name}.json`).toEqual([]);
    }
  });

  it("use the same placeholders in both languages", () => {
    for (const key of keysOf(en)) {
      const pick = (catalogue: unknown) =>
        String(
          key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue),
        );
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(pick(lv)), key).toEqual(placeholders(pick(en)));
    }
  });
});

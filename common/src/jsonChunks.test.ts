import { describe, expect, it } from "vitest";
import { stringifyInChunks } from "./jsonChunks";

const person = (i: number) => ({
  personCode: `0101${i}`,
  givenName: "Anna",
  birthDate: undefined,
  note: null,
});

describe("stringifyInChunks", () => {
  it("writes exactly JSON.stringify's text and a newline, for small and large answers", async () => {
    const large = {
      errors: undefined,
      data: {
        a0: Array.from({ length: 1_234 }, (_, i) => person(i)),
        a1: [1, undefined, () => 1, { nested: Array.from({ length: 700 }, (_, i) => [i, `x${i}`]) }],
        skipped: undefined,
        text: 'quote " and \u2028',
      },
      extensions: { requestId: "r" },
    };
    for (const value of [large, { data: { x: 1 } }, { data: null, errors: [{ message: "m" }] }]) {
      expect(await stringifyInChunks(value)).toBe(`${JSON.stringify(value)}\n`);
    }
  });

  it("lets other callbacks run between the chunks of a large list", async () => {
    const events: string[] = [];
    const writing = stringifyInChunks({
      data: { list: Array.from({ length: 3_000 }, (_, i) => person(i)) },
    }).then(() => events.push("written"));
    setImmediate(() => events.push("other"));
    await writing;
    expect(events).toEqual(["other", "written"]);
  });
});

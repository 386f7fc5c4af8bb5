import { afterEach, describe, expect, it, vi } from "vitest";
import { commandLine } from "./commandLine";

const usage = "Usage: pnpm thing [--count N]";
const options = { count: { type: "string" }, force: { type: "boolean" } } as const;

/** Runs `run`, returning the exit code it asked for and what it wrote to stdout and stderr. */
function outcome(run: () => unknown): { code: number | undefined; out: string; err: string } {
  let out = "";
  let err = "";
  vi.spyOn(console, "log").mockImplementation((text: string) => {
    out += text;
  });
  vi.spyOn(console, "error").mockImplementation((text: string) => {
    err += text;
  });
  vi.spyOn(process, "exit").mockImplementation((code) => {
    throw Object.assign(new Error("exit"), { exitCode: code });
  });
  try {
    run();
    return { code: undefined, out, err };
  } catch (error) {
    return { code: (error as { exitCode?: number }).exitCode, out, err };
  }
}

afterEach(() => vi.restoreAllMocks());

describe("commandLine", () => {
  it("returns the parsed values", () => {
    const cli = commandLine({ usage, options, args: ["--count", "7", "--force"] });
    expect(cli.values).toMatchObject({ count: "7", force: true });
    expect(cli.wholeNumber("count", cli.values.count, 1)).toBe(7);
    expect(cli.wholeNumber("other", undefined, 3)).toBe(3);
  });

  it("prints the usage and exits 0 on --help", () => {
    expect(outcome(() => commandLine({ usage, options, args: ["--help"] }))).toEqual({
      code: 0,
      out: usage,
      err: "",
    });
  });

  it("explains an unknown option with the usage and exits 2", () => {
    const result = outcome(() => commandLine({ usage, options, args: ["--colour"] }));
    expect(result.code).toBe(2);
    expect(result.err).toBe(`Unknown option '--colour'\n\n${usage}`);
  });

  it("refuses a bad or out-of-range whole number with exit 2", () => {
    const cli = commandLine({ usage, options, args: [] });
    const bad = outcome(() => cli.wholeNumber("count", "1.5", 1));
    expect(bad).toMatchObject({ code: 2, err: `--count must be a whole number ≥ 0; got "1.5".\n\n${usage}` });
    expect(outcome(() => cli.wholeNumber("count", "0", 1, { min: 1 })).code).toBe(2);
    const high = outcome(() => cli.wholeNumber("count", "11", 1, { max: 10 }));
    expect(high).toMatchObject({ code: 2, err: `--count must be at most 10; got 11.\n\n${usage}` });
  });
});

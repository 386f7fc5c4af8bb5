import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { serializeError } from "@rnp/common";
import { generateRegister } from "@rnp/generator";
import { describe, expect, it } from "vitest";
import { forbiddenInLogs } from "./support/logForbidden";
import { scanLine, scanLogFolder } from "./support/logScan";
import { TEST_AUDIT_CHAIN_KEY } from "./support/testSecrets";

// The check the run ends with (tests/support/logCheck.ts) must be able to fail: lines planted
// with each kind of forbidden value are found, and clean lines pass.
const register = { persons: 200, seed: 7 };
const forbidden = forbiddenInLogs([register]);
const person = generateRegister(register).persons.find((row) => row.formerPersonCodes.length === 0)!;

const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 50, time: "2026-12-05T09:17:12.184Z", pid: 1, part: "person", ...fields });

describe("the run's log check", () => {
  it("finds a register's personal code, with or without the hyphen", () => {
    const bare = person.personCode.replace("-", "");
    expect(scanLine(line({ msg: `lookup ${person.personCode}` }), forbidden)).toEqual([
      `personal code ${person.personCode}`,
    ]);
    expect(scanLine(line({ msg: `lookup ${bare}` }), forbidden)).toEqual([`personal code ${bare}`]);
  });

  it("finds a register's name and birth date, as drizzle's message would carry them", () => {
    const planted = line({
      err: {
        message: `Failed query: select 1\nparams: ${person.surname},${person.givenName},${person.birthDate}`,
      },
    });
    const found = scanLine(planted, forbidden);
    expect(found).toContain(`birth date ${person.birthDate}`);
    expect(found.some((what) => what.startsWith("name "))).toBe(true);
  });

  it("finds keys, tokens and the platform's secrets by their form", () => {
    const key = "rnp_Ab3dEfGhIjKlMnOpQrStUvWxYz012345";
    expect(scanLine(line({ msg: `key ${key}` }), forbidden)).toEqual(["key rnp_Ab3dEfGh…"]);
    expect(
      scanLine(line({ msg: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" }), forbidden),
    ).toEqual(["token eyJhbGciOiJIUzI1…"]);
    expect(scanLine(line({ msg: `chain ${TEST_AUDIT_CHAIN_KEY}` }), forbidden)).toHaveLength(1);
  });

  it("passes request lines, metric names and the time of the line", () => {
    const clean = line({
      level: 30,
      requestId: "31a7c0de-0000-4000-8000-000000000000",
      operationName: "OnePerson",
      requesterId: 1,
      status: 200,
      durationMs: 5.8,
      msg: "request answered rnp_graphql_requests_total",
    });
    expect(scanLine(clean, forbidden)).toEqual([]);
  });

  it("passes the same failure once the logger's serializer has written it", () => {
    const failure = Object.assign(
      new Error(`Failed query: select "x" from "person"."persons" where "surname" = $1
params: ${person.surname},${person.givenName},${person.birthDate},${person.personCode}`),
      { query: 'select "x" from "person"."persons" where "surname" = $1', params: [person.surname] },
    );
    expect(scanLine(line({ err: serializeError(failure) }), forbidden)).toEqual([]);
  });

  it("reports the file and line of each finding over a folder of logs", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "rnp-log-scan-"));
    try {
      writeFileSync(
        path.join(folder, "a.log"),
        `${line({ msg: "fine" })}\n${line({ msg: person.personCode })}\n`,
      );
      const { lines, findings } = scanLogFolder(folder, forbidden);
      expect(lines).toBe(2);
      expect(findings).toEqual([
        expect.objectContaining({ file: "a.log", line: 2, what: `personal code ${person.personCode}` }),
      ]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

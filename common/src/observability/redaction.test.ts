import { describe, expect, it } from "vitest";
import { redactFields, redactText, serializeError, statementShape } from "./redaction";

/** drizzle's DrizzleQueryError as drizzle-orm 0.45 builds it (its `name` stays "Error"). */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    override readonly cause?: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params}`);
  }
}

/** postgres.js's error: PostgreSQL's fields, plus the statement and its parameters. */
function postgresError(message: string, fields: Record<string, unknown>) {
  return Object.assign(new Error(message), { name: "PostgresError", severity: "ERROR", ...fields });
}

describe("the log serializer", () => {
  it("keeps a failed statement's first words and PostgreSQL's code, never its parameters or quoted values", () => {
    const cause = postgresError('date/time field value out of range: "0000-01-01"', {
      code: "22008",
      routine: "DateTimeParseError",
      where: "unnamed portal parameter $3 = '0000-01-01'",
      detail: "Key (person_code)=(01010912345) already exists.",
      query: 'select "surname" from "person"."persons" where "surname" = $1',
      parameters: ["Ozola", "Anna", "0000-01-01"],
    });
    const error = new DrizzleQueryError(
      'select "surname" from "person"."persons" where "surname" = $1 and "given_name" = $2 and "birth_date" = $3',
      ["Ozola", "Anna", "0000-01-01"],
      cause,
    );
    const serialized = serializeError(error);
    expect(serialized).toMatchObject({
      type: "DrizzleQueryError",
      message: "Failed query (statement and parameters withheld)",
      statement: expect.stringMatching(/^select "surname" from "person"\."persons"/),
      cause: {
        type: "PostgresError",
        message: 'date/time field value out of range: "…"',
        sqlState: "22008",
        routine: "DateTimeParseError",
      },
    });
    const text = JSON.stringify(serialized);
    for (const value of ["Ozola", "Anna", "0000-01-01", "01010912345", "params"])
      expect(text).not.toContain(value);
  });

  it("follows a GraphQL error's originalError and keeps its code", () => {
    const original = new DrizzleQueryError("select 1", ["010109-12345"]);
    const wrapper = Object.assign(new Error(original.message), {
      extensions: { code: "INTERNAL_SERVER_ERROR" },
      originalError: original,
    });
    const serialized = serializeError(wrapper);
    expect(serialized.code).toBe("INTERNAL_SERVER_ERROR");
    expect(serialized.message).toBe("Failed query (statement and parameters withheld)");
    expect(serialized.cause?.type).toBe("DrizzleQueryError");
    expect(JSON.stringify(serialized)).not.toContain("010109-12345");
  });

  it("masks personal codes, dates, keys, tokens and bearer values in any text", () => {
    expect(
      redactText(
        "code 010109-12345 and 01010912345 born 1990-01-01 key rnp_op_Ab3dEfGhIjKlMnOpQrStUvWxYz012345 Bearer abc.def",
      ),
    ).toBe("code [personal code] and [number] born [date] key [key] Bearer [credential]");
    expect(redactText("token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).toBe("token [token]");
  });

  it("cuts long text and masks literals inlined into a statement", () => {
    expect(redactText("x".repeat(5_000)).length).toBeLessThanOrEqual(1_001);
    expect(statementShape(`select * from t where name = 'Ozola' and code = 12345678901 and id = $1`)).toBe(
      "select * from t where name = '…' and code = 0 and id = $1",
    );
  });

  it("shows something that is not an Error as redacted text", () => {
    expect(serializeError("failed for 010109-12345")).toEqual({
      type: "string",
      message: "failed for [personal code]",
    });
  });

  it("keeps the platform's own request id whole, though it may end in twelve digits", () => {
    expect(
      redactFields({ requestId: "31a7c0de-0000-4000-8000-123456789012", correlationId: "c-12345678901" }),
    ).toEqual({
      requestId: "31a7c0de-0000-4000-8000-123456789012",
      correlationId: "c-[number]",
    });
  });
});

import { describe, expect, it } from "vitest";
import {
  booleanSetting,
  ConfigError,
  enumSetting,
  integerSetting,
  readConfig,
  textSetting,
  urlSetting,
} from "./config";

const settings = {
  PERSONS_BATCH_LIMIT: integerSetting(1, 100_000, 1_000),
  PLATFORM_ENVIRONMENT: enumSetting(["TEST", "PRODUCTION"], "TEST"),
  ACCESS_CONTROL_OFF: booleanSetting(false),
  OPERATOR_API_KEY: textSetting({ minLength: 16 }),
  DATABASE_URL: urlSetting(["postgres:", "postgresql:"]),
};

describe("readConfig", () => {
  it("gives the defaults when nothing is set, and reads an empty value as unset", () => {
    expect(readConfig(settings, { PERSONS_BATCH_LIMIT: "" })).toEqual({
      PERSONS_BATCH_LIMIT: 1_000,
      PLATFORM_ENVIRONMENT: "TEST",
      ACCESS_CONTROL_OFF: false,
      OPERATOR_API_KEY: undefined,
      DATABASE_URL: undefined,
    });
  });

  it("reads values of the allowed form", () => {
    const config = readConfig(settings, {
      PERSONS_BATCH_LIMIT: "250",
      PLATFORM_ENVIRONMENT: "PRODUCTION",
      ACCESS_CONTROL_OFF: "Yes",
      OPERATOR_API_KEY: "0123456789abcdef",
      DATABASE_URL: "postgres://u@h:5432/d",
    });
    expect(config.PERSONS_BATCH_LIMIT).toBe(250);
    expect(config.ACCESS_CONTROL_OFF).toBe(true);
    expect(config.DATABASE_URL).toBe("postgres://u@h:5432/d");
  });

  it("names every wrong variable, its value and what is allowed, and hides secrets", () => {
    let error: unknown;
    try {
      readConfig(
        settings,
        {
          PERSONS_BATCH_LIMIT: "abc",
          PLATFORM_ENVIRONMENT: "STAGING",
          OPERATOR_API_KEY: "short",
          DATABASE_URL: "mysql://x",
        },
        { secrets: ["OPERATOR_API_KEY"] },
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PERSONS_BATCH_LIMIT is "abc"; set it to a whole number from 1 to 100000 (default 1000).',
      'PLATFORM_ENVIRONMENT is "STAGING"; set it to one of TEST, PRODUCTION (default TEST).',
      "OPERATOR_API_KEY is set (hidden); set it to at least 16 characters.",
      'DATABASE_URL is "mysql://x"; set it to a URL starting with postgres:// or postgresql://.',
    ]);
  });

  it("refuses numbers out of range and fractions", () => {
    expect(() => readConfig({ N: integerSetting(1, 10, 5) }, { N: "0" })).toThrow(/N is "0"/);
    expect(() => readConfig({ N: integerSetting(1, 10, 5) }, { N: "2.5" })).toThrow(/from 1 to 10/);
    expect(() => readConfig({ N: integerSetting(1, 10) }, {})).not.toThrow();
  });

  it("says a required variable is unset", () => {
    expect(() => readConfig({ KEY: textSetting({ required: true }) }, {})).toThrow(
      "KEY is unset; set it to a value (required).",
    );
  });
});

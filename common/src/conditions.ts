import type { ConditionField, ConditionOperator } from "./__generated__/enums";
import { echo } from "./errors";

/**
 * Conditions on record values (DAGR DU-7): a grant may limit the persons it covers, e.g.
 * to adults or to the residents of one municipality. All conditions of a grant must hold
 * (AND); a person who fails them is, to that requester, indistinguishable from an unknown one.
 *
 * The fields and operators are enums of the catalog's SDL; their generated unions are the one
 * declaration, re-exported here.
 */
export type { ConditionField, ConditionOperator };

export interface GrantCondition {
  field: ConditionField;
  operator: ConditionOperator;
  /** A string (dates as YYYY-MM-DD), a number for `age`, `true`/`false` for `deceased`, a list for ONE_OF. */
  value: string | number | boolean | (string | number)[];
}

/** The values of a person that conditions can test. */
export type ConditionSubject = Record<ConditionField, string | number | boolean | null>;

const FIELD_KINDS: Record<ConditionField, "date" | "number" | "string" | "boolean"> = {
  birthDate: "date",
  age: "number",
  sex: "string",
  citizenshipStatus: "string",
  citizenship: "string",
  deceased: "boolean",
  municipalityCode: "string",
};

const OPERATORS_BY_KIND: Record<string, ConditionOperator[]> = {
  date: ["EQUALS", "NOT_EQUALS", "BEFORE", "AFTER", "ONE_OF"],
  number: ["EQUALS", "NOT_EQUALS", "GREATER_THAN", "LESS_THAN", "ONE_OF"],
  string: ["EQUALS", "NOT_EQUALS", "ONE_OF"],
  boolean: ["EQUALS", "NOT_EQUALS"],
};

export const conditionFields = Object.keys(FIELD_KINDS) as ConditionField[];

/** A sentence saying what is wrong with a condition, or null when it is well-formed. */
export function conditionProblem(condition: GrantCondition): string | null {
  const kind = FIELD_KINDS[condition.field];
  if (!kind)
    return `condition field "${echo(condition.field)}" is unknown; use one of ${conditionFields.join(", ")}`;
  if (!OPERATORS_BY_KIND[kind]?.includes(condition.operator)) {
    return `operator ${condition.operator} does not apply to ${condition.field}; use one of ${OPERATORS_BY_KIND[kind]?.join(", ")}`;
  }
  const values = condition.operator === "ONE_OF" ? condition.value : [condition.value];
  if (!Array.isArray(values) || values.length === 0)
    return `ONE_OF on ${condition.field} needs a non-empty list`;
  for (const value of values) {
    const ok =
      kind === "date"
        ? typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
        : kind === "number"
          ? typeof value === "number" && Number.isFinite(value)
          : kind === "boolean"
            ? typeof value === "boolean"
            : typeof value === "string";
    if (!ok)
      return `${condition.field} compares with ${kind === "date" ? "dates written YYYY-MM-DD" : `${kind}s`}; got ${JSON.stringify(value)}`;
  }
  return null;
}

function compare(
  actual: string | number | boolean | null,
  operator: ConditionOperator,
  expected: GrantCondition["value"],
) {
  if (actual === null) return operator === "NOT_EQUALS" && expected !== null;
  switch (operator) {
    case "EQUALS":
      return actual === expected;
    case "NOT_EQUALS":
      return actual !== expected;
    case "GREATER_THAN":
    case "AFTER":
      return actual > (expected as string | number);
    case "LESS_THAN":
    case "BEFORE":
      return actual < (expected as string | number);
    case "ONE_OF":
      return Array.isArray(expected) && (expected as (string | number | boolean)[]).includes(actual);
  }
}

/** True when the person satisfies every condition. */
export function satisfiesConditions(
  subject: ConditionSubject,
  conditions: readonly GrantCondition[],
): boolean {
  return conditions.every((condition) =>
    compare(subject[condition.field], condition.operator, condition.value),
  );
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

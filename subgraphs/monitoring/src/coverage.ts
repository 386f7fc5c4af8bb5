import { ageOn, type ConditionSubject, type GrantCondition, satisfiesConditions } from "@rnp/common";

/**
 * Whether a set's grant covers a person, judged in two places with the same rule: by the
 * notifier when a member's change is registered (only covered members' changes are numbered,
 * so a set's counters never move for anyone else) and by `changes` on the day of delivery
 * (a member who has since left the conditions is not delivered).
 */

/** A person's values as grant conditions test them (the `person.condition_subjects` view). */
export interface SubjectValues {
  birthDate: string;
  sex: string;
  citizenshipStatus: string;
  citizenship: string | null;
  deceased: boolean;
  municipalityCode: string | null;
}

/** The person's values with the age on `today`. */
export function conditionSubjectOf(row: SubjectValues, today: string): ConditionSubject {
  return {
    birthDate: row.birthDate,
    age: ageOn(row.birthDate, today),
    sex: row.sex,
    citizenshipStatus: row.citizenshipStatus,
    citizenship: row.citizenship,
    deceased: row.deceased,
    municipalityCode: row.municipalityCode,
  };
}

/** Covered: no conditions, or a known person who satisfies them all on `today`. */
export function covers(
  conditions: readonly GrantCondition[],
  subject: SubjectValues | null,
  today: string,
): boolean {
  if (conditions.length === 0) return true;
  return subject !== null && satisfiesConditions(conditionSubjectOf(subject, today), conditions);
}

/** Whether two lists of conditions say the same (jsonb does not keep an object's key order). */
export function sameConditions(a: readonly GrantCondition[], b: readonly GrantCondition[]): boolean {
  const canonical = (list: readonly GrantCondition[]) =>
    JSON.stringify(list.map((c) => [c.field, c.operator, c.value]));
  return canonical(a) === canonical(b);
}

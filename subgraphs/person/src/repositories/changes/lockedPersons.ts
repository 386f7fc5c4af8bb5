/**
 * The persons a change touches: locked first, in code order (so concurrent changes cannot
 * deadlock), then checked. Personal codes here are canonical: 11 digits, no hyphen; messages
 * show them hyphenated.
 */
import { formatPersonCode } from "@rnp/common";
import { schema } from "@rnp/db";
import { asc, inArray } from "drizzle-orm";
import type { PersonRow } from "../personRepository";
import { invalid, notFound } from "./refusal";
import type { Transaction } from "./transaction";

const { persons } = schema.person;

/** A canonical personal code as messages show it, hyphenated. */
export const code = (personCode: string) => formatPersonCode(personCode);

/** Locks the persons (in code order) for the rest of the transaction and returns them. */
export async function lockPersons(
  tx: Transaction,
  codes: readonly string[],
): Promise<Map<string, PersonRow>> {
  const sorted = [...new Set(codes)].sort();
  const rows = await tx
    .select()
    .from(persons)
    .where(inArray(persons.personCode, sorted))
    .orderBy(asc(persons.personCode))
    .for("no key update");
  return new Map(rows.map((row) => [row.personCode, row]));
}

export function requirePerson(
  locked: Map<string, PersonRow>,
  personCode: string,
  role = "person",
): PersonRow {
  const person = locked.get(personCode);
  if (!person) throw notFound(`No ${role} with personal code ${code(personCode)} is in the register.`);
  return person;
}

export function requireAlive(person: PersonRow): void {
  if (person.deathDate) {
    throw invalid(
      `${code(person.personCode)} (${person.givenName} ${person.surname}) died on ${person.deathDate}; the register records no further changes for a deceased person.`,
    );
  }
}

export function notBeforeBirth(person: PersonRow, date: string, argument: string): void {
  if (date < person.birthDate) {
    throw invalid(
      `\`${argument}\` is ${date}, before ${code(person.personCode)} was born (${person.birthDate}); correct the date.`,
    );
  }
}

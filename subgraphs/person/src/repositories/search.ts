import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, arrayContains, asc, eq, isNull, or, sql } from "drizzle-orm";

const { persons, addresses, declaredAddresses, identityDocuments } = schema.person;

/**
 * The statements behind `searchPersons`, one per identifier kind, each a single statement
 * answered from an index (`persons_former_codes_idx`, `persons_folded_name_birth_idx`,
 * `identity_documents_number_idx`, `addresses_building_idx` + `declared_addresses_address_idx`).
 * Exported as query builders so a test can `EXPLAIN` exactly what runs.
 */
export const searchQueries = {
  /** Persons whose current personal code is `code`, or one of whose former codes is. */
  byAnyPersonCode: (db: Database, code: string) =>
    db
      .select()
      .from(persons)
      .where(or(eq(persons.personCode, code), arrayContains(persons.formerPersonCodes, [code])))
      .orderBy(asc(persons.personCode)),

  /**
   * Persons by given name, surname and birth date, compared by `person.fold_name` (lower
   * case, diacritics removed), the expression `persons_folded_name_birth_idx` is built on.
   */
  byNameAndBirthDate: (db: Database, name: { givenName: string; surname: string; birthDate: string }) =>
    db
      .select()
      .from(persons)
      .where(
        and(
          sql`person.fold_name(${persons.surname}) = person.fold_name(${name.surname}::text)`,
          sql`person.fold_name(${persons.givenName}) = person.fold_name(${name.givenName}::text)`,
          eq(persons.birthDate, name.birthDate),
        ),
      )
      .orderBy(asc(persons.personCode)),

  /** The holder of a document (numbers are unique and stored upper case). */
  byDocumentNumber: (db: Database, documentNumber: string) =>
    db
      .select({ personCode: identityDocuments.personCode })
      .from(identityDocuments)
      .where(eq(identityDocuments.number, documentNumber)),

  /**
   * Those whose current residence declaration is the address, or a flat of it when it is a
   * building (a building's `building_code` is its own code, a flat's that of its building).
   */
  byResidence: (db: Database, addressCode: string) =>
    db
      .selectDistinct({ personCode: declaredAddresses.personCode })
      .from(declaredAddresses)
      .innerJoin(addresses, eq(addresses.addressCode, declaredAddresses.addressCode))
      .where(
        and(
          or(eq(addresses.addressCode, addressCode), eq(addresses.buildingCode, addressCode)),
          isNull(declaredAddresses.declaredTo),
          eq(declaredAddresses.kind, "DECLARED"),
        ),
      )
      .orderBy(asc(declaredAddresses.personCode)),
};

export type SearchedPersonRow = Awaited<ReturnType<typeof searchQueries.byAnyPersonCode>>[number];

export function findPersonsByAnyCode(db: Database, code: string): Promise<SearchedPersonRow[]> {
  return searchQueries.byAnyPersonCode(db, code);
}

export function findPersonsByNameAndBirthDate(
  db: Database,
  name: { givenName: string; surname: string; birthDate: string },
): Promise<SearchedPersonRow[]> {
  return searchQueries.byNameAndBirthDate(db, name);
}

export async function findHolderCodesOfDocument(db: Database, documentNumber: string): Promise<string[]> {
  return (await searchQueries.byDocumentNumber(db, documentNumber)).map((row) => row.personCode);
}

export async function findResidentCodesOf(db: Database, addressCode: string): Promise<string[]> {
  return (await searchQueries.byResidence(db, addressCode)).map((row) => row.personCode);
}

import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const { persons, addresses, declaredAddresses, identityDocuments, nameHistory, marriages, parentChild } =
  schema.person;

export type PersonRow = typeof persons.$inferSelect;
export type DocumentRow = typeof identityDocuments.$inferSelect;
export type NameRecordRow = typeof nameHistory.$inferSelect;
export type MarriageRow = typeof marriages.$inferSelect;
export type ParentChildRow = typeof parentChild.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect & { municipalityName: string };
export type DeclaredAddressRow = typeof declaredAddresses.$inferSelect & { address: AddressRow };

const municipality = alias(addresses, "municipality");
const addressColumns = {
  addressCode: addresses.addressCode,
  kind: addresses.kind,
  name: addresses.name,
  parentCode: addresses.parentCode,
  municipalityCode: addresses.municipalityCode,
  buildingCode: addresses.buildingCode,
  postalCode: addresses.postalCode,
  fullAddress: addresses.fullAddress,
  municipalityName: municipality.name,
};

/** Persons by personal code (11 digits, no hyphen), in no particular order. */
export function findPersonsByCodes(db: Database, codes: readonly string[]): Promise<PersonRow[]> {
  return db
    .select()
    .from(persons)
    .where(inArray(persons.personCode, [...codes]));
}

export function findAddressesByCodes(db: Database, codes: readonly string[]): Promise<AddressRow[]> {
  return db
    .select(addressColumns)
    .from(addresses)
    .innerJoin(municipality, eq(municipality.addressCode, addresses.municipalityCode))
    .where(inArray(addresses.addressCode, [...codes]));
}

/** Every address declaration of the given persons, newest first, with the address joined. */
export async function findDeclaredAddressesByPersons(
  db: Database,
  codes: readonly string[],
): Promise<DeclaredAddressRow[]> {
  const rows = await db
    .select({ declaration: declaredAddresses, address: addressColumns })
    .from(declaredAddresses)
    .innerJoin(addresses, eq(addresses.addressCode, declaredAddresses.addressCode))
    .innerJoin(municipality, eq(municipality.addressCode, addresses.municipalityCode))
    .where(inArray(declaredAddresses.personCode, [...codes]))
    .orderBy(desc(declaredAddresses.declaredFrom), desc(declaredAddresses.id));
  return rows.map((row) => ({ ...row.declaration, address: row.address }));
}

export function findDocumentsByPersons(db: Database, codes: readonly string[]): Promise<DocumentRow[]> {
  return db
    .select()
    .from(identityDocuments)
    .where(inArray(identityDocuments.personCode, [...codes]))
    .orderBy(desc(identityDocuments.issueDate), desc(identityDocuments.id));
}

export function findNameHistoryByPersons(db: Database, codes: readonly string[]): Promise<NameRecordRow[]> {
  return db
    .select()
    .from(nameHistory)
    .where(inArray(nameHistory.personCode, [...codes]))
    .orderBy(desc(nameHistory.validFrom), desc(nameHistory.id));
}

/** Marriages in which any of the persons is a spouse, newest first. */
export function findMarriagesByPersons(db: Database, codes: readonly string[]): Promise<MarriageRow[]> {
  const list = [...codes];
  return db
    .select()
    .from(marriages)
    .where(or(inArray(marriages.spouseA, list), inArray(marriages.spouseB, list)))
    .orderBy(desc(marriages.marriedOn), desc(marriages.id));
}

/** Parent–child links in which any of the persons is the parent or the child. */
export function findParentChildLinks(db: Database, codes: readonly string[]): Promise<ParentChildRow[]> {
  const list = [...codes];
  return db
    .select()
    .from(parentChild)
    .where(or(inArray(parentChild.parentCode, list), inArray(parentChild.childCode, list)));
}

/** The personal code of a document's holder; document numbers are compared case-insensitively. */
export async function findPersonCodeByDocument(db: Database, documentNumber: string): Promise<string | null> {
  const [row] = await db
    .select({ personCode: identityDocuments.personCode })
    .from(identityDocuments)
    .where(eq(identityDocuments.number, documentNumber.trim().toUpperCase()))
    .limit(1);
  return row?.personCode ?? null;
}

/**
 * Personal codes of those whose current residence declaration points at the address (a
 * flat) or at a flat of it (a building), ordered by code. Paged by the caller, after the
 * grant's conditions have removed the persons it may not see.
 */
export async function findResidentCodes(
  db: Database,
  address: { addressCode: string; kind: string },
): Promise<string[]> {
  const atAddress =
    address.kind === "BUILDING"
      ? sql`${declaredAddresses.addressCode} in (select ${addresses.addressCode} from ${addresses} where ${addresses.buildingCode} = ${address.addressCode})`
      : eq(declaredAddresses.addressCode, address.addressCode);
  const rows = await db
    .select({ personCode: declaredAddresses.personCode })
    .from(declaredAddresses)
    .where(and(atAddress, isNull(declaredAddresses.declaredTo), eq(declaredAddresses.kind, "DECLARED")))
    .orderBy(asc(declaredAddresses.personCode));
  return rows.map((row) => row.personCode);
}

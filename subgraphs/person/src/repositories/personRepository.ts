import type { Database } from "@rnp/db";
import { schema } from "@rnp/db";
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";

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

/**
 * One prepared statement per reader and pool, built once: drizzle builds no SQL on the hot
 * path, and postgres.js, told to prepare, sends Bind/Execute in one round trip where an
 * unnamed statement with parameters costs a Describe round trip first. The codes travel as
 * one array parameter (`= any($1)`), so every batch size shares the one statement.
 */
function preparedPerDatabase<T>(
  build: (db: Database) => { execute(values: { codes: string[] }): Promise<T> },
) {
  const statements = new WeakMap<Database, ReturnType<typeof build>>();
  return (db: Database, codes: readonly string[]): Promise<T> => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db);
      statements.set(db, statement);
    }
    return statement.execute({ codes: [...codes] });
  };
}

const codesParameter = sql.placeholder("codes");
const anyCode = (column: AnyPgColumn) => sql`${column} = any(${codesParameter})`;

/** Persons by personal code (11 digits, no hyphen), in no particular order. */
export const findPersonsByCodes: (db: Database, codes: readonly string[]) => Promise<PersonRow[]> =
  preparedPerDatabase((db) =>
    db.select().from(persons).where(anyCode(persons.personCode)).prepare("persons_by_codes"),
  );

export const findAddressesByCodes: (db: Database, codes: readonly string[]) => Promise<AddressRow[]> =
  preparedPerDatabase((db) =>
    db
      .select(addressColumns)
      .from(addresses)
      .innerJoin(municipality, eq(municipality.addressCode, addresses.municipalityCode))
      .where(anyCode(addresses.addressCode))
      .prepare("addresses_by_codes"),
  );

const declaredAddressRows = preparedPerDatabase((db) =>
  db
    .select({ declaration: declaredAddresses, address: addressColumns })
    .from(declaredAddresses)
    .innerJoin(addresses, eq(addresses.addressCode, declaredAddresses.addressCode))
    .innerJoin(municipality, eq(municipality.addressCode, addresses.municipalityCode))
    .where(anyCode(declaredAddresses.personCode))
    .orderBy(desc(declaredAddresses.declaredFrom), desc(declaredAddresses.id))
    .prepare("declared_addresses_by_persons"),
);

/** Every address declaration of the given persons, newest first, with the address joined. */
export async function findDeclaredAddressesByPersons(
  db: Database,
  codes: readonly string[],
): Promise<DeclaredAddressRow[]> {
  const rows = await declaredAddressRows(db, codes);
  return rows.map((row) => ({ ...row.declaration, address: row.address }));
}

export const findDocumentsByPersons: (db: Database, codes: readonly string[]) => Promise<DocumentRow[]> =
  preparedPerDatabase((db) =>
    db
      .select()
      .from(identityDocuments)
      .where(anyCode(identityDocuments.personCode))
      .orderBy(desc(identityDocuments.issueDate), desc(identityDocuments.id))
      .prepare("documents_by_persons"),
  );

export const findNameHistoryByPersons: (db: Database, codes: readonly string[]) => Promise<NameRecordRow[]> =
  preparedPerDatabase((db) =>
    db
      .select()
      .from(nameHistory)
      .where(anyCode(nameHistory.personCode))
      .orderBy(desc(nameHistory.validFrom), desc(nameHistory.id))
      .prepare("name_history_by_persons"),
  );

/** Marriages in which any of the persons is a spouse, newest first. */
export const findMarriagesByPersons: (db: Database, codes: readonly string[]) => Promise<MarriageRow[]> =
  preparedPerDatabase((db) =>
    db
      .select()
      .from(marriages)
      .where(or(anyCode(marriages.spouseA), anyCode(marriages.spouseB)))
      .orderBy(desc(marriages.marriedOn), desc(marriages.id))
      .prepare("marriages_by_persons"),
  );

/** Parent–child links in which any of the persons is the parent or the child. */
export const findParentChildLinks: (db: Database, codes: readonly string[]) => Promise<ParentChildRow[]> =
  preparedPerDatabase((db) =>
    db
      .select()
      .from(parentChild)
      .where(or(anyCode(parentChild.parentCode), anyCode(parentChild.childCode)))
      .prepare("parent_child_links_by_persons"),
  );

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

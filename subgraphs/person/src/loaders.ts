import { ageOn, type ConditionSubject, type GrantCondition, satisfiesConditions } from "@rnp/common";
import type { Database } from "@rnp/db";
import DataLoader from "dataloader";
import {
  type AddressRow,
  type DeclaredAddressRow,
  type DocumentRow,
  findAddressesByCodes,
  findDeclaredAddressesByPersons,
  findDocumentsByPersons,
  findMarriagesByPersons,
  findNameHistoryByPersons,
  findParentChildLinks,
  findPersonsByCodes,
  type MarriageRow,
  type NameRecordRow,
  type ParentChildRow,
  type PersonRow,
} from "./repositories/personRepository";

export interface FamilyRecords {
  /** Marriages the person is a spouse in, newest first. */
  marriages: MarriageRow[];
  /** Parent–child links where the person is the parent or the child. */
  links: ParentChildRow[];
}

/** One result per key, in key order: what DataLoader requires of a batch function. */
function byKey<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

function groupedByKey<K, R>(keys: readonly K[], rows: R[], keysOf: (row: R) => K[]): R[][] {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    for (const key of new Set(keysOf(row))) {
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    }
  }
  return keys.map((key) => map.get(key) ?? []);
}

/**
 * Per-request loaders: every person-keyed read of one operation is batched into one SQL
 * statement per kind, so statements do not grow with the number of persons.
 */
export function createPersonLoaders(db: Database, conditions: readonly GrantCondition[] = []) {
  const loaders = {
    person: new DataLoader<string, PersonRow | null>(async (codes) =>
      byKey(codes, await findPersonsByCodes(db, codes), (row) => row.personCode),
    ),
    address: new DataLoader<string, AddressRow | null>(async (codes) =>
      byKey(codes, await findAddressesByCodes(db, codes), (row) => row.addressCode),
    ),
    declaredAddresses: new DataLoader<string, DeclaredAddressRow[]>(async (codes) =>
      groupedByKey(codes, await findDeclaredAddressesByPersons(db, codes), (row) => [row.personCode]),
    ),
    documents: new DataLoader<string, DocumentRow[]>(async (codes) =>
      groupedByKey(codes, await findDocumentsByPersons(db, codes), (row) => [row.personCode]),
    ),
    nameHistory: new DataLoader<string, NameRecordRow[]>(async (codes) =>
      groupedByKey(codes, await findNameHistoryByPersons(db, codes), (row) => [row.personCode]),
    ),
    // Marriages and parent links resolve together, so every relative (spouse, parents,
    // children) is asked of the person loader in the same tick: one batch, not one per kind.
    family: new DataLoader<string, FamilyRecords>(async (codes) => {
      const [marriages, links] = await Promise.all([
        findMarriagesByPersons(db, codes),
        findParentChildLinks(db, codes),
      ]);
      const marriagesByPerson = groupedByKey(codes, marriages, (row) => [row.spouseA, row.spouseB]);
      const linksByPerson = groupedByKey(codes, links, (row) => [row.parentCode, row.childCode]);
      return codes.map((_, i) => ({ marriages: marriagesByPerson[i] ?? [], links: linksByPerson[i] ?? [] }));
    }),
  };
  const today = new Date().toISOString().slice(0, 10);
  const needsAddress = conditions.some((condition) => condition.field === "municipalityCode");
  /**
   * Persons as the caller may see them: a person who fails the grant's conditions is
   * `null`, exactly like a code the register does not know.
   */
  const visiblePerson = new DataLoader<string, PersonRow | null>(async (codes) => {
    const rows = await loaders.person.loadMany(codes);
    if (conditions.length === 0) return rows;
    const addresses = needsAddress ? await loaders.declaredAddresses.loadMany(codes) : [];
    return rows.map((row, i) => {
      if (!row || row instanceof Error) return row;
      const current = addresses[i];
      const residence = Array.isArray(current)
        ? current.find((declaration) => declaration.kind === "DECLARED" && declaration.declaredTo === null)
        : undefined;
      const subject: ConditionSubject = {
        birthDate: row.birthDate,
        age: ageOn(row.birthDate, today),
        sex: row.sex,
        citizenshipStatus: row.citizenshipStatus,
        citizenship: row.citizenshipCountry,
        deceased: row.deathDate !== null,
        municipalityCode: residence?.address.municipalityCode ?? null,
      };
      return satisfiesConditions(subject, conditions) ? row : null;
    });
  });
  return { ...loaders, visiblePerson };
}

export type PersonLoaders = ReturnType<typeof createPersonLoaders>;

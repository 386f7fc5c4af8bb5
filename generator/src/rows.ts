import type {
  addresses,
  declaredAddresses,
  identityDocuments,
  marriages,
  nameHistory,
  parentChild,
  persons,
} from "@rnp/db/schema/person";

/**
 * Rows exactly as the drizzle tables select them, so a schema change that the generator
 * does not follow fails type checking instead of failing at load time.
 */
export type PersonRow = typeof persons.$inferSelect;
export type AddressRow = typeof addresses.$inferSelect;
export type DeclaredAddressRow = typeof declaredAddresses.$inferSelect;
export type IdentityDocumentRow = typeof identityDocuments.$inferSelect;
export type NameHistoryRow = typeof nameHistory.$inferSelect;
export type MarriageRow = typeof marriages.$inferSelect;
export type ParentChildRow = typeof parentChild.$inferSelect;

/**
 * A slice of the register that is complete on its own: every person a row refers to is in
 * this chunk, and every address is in this chunk or an earlier one. Loading chunks in order
 * (addresses, then persons, then the rest) keeps all foreign keys satisfied.
 */
export interface RegisterChunk {
  addresses: AddressRow[];
  persons: PersonRow[];
  declaredAddresses: DeclaredAddressRow[];
  identityDocuments: IdentityDocumentRow[];
  nameHistory: NameHistoryRow[];
  marriages: MarriageRow[];
  parentChild: ParentChildRow[];
}

export type RegisterTable = keyof RegisterChunk;

/** Foreign-key order: addresses and persons before the rows that point at them. */
export const TABLE_LOAD_ORDER: readonly RegisterTable[] = [
  "addresses",
  "persons",
  "declaredAddresses",
  "identityDocuments",
  "nameHistory",
  "marriages",
  "parentChild",
];

export function emptyChunk(): RegisterChunk {
  return {
    addresses: [],
    persons: [],
    declaredAddresses: [],
    identityDocuments: [],
    nameHistory: [],
    marriages: [],
    parentChild: [],
  };
}

/**
 * The synthetic population register: deterministic generation (same seed and size → the
 * same data) and bulk loading into the `person` schema.
 */
export { REGISTER_DATE } from "./dates";
export { type GenerateOptions, generateRegister, generateRegisterChunks } from "./generate";
export { isRegisterSeeded, type SeedOptions, type SeedSummary, seedRegister } from "./load";
export type {
  AddressRow,
  DeclaredAddressRow,
  IdentityDocumentRow,
  MarriageRow,
  NameHistoryRow,
  ParentChildRow,
  PersonRow,
  RegisterChunk,
  RegisterTable,
} from "./rows";

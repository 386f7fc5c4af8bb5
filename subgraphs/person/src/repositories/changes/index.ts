/**
 * Changes to the register, one module per change. Each change is one transaction that locks
 * the persons it touches (in code order, so concurrent changes cannot deadlock), validates,
 * writes, and as its last statement appends its rows to the commit-ordered change log with
 * `appendChanges`. A refused change throws `ChangeRefused` before anything is written (the
 * transaction rolls back). Personal codes here are canonical: 11 digits, no hyphen.
 */
export {
  type AppendResult,
  appendChanges,
  type ChangeKind,
  type ChangeRow,
  type ChangeSet,
  type DataGroup,
  inLogOrder,
} from "./changeLog";
export { type ChangeNameInput, changeName } from "./changeName";
export { todayIso } from "./dates";
export { type DeclareAddressInput, declareAddress } from "./declareAddress";
export { type InvalidateDocumentInput, invalidateDocument } from "./invalidateDocument";
export { type DocumentChangeResult, type IssueDocumentInput, issueDocument } from "./issueDocument";
export { ChangeRefused } from "./refusal";
export { type RegisterBirthInput, registerBirth } from "./registerBirth";
export { type RegisterDeathInput, registerDeath } from "./registerDeath";
export { type RegisterDivorceInput, registerDivorce } from "./registerDivorce";
export { type RegisterMarriageInput, registerMarriage } from "./registerMarriage";
export {
  addressFormOf,
  type MunicipalityRenamedResult,
  type RenameMunicipalityInput,
  renameMunicipality,
} from "./renameMunicipality";
export { maleSurnameOf } from "./surnames";
export type { Transaction } from "./transaction";

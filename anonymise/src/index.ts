/** The anonymised test register (issue 11, DU-1): keyed, deterministic, no mapping table. */
export {
  AnonymiseError,
  type AnonymiseOptions,
  type AnonymiseSummary,
  anonymiseRegister,
  describeUrl,
} from "./anonymise";
export { type AnonymisationKeys, deriveKeys, KeyFileError, readKeyFile } from "./keys";
export { RegisterAnonymiser } from "./register";

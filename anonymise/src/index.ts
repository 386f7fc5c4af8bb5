/** The anonymised test register (issue 11, DU-1; k-anonymous since issue 15): keyed, deterministic, no mapping table. */
export {
  AnonymiseError,
  type AnonymiseOptions,
  type AnonymiseSummary,
  anonymiseRegister,
  describeUrl,
  readPlan,
} from "./anonymise";
export { type AnonymisationKeys, deriveKeys, KeyFileError, readKeyFile } from "./keys";
export type { RegisterMeasure, TableMeasure } from "./measure";
export { AnonymisationPlan, DEFAULT_K } from "./plan";

/**
 * What a document needs, written once: the data groups of the fields it selects and of the
 * marked arguments it writes, its entry points, the roles it needs, whether it needs a
 * grant and whether it reads persons. The gateway checks a request with it, the catalog
 * reviews a composite set's document with it, and the person subgraph checks again with it.
 */
export { analyseDocument, type DocumentNeeds, hasVariableConditions } from "./analyseDocument";
export {
  type AccessMarks,
  accessMarksOf,
  accessMarksOfSchema,
  type EntryPointNeed,
  entryPointGroupsOf,
  entryPointNeeds,
} from "./marks";
export { analyseRootField } from "./rootField";

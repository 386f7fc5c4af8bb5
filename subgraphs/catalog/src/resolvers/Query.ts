import { badUserInput } from "@rnp/common";
import type { QueryResolvers } from "../__generated__/resolvers-types";
import { type DatasetRow, findDatasetsPage, findProviders } from "../repositories/catalogRepository";

export interface DatasetConnectionParent {
  rows: DatasetRow[];
  hasNextPage: boolean;
  totalCount: number;
}

const encodeCursor = (code: string) => Buffer.from(`dataset:${code}`).toString("base64url");
function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, "base64url").toString("utf8");
  if (!decoded.startsWith("dataset:")) {
    throw badUserInput(
      "`after` is not a cursor of this list: pass the `endCursor` of the previous page unchanged.",
    );
  }
  return decoded.slice("dataset:".length);
}

export const Query: QueryResolvers = {
  dataGroups: (_parent, _args, { dataGroups }) => dataGroups,
  dataGroup: (_parent, { name }, { dataGroups }) => dataGroups.find((group) => group.name === name) ?? null,
  datasets: (_parent, { first, after }, { db }) => {
    const size = first ?? 50;
    if (size < 1 || size > 100) throw badUserInput(`\`first\` is ${size}; ask for 1 to 100 datasets a page.`);
    return findDatasetsPage(db, size, after ? decodeCursor(after) : null);
  },
  dataset: (_parent, { code }, { loaders }) => loaders.datasetByCode.load(code),
  providers: (_parent, _args, { db }) => findProviders(db),
};

export { encodeCursor as encodeDatasetCursor };

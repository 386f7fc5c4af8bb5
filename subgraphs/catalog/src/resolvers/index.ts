import { DateScalar, DateTimeScalar } from "@rnp/common";
import type { Resolvers } from "../__generated__/resolvers-types";
import { legalBasesOfGroup, legalBasesOfGroups } from "../repositories/catalogLegalBases";
import { accessMutations, accessQueries, accessTypes } from "./access";
import { applicationStepMutations } from "./applicationSteps";
import { applicationMutations, applicationQueries, applicationTypes } from "./applications";
import { compositeSetMutations, compositeSetQueries, compositeSetTypes } from "./compositeSets";
import { peopleMutations, peopleQueries, peopleTypes } from "./people";
import { encodeDatasetCursor, Query } from "./Query";

export const resolvers: Resolvers = {
  ...accessTypes,
  ...compositeSetTypes,
  ...applicationTypes,
  ...peopleTypes,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Query: { ...Query, ...accessQueries, ...compositeSetQueries, ...applicationQueries, ...peopleQueries },
  Mutation: {
    ...accessMutations,
    ...compositeSetMutations,
    ...applicationMutations,
    ...applicationStepMutations,
    ...peopleMutations,
  },
  DataGroup: {
    subgraph: (group) => group.subgraphs.join(", "),
    legalBases: (group) => legalBasesOfGroup(group.name),
  },
  Dataset: {
    __resolveReference: (reference, { loaders }) => loaders.datasetByCode.load(reference.code),
    provider: async (dataset, _args, { loaders }) => {
      const provider = await loaders.providerById.load(dataset.providerId);
      if (!provider) throw new Error(`Provider ${dataset.providerId} of dataset ${dataset.code} is missing`);
      return provider;
    },
    dataGroups: (dataset, _args, { dataGroups }) =>
      dataset.dataGroups.flatMap((name) => dataGroups.filter((group) => group.name === name)),
    legalBases: (dataset) => legalBasesOfGroups(dataset.dataGroups),
  },
  DatasetConnection: {
    nodes: (page) => page.rows,
    endCursor: (page) => {
      const last = page.rows.at(-1);
      return last ? encodeDatasetCursor(last.code) : null;
    },
  },
  Provider: {
    __resolveReference: (reference, { loaders }) => loaders.providerByCode.load(reference.code),
    datasets: (provider, _args, { loaders }) => loaders.datasetsByProvider.load(provider.id),
  },
};

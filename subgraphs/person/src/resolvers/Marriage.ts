import type { MarriageResolvers } from "../__generated__/resolvers-types";

export interface MarriageParent {
  spouseCode: string;
  marriedOn: string;
  place: string;
  divorcedOn: string | null;
}

export const Marriage: MarriageResolvers = {
  spouse: (marriage, _args, { loaders }) => loaders.visiblePerson.load(marriage.spouseCode),
};

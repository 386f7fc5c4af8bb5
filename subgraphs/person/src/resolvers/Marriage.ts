import type { MarriageResolvers } from "../__generated__/resolvers-types";

export interface MarriageParent {
  spouseCode: string;
  marriedOn: string;
  place: string;
  divorcedOn: string | null;
}

export const Marriage: MarriageResolvers = {
  spouse: async (marriage, _args, { loaders }) => {
    const spouse = await loaders.person.load(marriage.spouseCode);
    // A marriage row references both spouses, so a missing spouse is a broken register.
    if (!spouse) throw new Error(`Spouse ${marriage.spouseCode} of a marriage is missing from the register`);
    return spouse;
  },
};

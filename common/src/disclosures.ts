import type { ApolloServerPlugin } from "@apollo/server";

/** What one subgraph request disclosed: personal code (11 digits) → data groups. */
export type Disclosures = Map<string, Set<string>>;

/** Notes that `personCode` was disclosed with `dataGroups` (none: the person is still named). */
export function recordDisclosure(disclosures: Disclosures, personCode: string, dataGroups: Iterable<string>) {
  const groups = disclosures.get(personCode) ?? new Set<string>();
  for (const group of dataGroups) groups.add(group);
  disclosures.set(personCode, groups);
}

/**
 * Reports a subgraph request's disclosures in `extensions.disclosures`
 * (`[{ personCode, dataGroups }]`); the gateway merges those of one request into one audit
 * row per person and strips them before the response leaves.
 */
export const reportDisclosures: ApolloServerPlugin<{ disclosures: Disclosures }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        if (response.body.kind !== "single" || contextValue.disclosures.size === 0) return;
        response.body.singleResult.extensions = {
          ...response.body.singleResult.extensions,
          disclosures: [...contextValue.disclosures].map(([personCode, groups]) => ({
            personCode,
            dataGroups: [...groups].sort(),
          })),
        };
      },
    };
  },
};

import type { ApolloServerPlugin } from "@apollo/server";
import type { MonitoringContext } from "./context";

/**
 * Reports what this request's notifications disclosed in `extensions.disclosures`
 * (`[{ personCode, dataGroups }]`, codes as 11 digits like the person subgraph's), which the
 * gateway merges with the person data of the same request into one audit row per person and
 * strips before the response leaves.
 */
export const reportDisclosures: ApolloServerPlugin<MonitoringContext> = {
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

/** Notes that a notification of `personCode` about `dataGroups` was delivered. */
export function recordDisclosure(
  context: MonitoringContext,
  personCode: string,
  dataGroups: readonly string[],
) {
  const groups = context.disclosures.get(personCode) ?? new Set<string>();
  for (const group of dataGroups) groups.add(group);
  context.disclosures.set(personCode, groups);
}

import type { ApolloServerPlugin } from "@apollo/server";
import { directiveArgument, graphQLError, wrapFieldResolvers } from "@rnp/common";
import type { GraphQLSchema } from "graphql";
import type { PersonContext } from "./context";
import type { PersonRow } from "./repositories/personRepository";

/**
 * Enforces the grant again inside the subgraph (defence in depth) and records what is
 * disclosed: every Person field checks that its data group is granted and notes
 * (person, group); every root field needs a grant at all.
 */
export function enforceGrants(schema: GraphQLSchema): GraphQLSchema {
  return wrapFieldResolvers(schema, (resolve, field) => {
    if (field.typeName === "Query" && field.name !== "_service") {
      return (parent, args, context, info) => {
        if (!(context as PersonContext).identity.grant) {
          throw graphQLError(
            "GRANT_REQUIRED",
            "Person data is disclosed only under a grant: name one in the `Grant` header.",
          );
        }
        return resolve(parent, args, context, info);
      };
    }
    if (field.typeName !== "Person") return null;
    const group = directiveArgument(field, "dataGroup", "name")?.[0] ?? null;
    return (parent, args, context, info) => {
      const { identity, disclosures } = context as PersonContext;
      if (group && !identity.grant?.dataGroups.includes(group)) {
        throw graphQLError(
          "FORBIDDEN",
          `Person.${field.name} belongs to data group ${group}, which grant ${identity.grant?.number ?? "(none)"} does not cover.`,
        );
      }
      const code = (parent as PersonRow).personCode;
      const groups = disclosures.get(code) ?? new Set<string>();
      if (group) groups.add(group);
      disclosures.set(code, groups);
      return resolve(parent, args, context, info);
    };
  });
}

/** Reports the request's disclosures to the gateway in `extensions.disclosures`; the gateway audits and strips them. */
export const reportDisclosures: ApolloServerPlugin<PersonContext> = {
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

import {
  checkPersonCode,
  graphQLError,
  type RequestIdentity,
  recordDisclosure,
  SELF_ACCESS_GRANT_NUMBER,
  wrapFieldResolvers,
} from "@rnp/common";
import { accessMarksOfSchema, analyseRootField, entryPointGroupsOf } from "@rnp/policy/analysis";
import type { GraphQLSchema } from "graphql";
import type { PersonContext } from "./context";
import type { PersonRow } from "./repositories/personRepository";

/**
 * Personal codes of the persons a root field returned: a person row, or a page of
 * `PersonConnection` (its `personCodes`); nothing for `null`.
 */
function personCodesReturned(result: unknown): string[] {
  if (!result || typeof result !== "object") return [];
  if ("personCodes" in result && Array.isArray(result.personCodes)) return result.personCodes as string[];
  if ("personCode" in result && typeof result.personCode === "string") return [result.personCode];
  return [];
}

/**
 * The data subject's built-in access (a portal session reading "my data") reaches one
 * person, the signed-in one, through `person(personCode:)` only.
 */
function assertOwnLookUp(identity: RequestIdentity, field: string, args: Record<string, unknown>) {
  const asked = typeof args.personCode === "string" ? checkPersonCode(args.personCode) : null;
  if (field !== "person" || !asked?.valid || asked.code !== identity.actor?.personCode) {
    throw graphQLError("FORBIDDEN", "The data subject's own access shows their own data only.");
  }
}

/**
 * Enforces the grant again inside the subgraph (defence in depth) and records what is
 * disclosed: every Person field checks that its data group is granted and notes
 * (person, group); every Query root field needs a grant at all, and one marked
 * `@discloses(dataGroups:)` needs those groups too and notes them for each person it returns. Mutation root fields (register
 * changes) need no grant, as they disclose nothing, but the role of `@requiresRole`
 * (operators only when unmarked); person data selected in their results still needs a grant.
 */
export function enforceGrants(schema: GraphQLSchema): GraphQLSchema {
  // The same marks and analysis as the gateway's, read from this subgraph's own SDL.
  const marks = accessMarksOfSchema(schema);
  return wrapFieldResolvers(schema, (resolve, field) => {
    const coordinate = `${field.typeName}.${field.name}`;
    if (field.typeName === "Mutation") {
      const roles = marks.fieldRoles.get(coordinate) ?? ["OPERATOR"];
      return (parent, args, context, info) => {
        const { identity } = context as PersonContext;
        const role = identity.role;
        if (role !== "OPERATOR" && (!role || !roles.includes(role))) {
          throw graphQLError(
            role ? "FORBIDDEN" : "UNAUTHENTICATED",
            `Mutation.${field.name} needs an API key with role ${roles.join(" or ")}.`,
          );
        }
        // Refused before anything is written, rather than after, when the result's fields
        // would be refused one by one.
        const granted = identity.grant?.dataGroups ?? [];
        const ungranted = [...analyseRootField(info, marks).groups].find(
          ([group]) => !granted.includes(group),
        );
        if (ungranted) {
          const [group, needer] = ungranted;
          throw graphQLError(
            "FORBIDDEN",
            `${needer} belongs to data group ${group}, which this request has no grant for; nothing was changed. Select only \`personCode\` in the result of Mutation.${field.name} and read the person's data with \`person\` under a grant.`,
          );
        }
        return resolve(parent, args, context, info);
      };
    }
    if (marks.grantRootFields.has(coordinate)) {
      return async (parent, args, context, info) => {
        // As the gateway does: a marked argument needs its groups when written, and its
        // groups are audited when it was given a value (the search matched on it).
        const written = info.fieldNodes.flatMap((node) => node.arguments ?? []).map((a) => a.name.value);
        const needed = entryPointGroupsOf(marks, coordinate, written);
        const given = Object.keys(args).filter((name) => args[name] != null);
        const disclosed = entryPointGroupsOf(marks, coordinate, given);
        const { identity, disclosures } = context as PersonContext;
        if (!identity.grant) {
          throw graphQLError(
            "GRANT_REQUIRED",
            "Person data is disclosed only under a grant: name one in the `Grant` header.",
          );
        }
        if (identity.grant.number === SELF_ACCESS_GRANT_NUMBER) assertOwnLookUp(identity, field.name, args);
        const ungranted = needed.find((group) => !identity.grant?.dataGroups.includes(group));
        if (ungranted) {
          throw graphQLError(
            "FORBIDDEN",
            `Query.${field.name} discloses data group ${ungranted} of every person it returns, which grant ${identity.grant.number} does not cover. Use a grant that covers ${ungranted}.`,
            { field: `Query.${field.name}`, dataGroup: ungranted },
          );
        }
        const result = await resolve(parent, args, context, info);
        // Every person the entry point returns is disclosed with these groups, even when
        // no field of theirs is selected (a cursor or a bare `personCode` still names them).
        for (const code of disclosed.length > 0 ? personCodesReturned(result) : []) {
          recordDisclosure(disclosures, code, disclosed);
        }
        return result;
      };
    }
    if (field.typeName !== "Person") return null;
    const group = marks.fieldGroups.get(coordinate) ?? null;
    return (parent, args, context, info) => {
      const { identity, disclosures } = context as PersonContext;
      if (
        identity.grant?.number === SELF_ACCESS_GRANT_NUMBER &&
        (parent as PersonRow).personCode !== identity.actor?.personCode
      ) {
        throw graphQLError("FORBIDDEN", "The data subject's own access shows their own data only.");
      }
      if (group && !identity.grant?.dataGroups.includes(group)) {
        throw graphQLError(
          "FORBIDDEN",
          `Person.${field.name} belongs to data group ${group}, which grant ${identity.grant?.number ?? "(none)"} does not cover.`,
        );
      }
      recordDisclosure(disclosures, (parent as PersonRow).personCode, group ? [group] : []);
      return resolve(parent, args, context, info);
    };
  });
}

import {
  checkPersonCode,
  directiveArgument,
  type RequestIdentity,
  recordDisclosure,
  SELF_ACCESS_GRANT_NUMBER,
  wrapFieldResolvers,
} from "@rnp/common";
import { graphQLError } from "@rnp/policy/errors";
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from "graphql";
import type { PersonContext } from "./context";
import type { PersonRow } from "./repositories/personRepository";

interface Ungranted {
  coordinate: string;
  group: string;
}

/**
 * The first field below a root field whose data group the grant does not cover (fragments
 * included), or null. Lets a mutation be refused before it writes anything, rather than
 * after, when its result's fields would be refused one by one.
 */
function firstUngrantedField(info: GraphQLResolveInfo, granted: readonly string[]): Ungranted | null {
  const visit = (type: GraphQLNamedType | undefined | null, set: SelectionSetNode): Ungranted | null => {
    if (!type) return null;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!isObjectType(type) && !isInterfaceType(type)) continue;
        const field = type.getFields()[selection.name.value];
        if (!field) continue;
        const group = directiveArgument(field, "dataGroup", "name")?.[0];
        if (group && !granted.includes(group)) return { coordinate: `${type.name}.${field.name}`, group };
        if (selection.selectionSet) {
          const found = visit(getNamedType(field.type), selection.selectionSet);
          if (found) return found;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? info.schema.getType(selection.typeCondition.name.value) : type;
        const found = visit(on, selection.selectionSet);
        if (found) return found;
      } else {
        const fragment = info.fragments[selection.name.value];
        if (!fragment) continue;
        const found = visit(info.schema.getType(fragment.typeCondition.name.value), fragment.selectionSet);
        if (found) return found;
      }
    }
    return null;
  };
  for (const node of info.fieldNodes) {
    const found = node.selectionSet ? visit(getNamedType(info.returnType), node.selectionSet) : null;
    if (found) return found;
  }
  return null;
}

/** `[argument name, data groups]` of a field's arguments marked `@discloses(dataGroups:)`. */
function argumentDisclosures(field: object): [string, string[]][] {
  const args = (field as Partial<GraphQLField<unknown, unknown>>).args ?? [];
  return args.flatMap((argument) => {
    const groups = directiveArgument(argument, "discloses", "dataGroups");
    return groups ? [[argument.name, groups] as [string, string[]]] : [];
  });
}

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
  return wrapFieldResolvers(schema, (resolve, field) => {
    if (field.typeName === "Mutation") {
      const roles = directiveArgument(field, "requiresRole", "anyOf") ?? ["OPERATOR"];
      return (parent, args, context, info) => {
        const { identity } = context as PersonContext;
        const role = identity.role;
        if (role !== "OPERATOR" && (!role || !roles.includes(role))) {
          throw graphQLError(
            role ? "FORBIDDEN" : "UNAUTHENTICATED",
            `Mutation.${field.name} needs an API key with role ${roles.join(" or ")}.`,
          );
        }
        const ungranted = firstUngrantedField(info, identity.grant?.dataGroups ?? []);
        if (ungranted) {
          throw graphQLError(
            "FORBIDDEN",
            `${ungranted.coordinate} belongs to data group ${ungranted.group}, which this request has no grant for; nothing was changed. Select only \`personCode\` in the result of Mutation.${field.name} and read the person's data with \`person\` under a grant.`,
          );
        }
        return resolve(parent, args, context, info);
      };
    }
    if (field.typeName === "Query" && field.name !== "_service") {
      const fieldDisclosed = directiveArgument(field, "discloses", "dataGroups") ?? [];
      const argumentMarks = argumentDisclosures(field);
      return async (parent, args, context, info) => {
        // As the gateway does: a marked argument needs its groups when written, and its
        // groups are audited when it was given a value (the search matched on it).
        const written = new Set(
          info.fieldNodes.flatMap((node) => node.arguments ?? []).map((a) => a.name.value),
        );
        const needed = [
          ...fieldDisclosed,
          ...argumentMarks.flatMap(([name, groups]) => (written.has(name) ? groups : [])),
        ];
        const disclosed = [
          ...fieldDisclosed,
          ...argumentMarks.flatMap(([name, groups]) => (args[name] != null ? groups : [])),
        ];
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
    const group = directiveArgument(field, "dataGroup", "name")?.[0] ?? null;
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

import {
  dataGroupsOf,
  entryPointDisclosuresOf,
  fieldDataGroups,
  fieldRolesOf,
  rootFieldsServedBy,
} from "@rnp/schema";
import {
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  isObjectType,
  Kind,
  parse,
} from "graphql";

/**
 * The access marks of a schema, by schema coordinate: what the SDL says each field and
 * argument needs. Read once per schema; the analysis of every document reads only these.
 */
export interface AccessMarks {
  /** `Person.surname` → `NAME`: fields marked `@dataGroup(name:)`. */
  fieldGroups: ReadonlyMap<string, string>;
  /**
   * `Query.residents` → `["ADDRESS"]`: root fields whose selecting argument reveals these
   * groups; `Query.searchPersons(addressCode:)` → `["ADDRESS"]` for a marked argument
   * (`@discloses(dataGroups:)` on the field or on the argument).
   */
  entryPointGroups: ReadonlyMap<string, readonly string[]>;
  /** `Mutation.createGrant` → `["OPERATOR"]`: fields marked `@requiresRole(anyOf:)`. */
  fieldRoles: ReadonlyMap<string, readonly string[]>;
  /** Root field coordinates that run under a grant (`Query.person`, `Mutation.createMonitoringSet`). */
  grantRootFields: ReadonlySet<string>;
  /** Root field coordinates that read persons (those the person subgraph serves, `Query.person`). */
  personRootFields: ReadonlySet<string>;
}

const rootCoordinates = (fields: Iterable<string>, rootType: string) =>
  [...fields].map((field) => `${rootType}.${field}`);

/**
 * The marks of a supergraph (its SDL, with the `@join__*` marks that say which subgraph
 * serves what). Person and monitoring root fields run under a grant. Throws when a mark
 * names a data group that `DataGroupName` does not declare, so a typo fails at start.
 */
export function accessMarksOf(supergraphSdl: string | DocumentNode): AccessMarks {
  const sdl = typeof supergraphSdl === "string" ? parse(supergraphSdl) : supergraphSdl;
  const personRootFields = rootCoordinates(rootFieldsServedBy(sdl, "person"), "Query");
  return {
    fieldGroups: fieldDataGroups(dataGroupsOf(sdl)),
    entryPointGroups: entryPointDisclosuresOf(sdl),
    fieldRoles: fieldRolesOf(sdl),
    grantRootFields: new Set([
      ...personRootFields,
      ...rootCoordinates(rootFieldsServedBy(sdl, "monitoring"), "Query"),
      ...rootCoordinates(rootFieldsServedBy(sdl, "monitoring", "Mutation"), "Mutation"),
    ]),
    personRootFields: new Set(personRootFields),
  };
}

/** The string values of a directive's argument (one string, an enum value, or a list of strings). */
function strings(directives: readonly ConstDirectiveNode[] | undefined, name: string, argument: string) {
  const value = directives
    ?.find((d) => d.name.value === name)
    ?.arguments?.find((a) => a.name.value === argument)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return [value.value];
  if (value?.kind === Kind.LIST)
    return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
  return null;
}

/**
 * The marks of the person subgraph's executable schema (`buildSubgraphSchema`), read from
 * the SDL nodes of its fields and arguments: the subgraph checks again what the gateway
 * checked, from the same marks. Every `Query` root field but `_service` reads persons and
 * runs under a grant (`_entities` included: it resolves persons the gateway names).
 */
export function accessMarksOfSchema(schema: GraphQLSchema): AccessMarks {
  const fieldGroups = new Map<string, string>();
  const entryPointGroups = new Map<string, string[]>();
  const fieldRoles = new Map<string, string[]>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const directives = field.astNode?.directives;
      const group = strings(directives, "dataGroup", "name")?.[0];
      if (group) fieldGroups.set(coordinate, group);
      const disclosed = strings(directives, "discloses", "dataGroups");
      if (disclosed) entryPointGroups.set(coordinate, disclosed);
      const roles = strings(directives, "requiresRole", "anyOf");
      if (roles) fieldRoles.set(coordinate, roles);
      for (const argument of field.args) {
        const byArgument = strings(argument.astNode?.directives, "discloses", "dataGroups");
        if (byArgument) entryPointGroups.set(`${coordinate}(${argument.name}:)`, byArgument);
      }
    }
  }
  const queryFields = Object.keys(schema.getQueryType()?.getFields() ?? {})
    .filter((name) => name !== "_service")
    .map((name) => `Query.${name}`);
  return {
    fieldGroups,
    entryPointGroups,
    fieldRoles,
    grantRootFields: new Set(queryFields),
    personRootFields: new Set(queryFields),
  };
}

/** A data group a root field needs, and the coordinate (field or argument) that needs it. */
export interface EntryPointNeed {
  group: string;
  /** `Query.residents`, or `Query.searchPersons(documentNumber:)` for a marked argument. */
  coordinate: string;
}

/**
 * The data groups a root field discloses of every person it returns, given the arguments
 * named: the field's own `@discloses` groups, then those of each named argument that is
 * marked. The gateway and the subgraph pass the arguments *written* in the document to
 * find what is needed (a refusal must not depend on, and so tell, what a search found),
 * and the subgraph passes those *given a value* to find what is audited.
 */
export function entryPointNeeds(
  marks: Pick<AccessMarks, "entryPointGroups">,
  coordinate: string,
  argumentNames: Iterable<string>,
): EntryPointNeed[] {
  const needs = (marks.entryPointGroups.get(coordinate) ?? []).map((group) => ({ group, coordinate }));
  for (const name of argumentNames) {
    const argument = `${coordinate}(${name}:)`;
    for (const group of marks.entryPointGroups.get(argument) ?? [])
      needs.push({ group, coordinate: argument });
  }
  return needs;
}

/** The distinct groups of `entryPointNeeds`. */
export function entryPointGroupsOf(
  marks: Pick<AccessMarks, "entryPointGroups">,
  coordinate: string,
  argumentNames: Iterable<string>,
): string[] {
  return [...new Set(entryPointNeeds(marks, coordinate, argumentNames).map((need) => need.group))];
}

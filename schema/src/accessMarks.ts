import { type ConstDirectiveNode, type DocumentNode, Kind, parse } from "graphql";

function stringArguments(directive: ConstDirectiveNode, name: string): string[] {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return [value.value];
  if (value?.kind === Kind.LIST)
    return value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
  return [];
}

function document(sdl: string | DocumentNode): DocumentNode {
  return typeof sdl === "string" ? parse(sdl) : sdl;
}

/** Schema coordinate → roles allowed, from the `@requiresRole(anyOf:)` marks of a supergraph. */
export function fieldRolesOf(supergraphSdl: string | DocumentNode): Map<string, string[]> {
  const roles = new Map<string, string[]>();
  for (const definition of document(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const mark = field.directives?.find((d) => d.name.value === "requiresRole");
      if (mark) roles.set(`${definition.name.value}.${field.name.value}`, stringArguments(mark, "anyOf"));
    }
  }
  return roles;
}

/** Names of the root fields (of `rootType`) that the named subgraph serves. */
export function rootFieldsServedBy(
  supergraphSdl: string | DocumentNode,
  subgraph: string,
  rootType = "Query",
): Set<string> {
  const doc = document(supergraphSdl);
  const graphs = new Map<string, string>();
  for (const definition of doc.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== "join__Graph") continue;
    for (const value of definition.values ?? []) {
      const mark = value.directives?.find((d) => d.name.value === "join__graph");
      if (mark) graphs.set(value.name.value, stringArguments(mark, "name")[0] ?? "");
    }
  }
  const fields = new Set<string>();
  for (const definition of doc.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== rootType) continue;
    for (const field of definition.fields ?? []) {
      const served = (field.directives ?? [])
        .filter((d) => d.name.value === "join__field")
        .flatMap((d) => stringArguments(d, "graph"))
        .map((graph) => graphs.get(graph));
      if (served.includes(subgraph)) fields.add(field.name.value);
    }
  }
  return fields;
}

/**
 * Root field coordinate (`Query.residents`) → the data groups its selecting argument
 * reveals, from the `@discloses(dataGroups:)` marks of a supergraph; a mark on an argument
 * under the argument's coordinate (`Query.searchPersons(addressCode:)`). Throws when a mark
 * names a group that `DataGroupName` does not declare, so a typo fails the composition checks.
 */
export function entryPointDisclosuresOf(supergraphSdl: string | DocumentNode): Map<string, string[]> {
  const doc = document(supergraphSdl);
  const known = new Set<string>();
  for (const definition of doc.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === "DataGroupName")
      for (const value of definition.values ?? []) known.add(value.name.value);
  }
  const marks = new Map<string, string[]>();
  for (const definition of doc.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const field of definition.fields ?? []) {
      const fieldCoordinate = `${definition.name.value}.${field.name.value}`;
      const marked = [
        { coordinate: fieldCoordinate, directives: field.directives },
        ...(field.arguments ?? []).map((argument) => ({
          coordinate: `${fieldCoordinate}(${argument.name.value}:)`,
          directives: argument.directives,
        })),
      ];
      for (const { coordinate, directives } of marked) {
        const mark = directives?.find((d) => d.name.value === "discloses");
        if (!mark) continue;
        const groups = stringArguments(mark, "dataGroups");
        for (const group of groups) {
          if (!known.has(group))
            throw new Error(
              `${coordinate} is marked @discloses(dataGroups: ["${group}"]), which DataGroupName does not declare`,
            );
        }
        marks.set(coordinate, groups);
      }
    }
  }
  return marks;
}

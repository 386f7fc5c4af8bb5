import {
  type ConstDirectiveNode,
  type DocumentNode,
  Kind,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  parse,
  print,
} from "graphql";

export interface DataGroupField {
  /** Schema coordinate, e.g. `Person.surname`. */
  coordinate: string;
  type: string;
  description: string | null;
}

export interface DataGroupDefinition {
  name: string;
  description: string;
  fields: DataGroupField[];
  /** Names of the subgraphs that serve the group's fields. */
  subgraphs: string[];
}

function argumentValue(directive: ConstDirectiveNode, name: string): string | undefined {
  const argument = directive.arguments?.find((a) => a.name.value === name);
  if (argument?.value.kind === Kind.STRING || argument?.value.kind === Kind.ENUM) return argument.value.value;
  return undefined;
}

function directives(node: { directives?: readonly ConstDirectiveNode[] }, name: string) {
  return (node.directives ?? []).filter((d) => d.name.value === name);
}

/**
 * Reads the data groups from a supergraph: each field marked `@dataGroup(name:)` belongs to
 * that group; a group's description is the description of its `DataGroupName` enum value;
 * the serving subgraph comes from the `@join__field` / `@join__type` marks. Throws when a
 * field names a group the enum does not declare, so a typo fails composition checks.
 */
export function dataGroupsOf(supergraphSdl: string | DocumentNode): DataGroupDefinition[] {
  const document = typeof supergraphSdl === "string" ? parse(supergraphSdl) : supergraphSdl;
  const graphNames = new Map<string, string>();
  const groups = new Map<string, DataGroupDefinition>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    for (const value of definition.values ?? []) {
      if (definition.name.value === "join__Graph") {
        const name = directives(value, "join__graph")[0];
        if (name) graphNames.set(value.name.value, argumentValue(name, "name") ?? value.name.value);
      }
      if (definition.name.value === "DataGroupName") {
        groups.set(value.name.value, {
          name: value.name.value,
          description: value.description?.value ?? "",
          fields: [],
          subgraphs: [],
        });
      }
    }
  }
  const objectTypes = document.definitions.filter(
    (d): d is ObjectTypeDefinitionNode | ObjectTypeExtensionNode =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION,
  );
  for (const type of objectTypes) {
    const typeGraphs = directives(type, "join__type").map((d) => argumentValue(d, "graph"));
    for (const field of type.fields ?? []) {
      for (const mark of directives(field, "dataGroup")) {
        const groupName = argumentValue(mark, "name") ?? "";
        const group = groups.get(groupName);
        const coordinate = `${type.name.value}.${field.name.value}`;
        if (!group) {
          throw new Error(
            `${coordinate} is marked @dataGroup(name: "${groupName}"), which DataGroupName does not declare`,
          );
        }
        group.fields.push({
          coordinate,
          type: print(field.type),
          description: field.description?.value ?? null,
        });
        const fieldGraphs = directives(field, "join__field").map((d) => argumentValue(d, "graph"));
        for (const graph of fieldGraphs.length > 0 ? fieldGraphs : typeGraphs) {
          const subgraph = graph ? (graphNames.get(graph) ?? graph.toLowerCase()) : undefined;
          if (subgraph && !group.subgraphs.includes(subgraph)) group.subgraphs.push(subgraph);
        }
      }
    }
  }
  return [...groups.values()];
}

/** Schema coordinate (`Person.surname`) → data group name, for the fields that have one. */
export function fieldDataGroups(groups: DataGroupDefinition[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) for (const field of group.fields) map.set(field.coordinate, group.name);
  return map;
}

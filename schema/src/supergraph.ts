/**
 * The committed supergraph and its data groups, for readers at run time. Kept apart from
 * `./compose` so that reading the list does not load `@apollo/composition`.
 */
import { readFileSync } from "node:fs";
import { dataGroupsOf } from "./dataGroups";
import { supergraphPath } from "./subgraphs";

/** The committed supergraph SDL (`schema/supergraph.graphql`). */
export function loadSupergraphSdl(): string {
  return readFileSync(supergraphPath, "utf8");
}

/** Names of every data group of the committed supergraph, in declaration order. */
export function allDataGroupNames(): string[] {
  return dataGroupsOf(loadSupergraphSdl()).map((group) => group.name);
}

import { readFileSync } from "node:fs";
import { supergraphPath } from "./subgraphs";

export * from "./accessMarks";
export { composeSupergraph } from "./compose";
export * from "./dataGroups";
export * from "./subgraphs";

/** The committed supergraph SDL (`schema/supergraph.graphql`). */
export function loadSupergraphSdl(): string {
  return readFileSync(supergraphPath, "utf8");
}

import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import { subgraphSdl, subgraphs } from "./subgraphs";

/**
 * Composes the subgraph SDL files into the supergraph SDL. Throws with every composition
 * error listed when the subgraphs do not compose.
 */
export function composeSupergraph(): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.defaultUrl,
      typeDefs: parse(subgraphSdl(subgraph.name)),
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}

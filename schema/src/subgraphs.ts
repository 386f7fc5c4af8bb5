import { fileURLToPath } from "node:url";

/** The subgraphs composed into the supergraph, with the URL each listens on by default. */
export const subgraphs = [
  { name: "person", defaultUrl: "http://127.0.0.1:4001/graphql" },
  { name: "catalog", defaultUrl: "http://127.0.0.1:4002/graphql" },
  { name: "monitoring", defaultUrl: "http://127.0.0.1:4003/graphql" },
] as const;

export type SubgraphName = (typeof subgraphs)[number]["name"];

export function subgraphSdlPath(name: SubgraphName): string {
  return fileURLToPath(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url));
}

export const supergraphPath = fileURLToPath(new URL("../supergraph.graphql", import.meta.url));

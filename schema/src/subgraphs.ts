import { fileURLToPath } from "node:url";
import { readSdlFolder } from "./sdl";

/** The subgraphs composed into the supergraph, with the URL each listens on by default. */
export const subgraphs = [
  { name: "person", defaultUrl: "http://127.0.0.1:4001/graphql" },
  { name: "catalog", defaultUrl: "http://127.0.0.1:4002/graphql" },
  { name: "monitoring", defaultUrl: "http://127.0.0.1:4003/graphql" },
] as const;

export type SubgraphName = (typeof subgraphs)[number]["name"];

/** The folder holding a subgraph's SDL files (`subgraphs/<name>/schema/*.graphql`). */
export function subgraphSdlFolder(name: SubgraphName): string {
  return fileURLToPath(new URL(`../../subgraphs/${name}/schema`, import.meta.url));
}

/** A subgraph's whole SDL, its files joined. */
export function subgraphSdl(name: SubgraphName): string {
  return readSdlFolder(subgraphSdlFolder(name));
}

export const supergraphPath = fileURLToPath(new URL("../supergraph.graphql", import.meta.url));

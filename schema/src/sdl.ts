import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A subgraph's SDL, kept as one `.graphql` file per concern in its `schema/` folder, read in
 * file-name order and joined. A feature adds its own file (with `extend type Query` and
 * `extend type Mutation` for its root fields) instead of growing a shared one.
 */
export function readSdlFolder(folder: string | URL): string {
  const dir = typeof folder === "string" ? folder : fileURLToPath(folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".graphql"))
    .sort()
    .map((name) => readFileSync(path.join(dir, name), "utf8"))
    .join("\n");
}

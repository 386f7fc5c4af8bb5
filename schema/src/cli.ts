import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { composeSupergraph } from "./compose";
import { supergraphPath } from "./subgraphs";

const usage = `Usage: pnpm compose [--check]

Composes subgraphs/*/schema.graphql into schema/supergraph.graphql with @apollo/composition.
  --check   write nothing; exit 1 when the committed supergraph is stale or composition fails
  --help    show this text`;

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(usage);
  process.exit(0);
}
const unknown = args.filter((arg) => arg !== "--check");
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown.join(" ")}\n\n${usage}`);
  process.exit(2);
}

try {
  const supergraph = composeSupergraph();
  const current = existsSync(supergraphPath) ? readFileSync(supergraphPath, "utf8") : "";
  if (args.includes("--check")) {
    if (current !== supergraph) {
      console.error("schema/supergraph.graphql is stale: run `pnpm compose` and commit the result.");
      process.exit(1);
    }
    console.log("schema/supergraph.graphql is up to date.");
  } else if (current === supergraph) {
    console.log("schema/supergraph.graphql is already up to date.");
  } else {
    writeFileSync(supergraphPath, supergraph);
    console.log("Wrote schema/supergraph.graphql.");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

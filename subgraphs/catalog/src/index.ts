import { runSubgraphProcess } from "@rnp/db/process";
import { createCatalogSubgraph } from "./server";

await runSubgraphProcess("catalog", 4002, createCatalogSubgraph);

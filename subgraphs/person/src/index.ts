import { runSubgraphProcess } from "@rnp/db/process";
import { createPersonSubgraph } from "./server";

await runSubgraphProcess("person", 4001, createPersonSubgraph);

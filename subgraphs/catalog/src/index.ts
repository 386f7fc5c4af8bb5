import { runSubgraphProcess } from "@rnp/db/process";
import { createCatalogSubgraph } from "./server";

// The onboarding steps depend on the platform's environment, as the gateway's grants do.
const environment = process.env.PLATFORM_ENVIRONMENT === "PRODUCTION" ? "PRODUCTION" : "TEST";
await runSubgraphProcess("catalog", 4002, (options) => createCatalogSubgraph({ ...options, environment }));

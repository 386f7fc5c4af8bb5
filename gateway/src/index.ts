import { stopOnSignals } from "@rnp/common";
import { subgraphs } from "@rnp/schema";
import { createGatewayServer } from "./server";

// Each subgraph's URL comes from <NAME>_SUBGRAPH_URL, e.g. PERSON_SUBGRAPH_URL.
const subgraphUrls = Object.fromEntries(
  subgraphs.map((subgraph) => [
    subgraph.name,
    process.env[`${subgraph.name.toUpperCase()}_SUBGRAPH_URL`] ?? subgraph.defaultUrl,
  ]),
);
// GATEWAY_FETCHER=default selects the gateway's own HTTP client (the benchmark's baseline).
const fetcher = process.env.GATEWAY_FETCHER === "default" ? "default" : "undici";
const server = await createGatewayServer({ subgraphUrls, fetcher });
const url = await server.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? "127.0.0.1");
console.log(`gateway ready at ${url}`);
stopOnSignals(server.stop);

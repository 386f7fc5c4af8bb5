import { accessControlFromEnv, signingSecretFromEnv, stopOnSignals } from "@rnp/common";
import { startPersonSubgraph } from "./server";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "Set DATABASE_URL to the register's PostgreSQL (or start the whole platform with `pnpm start`).",
  );
  process.exit(1);
}
const { url, stop } = await startPersonSubgraph({
  databaseUrl,
  signingSecret: signingSecretFromEnv(),
  accessControl: accessControlFromEnv(),
  port: Number(process.env.PORT ?? 4001),
  host: process.env.HOST ?? "127.0.0.1",
});
console.log(`person subgraph ready at ${url}`);
stopOnSignals(stop);

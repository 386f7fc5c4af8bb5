import { writeFile } from "node:fs/promises";
import { commandLine, isPublicBaseUrl } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { databaseFromEnv } from "@rnp/db/embedded";
import { dataGroupsOf, loadSupergraphSdl } from "@rnp/schema";
import { loadDcatCatalog } from "../dcat/dcatRoute";

const usage = `Usage: pnpm catalog:dcat [--base-url URL] [--out FILE]

Prints the catalog as DCAT-AP 3.0 JSON-LD: the same document the gateway serves at
GET /catalog/dcat-ap.jsonld, read from the catalog tables now. Exit code 0 when written,
1 when the catalog cannot be read, 2 on bad arguments.

--base-url URL  the gateway's public base URL, which every IRI starts with
                (default PUBLIC_BASE_URL, else http://127.0.0.1:4000)
--out FILE      write the document to FILE instead of standard output
Database: DATABASE_URL, else the embedded PostgreSQL in .data/postgres.`;

const { values, fail } = commandLine({
  usage,
  options: { "base-url": { type: "string" }, out: { type: "string" } },
});
const baseUrl = values["base-url"] ?? (process.env.PUBLIC_BASE_URL || "http://127.0.0.1:4000");
if (!isPublicBaseUrl(baseUrl)) fail(`--base-url must be an http(s) URL without query; got "${baseUrl}".`);

const server = await databaseFromEnv({ log: (line) => console.error(line) });
const database = createDatabase(server.url, { max: 1, applicationName: "rnp-catalog-dcat" });
let exitCode = 0;
try {
  const document = await loadDcatCatalog(database.db, dataGroupsOf(loadSupergraphSdl()), baseUrl);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, text);
    console.error(`Wrote the DCAT-AP catalog to ${values.out}.`);
  } else {
    process.stdout.write(text);
  }
} catch (error) {
  console.error(
    `Could not read the catalog: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL.`,
  );
  exitCode = 1;
} finally {
  await database.close();
  await server.stop();
}
process.exit(exitCode);

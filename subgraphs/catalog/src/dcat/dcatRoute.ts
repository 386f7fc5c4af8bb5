import type { IncomingMessage, ServerResponse } from "node:http";
import {
  createIdentityVerifier,
  DCAT_BASE_PARAMETER,
  DCAT_PATH,
  dcatRequestBinding,
  identityOf,
  isPublicBaseUrl,
  partLogger,
  type SigningKeys,
} from "@rnp/common";
import type { Database } from "@rnp/db";
import type { DataGroupDefinition } from "@rnp/schema";
import { findDatasets, findProviders } from "../repositories/catalogRepository";
import { buildDcatCatalog } from "./dcatCatalog";

/** The catalog's DCAT-AP document, read from the catalog tables now. */
export async function loadDcatCatalog(db: Database, dataGroups: DataGroupDefinition[], baseUrl: string) {
  const [providers, datasets] = await Promise.all([findProviders(db), findDatasets(db)]);
  return buildDcatCatalog({ baseUrl, providers, datasets, dataGroups });
}

function send(response: ServerResponse, status: number, type: string, body: string) {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}

// The shape of the project's other HTTP refusals (a GraphQL response with only errors).
const refusal = (code: string, message: string) =>
  JSON.stringify({ errors: [{ message, extensions: { code } }] });

/**
 * `GET /catalog/dcat-ap.jsonld?base=URL` on the catalog subgraph: the document the gateway
 * serves at the same path. Like the subgraph's GraphQL endpoint it answers only a call that
 * carries the gateway's signed identity (an anonymous one is enough: the catalog is public);
 * any other caller gets 401 and is told to ask the gateway.
 */
export function dcatRoutes(options: {
  db: Database;
  dataGroups: DataGroupDefinition[];
  signingSecret: SigningKeys;
  /** false: no identity check (benchmark baseline only). */
  accessControl: boolean;
}) {
  const verifier = createIdentityVerifier({ keys: options.signingSecret, audience: "catalog" });
  return {
    [DCAT_PATH]: async (request: IncomingMessage, response: ServerResponse) => {
      const pathAndQuery = request.url ?? DCAT_PATH;
      if (options.accessControl) {
        try {
          await identityOf(request, dcatRequestBinding(pathAndQuery), verifier);
        } catch (error) {
          const message = error instanceof Error ? error.message : "Refused.";
          return send(response, 401, "application/json", refusal("UNAUTHENTICATED", message));
        }
      }
      const base = new URL(pathAndQuery, "http://catalog").searchParams.get(DCAT_BASE_PARAMETER);
      if (!base || !isPublicBaseUrl(base)) {
        return send(
          response,
          400,
          "application/json",
          refusal("BAD_USER_INPUT", `Pass the public base URL as ?${DCAT_BASE_PARAMETER}=http(s)://host.`),
        );
      }
      try {
        const document = await loadDcatCatalog(options.db, options.dataGroups, base);
        send(response, 200, "application/ld+json; charset=utf-8", `${JSON.stringify(document, null, 2)}\n`);
      } catch (error) {
        partLogger("catalog").error({ err: error }, "the DCAT-AP document could not be built");
        send(
          response,
          503,
          "application/json",
          refusal("INTERNAL_SERVER_ERROR", "The catalog could not be read just now; try again shortly."),
        );
      }
    },
  };
}

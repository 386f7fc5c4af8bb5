import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  DCAT_BASE_PARAMETER,
  DCAT_PATH,
  dcatRequestBinding,
  IDENTITY_HEADER,
  isPublicBaseUrl,
  partLogger,
  SDL_PATH,
  type SigningKeys,
  signIdentity,
} from "@rnp/common";
import { sendRefusal } from "@rnp/policy/errors";
import { type GraphQLSchema, printSchema } from "graphql";
import { anonymousIdentity } from "../access/dataSource";

export interface CatalogRoutesOptions {
  /** The catalog subgraph's GraphQL URL; the DCAT document is fetched from the same origin. */
  catalogUrl: string;
  /** Keys to sign the anonymous identity the catalog subgraph asks for. */
  signingSecret: SigningKeys;
  /**
   * The gateway's public base URL, which every IRI of the document starts with; default
   * PUBLIC_BASE_URL, else `http://` and the request's Host header.
   */
  publicUrl?: string;
  /** The API schema once loaded, printed as the SDL the datasets conform to. */
  apiSchema: () => GraphQLSchema | undefined;
  /** Longest wait for the catalog subgraph (default 10 s). */
  timeoutMs?: number;
}

/** A Host header we would put into IRIs: a name or address and an optional port, nothing else. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The public catalog documents, served without credentials and outside the GraphQL pipeline
 * (they disclose no person data): `GET /catalog/dcat-ap.jsonld`, the DCAT-AP 3 JSON-LD that
 * the catalog subgraph builds from its tables, and `GET /catalog/schema.graphql`, the API's SDL
 * (the `dct:conformsTo` of every dataset). The SDL is served in production too: it is the
 * datasets' public documentation, though introspection stays off there.
 */
export function catalogRoutes(options: CatalogRoutesOptions) {
  const configured = options.publicUrl || process.env.PUBLIC_BASE_URL || undefined;
  if (configured !== undefined && !isPublicBaseUrl(configured)) {
    throw new Error(
      `PUBLIC_BASE_URL must be an http(s) URL without query, e.g. https://register.example.lv; got "${configured}".`,
    );
  }
  const baseUrlOf = (request: IncomingMessage): string | null => {
    if (configured) return configured.replace(/\/+$/, "");
    const host = request.headers.host;
    return host && HOST.test(host) ? `http://${host}` : null;
  };
  return {
    [DCAT_PATH]: async (request: IncomingMessage, response: ServerResponse) => {
      const base = baseUrlOf(request);
      if (!base) {
        return sendRefusal(
          response,
          "BAD_USER_INPUT",
          "Send a Host header naming this server (host or host:port).",
        );
      }
      const pathAndQuery = `${DCAT_PATH}?${new URLSearchParams({ [DCAT_BASE_PARAMETER]: base })}`;
      try {
        // The catalog is public, yet the subgraph answers only the gateway: an anonymous
        // identity, bound to this exact request like every forwarded call.
        const token = await signIdentity(anonymousIdentity(randomUUID()), {
          keys: options.signingSecret,
          audience: "catalog",
          body: dcatRequestBinding(pathAndQuery),
        });
        const upstream = await fetch(new URL(pathAndQuery, options.catalogUrl), {
          headers: { [IDENTITY_HEADER]: token },
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        response.writeHead(upstream.status, {
          "content-type": upstream.headers.get("content-type") ?? "application/json",
          "cache-control": "no-store",
        });
        response.end(await upstream.text());
      } catch (error) {
        partLogger("gateway").error({ err: error }, "the catalog subgraph did not answer the DCAT request");
        sendRefusal(
          response,
          "SUBGRAPH_UNAVAILABLE",
          "The catalog is unavailable just now; try again shortly.",
        );
      }
    },
    [SDL_PATH]: async (_request: IncomingMessage, response: ServerResponse) => {
      const schema = options.apiSchema();
      if (!schema)
        return sendRefusal(
          response,
          "SUBGRAPH_UNAVAILABLE",
          "The schema is not loaded yet; try again shortly.",
        );
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      response.end(`${printSchema(schema)}\n`);
    },
  };
}

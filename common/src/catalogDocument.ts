/**
 * The public catalog documents the gateway serves without credentials, and how it asks the
 * catalog subgraph for them: one contract for both sides (neither imports the other).
 */

/** The DCAT-AP 3 JSON-LD document, on the gateway and on the catalog subgraph. */
export const DCAT_PATH = "/catalog/dcat-ap.jsonld";

/** The GraphQL schema (SDL) the catalog's datasets conform to, on the gateway. */
export const SDL_PATH = "/catalog/schema.graphql";

/** The query parameter the gateway passes its public base URL in, e.g. `?base=https://…`. */
export const DCAT_BASE_PARAMETER = "base";

/**
 * What the gateway's identity token for a DCAT request is bound to (in place of a body): the
 * request's path and query, so a token captured for one request fits no other.
 */
export const dcatRequestBinding = (pathAndQuery: string) => `GET ${pathAndQuery}`;

/** A public base URL as the documents use it: http(s), a host, an optional path, no query. */
export const isPublicBaseUrl = (text: string) => /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(text);

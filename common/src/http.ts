import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ApolloServer, type BaseContext, HeaderMap } from "@apollo/server";
import { type SigningKeys, signingKeysFromEnv } from "./identity";
import { type Logger, rootLogger } from "./observability/logger";
import { currentRequestScope } from "./requestScope";

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

export interface GraphQLRequestHandlerOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /**
   * Builds the per-request context from the request and its body as received (the identity
   * token is bound to it); throwing a GraphQLError refuses the request with it.
   */
  context: (request: IncomingMessage, body: string) => Promise<TContext>;
  /** Backs `GET /health/ready`; `GET /health/live` answers as long as the process serves HTTP. */
  readiness?: () => Promise<ReadinessReport>;
  /** Largest request body accepted; larger ones get HTTP 413. Default 5 MiB. */
  maxBodyBytes?: number;
  /** Where an unexpected failure is logged (redacted, one JSON line); default the root logger. */
  logger?: Logger;
  /**
   * Other routes served before GraphQL: an exact path, or a key ending in `/*` for a path and
   * everything under it (`/portal/*` serves `/portal` and `/portal/…`).
   */
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => void | Promise<void>>;
}

function routeFor<R>(routes: Record<string, R> | undefined, pathname: string): R | undefined {
  if (!routes) return undefined;
  const exact = routes[pathname];
  if (exact) return exact;
  for (const [key, route] of Object.entries(routes)) {
    if (!key.endsWith("/*")) continue;
    const prefix = key.slice(0, -2);
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) return route;
  }
  return undefined;
}

class RequestBodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new RequestBodyError(413, `The request body is larger than ${limit} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(text);
}

function sendRefusal(response: ServerResponse, status: number, code: string, message: string) {
  sendJson(response, status, { errors: [{ message, extensions: { code } }] });
}

/** The CSP directive that forbids every other site to frame a page of the platform. */
export const FRAME_ANCESTORS_NONE = "frame-ancestors 'none'";

/**
 * Headers every answer starts with, so that no page the platform serves (Apollo's landing
 * page and Sandbox in development, the explorer, any page added later) can be framed by
 * another site, which could overlay it and make a user click through their own key
 * (clickjacking): CSP `frame-ancestors 'none'` and, for older browsers, `X-Frame-Options:
 * DENY`. A route that sets its own Content-Security-Policy must include FRAME_ANCESTORS_NONE.
 */
export const FRAME_PROTECTION_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": FRAME_ANCESTORS_NONE,
  "x-frame-options": "DENY",
};

/** Codes of the errors Apollo Server answers before execution: the document or the variables. */
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/**
 * True for a 400 that GraphQL over HTTP wants as 200: a GraphQL response (errors, no `data`)
 * sent as `application/json` whose errors are only parse, validation or variable-coercion
 * errors. Clients that accept only `application/json` predate the spec and read the status as
 * "this was not GraphQL", so the spec asks for 200 there and keeps 400 for clients that chose
 * `application/graphql-response+json`. Our own refusals (limits, 401/403/429/5xx) keep their status.
 */
function requestErrorAsLegacyJson(status: number | undefined, contentType: string | undefined, body: string) {
  if (status !== 400 || !contentType?.startsWith("application/json")) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    return (
      !("data" in parsed) &&
      Array.isArray(parsed.errors) &&
      parsed.errors.length > 0 &&
      parsed.errors.every((error) => REQUEST_ERROR_CODES.has(String(error.extensions?.code)))
    );
  } catch {
    return false;
  }
}

/**
 * A Node `request` listener that serves Apollo Server on `/graphql` plus health endpoints,
 * without a web framework: the body is read with a size limit and handed to
 * `executeHTTPGraphQLRequest`, which does content negotiation, CSRF prevention and the
 * landing page. Malformed bodies get a GraphQL-shaped error, never a crash.
 */
export function graphQLRequestHandler<TContext extends BaseContext>(
  options: GraphQLRequestHandlerOptions<TContext>,
): (request: IncomingMessage, response: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? 5 * 1024 * 1024;
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    for (const [name, value] of Object.entries(FRAME_PROTECTION_HEADERS)) response.setHeader(name, value);
    const url = new URL(request.url ?? "/", "http://localhost");
    const route = routeFor(options.routes, url.pathname);
    if (route) return route(request, response);
    if (url.pathname === "/health/live") return sendJson(response, 200, { status: "live" });
    if (url.pathname === "/health/ready") {
      const report = (await options.readiness?.()) ?? { ready: true, checks: {} };
      return sendJson(response, report.ready ? 200 : 503, report);
    }
    if (url.pathname !== "/graphql" && url.pathname !== "/") {
      return sendRefusal(
        response,
        404,
        "NOT_FOUND",
        `Nothing is served at ${url.pathname}; send GraphQL to /graphql.`,
      );
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown;
    let text = "";
    if (request.method === "POST") {
      text = await readBody(request, limit);
      const type = headers.get("content-type") ?? "";
      if (type.startsWith("application/json") || type.startsWith("application/graphql-response+json")) {
        try {
          body = text.length > 0 ? JSON.parse(text) : undefined;
        } catch {
          return sendRefusal(response, 400, "BAD_REQUEST", "The request body is not valid JSON.");
        }
      } else {
        body = text;
      }
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
      context: () => options.context(request, text),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === "complete") {
      if (requestErrorAsLegacyJson(result.status, result.headers.get("content-type"), result.body.string)) {
        response.statusCode = 200;
      }
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      if (error instanceof RequestBodyError) {
        sendRefusal(response, error.status, "BAD_REQUEST", error.message);
        return;
      }
      // Like a masked GraphQL error: a request id to quote, the details only in the log.
      const requestId = currentRequestScope()?.requestId ?? randomUUID();
      (options.logger ?? rootLogger()).error({ err: error, requestId }, "internal error");
      sendJson(response, 500, {
        errors: [
          {
            message: `Internal error; quote request id ${requestId} to the platform operator, who can find the details in the log.`,
            extensions: { code: "INTERNAL_SERVER_ERROR", requestId },
          },
        ],
      });
    });
  };
}

/** Listens and resolves with the bound port (pass 0 for a free one). */
export async function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

/** True when NODE_ENV says production: introspection and Sandbox are then off. */
export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/**
 * Runs `stop` once on SIGTERM or SIGINT and then exits; a second signal exits at once.
 * Errors while stopping are printed and give exit code 1.
 */
export function stopOnSignals(stop: () => Promise<void>, log: (line: string) => void = console.log) {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal} received: draining requests and shutting down`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/**
 * The keys the gateway signs forwarded identities with, shared by the gateway and every
 * subgraph: INTERNAL_SIGNING_KEYS (`k2:secret2,k1:secret1`, the first signs, all verify) or
 * INTERNAL_SIGNING_SECRET (one key). Exits with a sentence saying what to set when missing.
 */
export function signingSecretFromEnv(): SigningKeys {
  const keys = signingKeysFromEnv();
  if (keys === null || (typeof keys === "object" && "reason" in keys)) {
    console.error(
      `${keys ? `${keys.reason}. ` : ""}Set INTERNAL_SIGNING_SECRET (16+ characters) or INTERNAL_SIGNING_KEYS ` +
        '("id:secret,id:secret", the first signs), the same for the gateway and every subgraph; ' +
        "`pnpm start` generates one for you.",
    );
    process.exit(1);
  }
  return keys;
}

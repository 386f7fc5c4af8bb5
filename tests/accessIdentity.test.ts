import { createServer, type Server } from "node:http";
import { IDENTITY_HEADER, listen } from "@rnp/common";
import { createDatabase } from "@rnp/db";
import { createGatewayServer } from "@rnp/gateway";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERSON, startAccessStack, stopAccessStack } from "./support/access";
import { TEST_AUDIT_CHAIN_KEY, TEST_SIGNING_SECRET, type TestPlatform } from "./support/platform";

// The identity token the gateway forwards to a subgraph is bound to that subgraph and that
// request body, and is accepted once, with either HTTP client of the gateway.

let platform: TestPlatform;
let adult: string;

beforeAll(async () => {
  ({ platform, adult } = await startAccessStack());
});
afterAll(stopAccessStack);

/** What a proxy between the gateway and the person subgraph saw: each call's token and body. */
interface Captured {
  token: string;
  body: string;
}

/** An HTTP proxy in front of `target` that records the identity header and body of each call. */
async function capturingProxy(
  target: string,
): Promise<{ url: string; captured: Captured[]; server: Server }> {
  const captured: Captured[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const token = request.headers[IDENTITY_HEADER];
    if (typeof token === "string") captured.push({ token, body });
    const forwarded = await fetch(target, {
      method: request.method ?? "POST",
      headers: {
        "content-type": "application/json",
        ...(typeof token === "string" ? { [IDENTITY_HEADER]: token } : {}),
      },
      ...(request.method === "POST" ? { body } : {}),
    });
    response.writeHead(forwarded.status, {
      "content-type": forwarded.headers.get("content-type") ?? "application/json",
    });
    response.end(await forwarded.text());
  });
  const port = await listen(server, 0);
  return { url: `http://127.0.0.1:${port}/graphql`, captured, server };
}

describe("the identity the gateway forwards", () => {
  for (const fetcher of ["undici", "default"] as const) {
    it(`is bound to one subgraph and one request body, and used once (${fetcher} fetcher)`, async () => {
      const proxy = await capturingProxy(platform.subgraphUrls.person);
      const database = createDatabase(platform.databaseUrl, { max: 2, applicationName: "rnp-test-gateway" });
      const gateway = await createGatewayServer({
        subgraphUrls: { ...platform.subgraphUrls, person: proxy.url },
        database,
        signingSecret: TEST_SIGNING_SECRET,
        audit: { key: TEST_AUDIT_CHAIN_KEY },
        fetcher,
      });
      try {
        const url = await gateway.listen(0);
        const answer = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", ...platform.headersOf(platform.requester) },
          body: JSON.stringify({ query: PERSON, variables: { code: adult } }),
        });
        const through = (await answer.json()) as { data?: { person: { givenName: string } | null } };
        // The gateway's token matched the body its fetcher sent: the person came back.
        expect(through.data?.person?.givenName).toEqual(expect.any(String));
        const [call] = proxy.captured;
        expect(call).toBeDefined();

        const replay = async (subgraphUrl: string, body: string) => {
          const response = await fetch(subgraphUrl, {
            method: "POST",
            headers: { "content-type": "application/json", [IDENTITY_HEADER]: call!.token },
            body,
          });
          const result = (await response.json()) as {
            data?: unknown;
            errors?: { message: string; extensions: { code: string } }[];
          };
          return {
            status: response.status,
            code: result.errors?.[0]?.extensions.code,
            message: result.errors?.[0]?.message,
            data: result.data ?? null,
          };
        };
        const otherBody = JSON.stringify({
          query:
            '{ residents(addressCode: "100000000", first: 500) { nodes { personCode givenName surname } } }',
        });
        expect(await replay(platform.subgraphUrls.person, otherBody)).toMatchObject({
          status: 401,
          code: "UNAUTHENTICATED",
          message: expect.stringContaining("the identity token was issued for another request body"),
          data: null,
        });
        expect(await replay(platform.subgraphUrls.person, call!.body)).toMatchObject({
          status: 401,
          code: "UNAUTHENTICATED",
          message: expect.stringContaining("the identity token was already used"),
          data: null,
        });
        expect(await replay(platform.subgraphUrls.catalog, call!.body)).toMatchObject({
          status: 401,
          code: "UNAUTHENTICATED",
          message: expect.stringContaining("the identity token is for another subgraph, not catalog"),
        });
      } finally {
        await gateway.stop();
        await database.close();
        await new Promise<void>((resolve) => proxy.server.close(() => resolve()));
      }
    });
  }
});

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { type SubgraphName, subgraphSdl } from "@rnp/schema";
import { type DocumentNode, execute, type GraphQLError, parse, validate } from "graphql";
import { stubPersonResolvers } from "./stubData";

/**
 * A stub subgraph process: the subgraph's own SDL (`subgraphs/<name>/schema`) through
 * `@apollo/subgraph`'s `buildSubgraphSchema`, resolvers that return fixed data (the person
 * subgraph's from `stubData.ts`; catalog and monitoring answer defaults), no database.
 * As lean as a GraphQL server gets (parsed and validated documents are cached), so that a
 * gateway in front of it shows its own cost. STUB_SUBGRAPH names the subgraph, PORT the port
 * (0: a free one); prints "<name> stub subgraph ready at <url>".
 */
const name = process.env.STUB_SUBGRAPH as SubgraphName | undefined;
if (name !== "person" && name !== "catalog" && name !== "monitoring") {
  console.error("Set STUB_SUBGRAPH to person, catalog or monitoring.");
  process.exit(2);
}
const schema = buildSubgraphSchema({
  typeDefs: parse(subgraphSdl(name)),
  ...(name === "person" ? { resolvers: stubPersonResolvers as never } : {}),
});

const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
function documentOf(query: string): DocumentNode | readonly GraphQLError[] {
  let document = documents.get(query);
  if (!document) {
    try {
      const parsed = parse(query);
      const errors = validate(schema, parsed);
      document = errors.length ? errors : parsed;
    } catch (error) {
      document = [error as GraphQLError];
    }
    if (documents.size > 1_000) documents.clear();
    documents.set(query, document);
  }
  return document;
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    let status = 200;
    let result: unknown;
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        query: string;
        variables?: Record<string, unknown>;
        operationName?: string;
      };
      const document = documentOf(body.query);
      result = Array.isArray(document)
        ? { errors: document.map((error) => ({ message: error.message })) }
        : await execute({
            schema,
            document: document as DocumentNode,
            variableValues: body.variables ?? null,
            operationName: body.operationName ?? null,
          });
    } catch (error) {
      status = 400;
      result = { errors: [{ message: error instanceof Error ? error.message : String(error) }] };
    }
    const text = JSON.stringify(result);
    response.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": Buffer.byteLength(text),
    });
    response.end(text);
  });
});
server.keepAliveTimeout = 60_000;

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  console.log(`${name} stub subgraph ready at http://127.0.0.1:${port}/graphql`);
});

const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
// A benchmark killed outright (SIGKILL) cannot stop its children: leave when the parent goes.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 1_000).unref();

import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { FRAME_ANCESTORS_NONE } from "@rnp/common";

const require = createRequire(import.meta.url);

/**
 * The files the explorer page loads, all from npm packages on this machine: GraphiQL's
 * browser build, the React it runs on, and graphql-ws's browser client for subscriptions.
 * Nothing comes from a CDN, so the explorer works where Apollo Sandbox cannot (offline).
 */
const ASSETS: Record<string, { from: string; file: string; type: string }> = {
  "graphiql.min.js": { from: "graphiql", file: "graphiql.min.js", type: "text/javascript" },
  "graphiql.min.css": { from: "graphiql", file: "graphiql.min.css", type: "text/css" },
  "react.production.min.js": { from: "react", file: "umd/react.production.min.js", type: "text/javascript" },
  "react-dom.production.min.js": {
    from: "react-dom",
    file: "umd/react-dom.production.min.js",
    type: "text/javascript",
  },
  "graphql-ws.min.js": { from: "graphql-ws", file: "umd/graphql-ws.min.js", type: "text/javascript" },
};

// The packages' `exports` hide their browser builds from `require.resolve`; their
// package.json is exported, and the files sit beside it.
const fileOf = ({ from, file }: { from: string; file: string }) =>
  join(dirname(require.resolve(`${from}/package.json`)), file);

/**
 * The explorer page. It holds no key: `pnpm start` prints a link that carries the demo key
 * and grant in the URL's fragment (`/explorer#authorization=Bearer%20…&grant=…`), which a
 * browser never sends to a server. The page moves them into GraphiQL's headers (kept in the
 * browser's storage, as headers typed by hand are) and removes the fragment from the
 * address bar and the history, so the key is not left in a bookmark or a screen share.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Population register graph — explorer</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/explorer/assets/graphiql.min.css">
<style>body { margin: 0; height: 100vh; } #explorer { height: 100vh; }</style>
</head>
<body>
<div id="explorer">Loading the explorer…</div>
<script src="/explorer/assets/react.production.min.js"></script>
<script src="/explorer/assets/react-dom.production.min.js"></script>
<script src="/explorer/assets/graphql-ws.min.js"></script>
<script src="/explorer/assets/graphiql.min.js"></script>
<script>
  // #authorization=…&grant=… (the link \`pnpm start\` prints): headers for the editor, then gone from the URL.
  const fragment = new URLSearchParams(location.hash.slice(1));
  const linked = {};
  for (const name of ["authorization", "grant"]) {
    const value = fragment.get(name);
    if (value) linked[name] = value;
  }
  if (location.hash) history.replaceState(null, "", location.pathname + location.search);
  const initialHeaders = Object.keys(linked).length > 0 ? JSON.stringify(linked, null, 2) : "";
  // ?query=… opens the explorer with that operation (links in docs, tests).
  const linkedQuery = new URLSearchParams(location.search).get("query");
  const wsUrl = location.origin.replace(/^http/, "ws") + "/graphql";
  // Subscriptions authenticate on connect: the key and grant come from the headers editor.
  const currentHeaders = () => {
    try { return JSON.parse(localStorage.getItem("graphiql:headers") || initialHeaders || "{}"); }
    catch { return {}; }
  };
  const fetcher = GraphiQL.createFetcher({
    url: "/graphql",
    wsClient: graphqlWs.createClient({
      url: wsUrl,
      lazy: true,
      connectionParams: () => {
        const headers = currentHeaders();
        return { authorization: headers.authorization || headers.Authorization, grant: headers.grant || headers.Grant };
      },
    }),
  });
  ReactDOM.createRoot(document.getElementById("explorer")).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: "headers",
      headers: initialHeaders || undefined,
      shouldPersistHeaders: true,
      ...(linkedQuery ? { query: linkedQuery } : {}),
      defaultQuery: "# Person data needs your key and grant as headers (below):\\n# { \\"authorization\\": \\"Bearer <key>\\", \\"grant\\": \\"<grant number>\\" }\\n# The catalog is public:\\nquery Catalog {\\n  dataGroups { name description fields { coordinate } }\\n}\\n",
    }),
  );
</script>
</body>
</html>`;

/**
 * Routes of the offline explorer: `/explorer` (GraphiQL) and its assets. Assets are read
 * once and kept in memory; a missing package answers 404 with a sentence, never a crash.
 */
export function explorerRoutes() {
  const cache = new Map<string, Buffer>();
  const asset = async (name: string): Promise<Buffer | null> => {
    const entry = ASSETS[name];
    if (!entry) return null;
    let content = cache.get(name);
    if (!content) {
      content = await readFile(fileOf(entry));
      cache.set(name, content);
    }
    return content;
  };
  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>> = {
    "/explorer": async (_request, response) => {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
        // Everything the page loads is served here; nothing may come from elsewhere, and no
        // other site may frame it (a framed explorer could be made to run a user's key).
        "content-security-policy": `default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; ${FRAME_ANCESTORS_NONE}`,
        "x-frame-options": "DENY",
        "referrer-policy": "no-referrer",
      });
      response.end(PAGE);
    },
  };
  for (const [name, { type }] of Object.entries(ASSETS)) {
    routes[`/explorer/assets/${name}`] = async (_request, response) => {
      const content = await asset(name);
      if (!content) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "content-type": `${type}; charset=utf-8`, "cache-control": "max-age=86400" });
      response.end(content);
    };
  }
  return routes;
}

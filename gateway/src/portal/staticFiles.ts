import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Headers of every portal page: no framing (clickjacking), scripts, styles and connections
 * from this origin only, nothing inline, no referrer leaving with person data in a path.
 */
export const PORTAL_SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

/**
 * Serves the built portal under `/portal/`: files of `dist` as they are (hashed assets cached
 * for a year), and `index.html` for every other path, so the app's own routes load on reload.
 */
export function staticPortal(dist: string) {
  const root = path.resolve(dist);
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://x");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { allow: "GET, HEAD" });
      response.end();
      return;
    }
    if (url.pathname === "/portal") {
      response.writeHead(301, { location: "/portal/" });
      response.end();
      return;
    }
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname.slice("/portal/".length));
    } catch {
      relative = "";
    }
    const candidate = path.resolve(root, relative);
    const isFile =
      relative !== "" &&
      candidate.startsWith(`${root}${path.sep}`) &&
      !path.basename(candidate).startsWith(".") &&
      existsSync(candidate) &&
      statSync(candidate).isFile();
    const file = isFile ? candidate : path.join(root, "index.html");
    if (!existsSync(file)) {
      response.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      response.end("The portal is not built: run `pnpm --filter @rnp/portal build` or `pnpm start`.");
      return;
    }
    const hashed = isFile && relative.startsWith("assets/");
    response.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      ...PORTAL_SECURITY_HEADERS,
    });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  };
}

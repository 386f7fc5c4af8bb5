import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const portalFolder = fileURLToPath(new URL(".", import.meta.url));
/** The built portal: `index.html` and `assets/`, served by the gateway at `/portal`. */
export const portalDist = path.join(portalFolder, "dist");
const stampFile = path.join(portalDist, ".sources");
/** The portal's documents as GraphQL Code Generator persisted them: the sessions' safelist. */
export const persistedDocumentsFile = path.join(portalFolder, "src", "gql", "persisted-documents.json");

/** Everything the bundle is made from: a change in any of them makes a new build. */
function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder)) {
      const full = path.join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(portalFolder, "src"));
  walk(path.join(portalFolder, "..", "docs"));
  for (const file of ["index.html", "vite.config.ts", "knowledgeBase.ts", "package.json"]) {
    files.push(path.join(portalFolder, file));
  }
  return files.sort();
}

/** A digest of the sources' paths and contents. */
export function portalSourceDigest(): string {
  const hash = createHash("sha256");
  for (const file of sourceFiles()) hash.update(path.relative(portalFolder, file)).update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * Builds the portal with Vite from the installed packages (nothing is downloaded) unless the
 * built copy was made from the same sources. Resolves with what it did, for the start's log.
 */
export async function ensurePortalBuilt(options: { force?: boolean } = {}): Promise<"built" | "up to date"> {
  if (!options.force && isUpToDate()) return "up to date";
  // In a process of its own: Vite sets NODE_ENV=production for its build, which would turn
  // the calling platform into a production one (no introspection, no explorer).
  await new Promise<void>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--force"],
      { cwd: path.join(portalFolder, ".."), maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) =>
        error ? reject(new Error(`the portal's build failed: ${stderr.trim() || error.message}`)) : resolve(),
    ),
  );
  return "built";
}

function isUpToDate(): boolean {
  return (
    existsSync(path.join(portalDist, "index.html")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === portalSourceDigest()
  );
}

async function buildHere(): Promise<void> {
  const digest = portalSourceDigest();
  const { build } = await import("vite");
  await build({ configFile: path.join(portalFolder, "vite.config.ts"), logLevel: "warn" });
  writeFileSync(stampFile, digest);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  if (process.argv.includes("--force") || !isUpToDate()) {
    await buildHere();
    console.log(`portal built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${portalDist}`);
  } else {
    console.log(`portal up to date: ${portalDist}`);
  }
}

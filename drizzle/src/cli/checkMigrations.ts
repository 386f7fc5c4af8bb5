import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import drizzleConfig from "../../drizzle.config";

/**
 * Fails when the drizzle table definitions changed without a committed migration: runs
 * drizzle-kit generate against a copy of drizzle/migrations and looks for a new file.
 */
const root = fileURLToPath(new URL("../../..", import.meta.url));
const committed = path.join(root, "drizzle/migrations");
const scratch = mkdtempSync(path.join(tmpdir(), "rnp-migrations-"));
try {
  const out = path.join(scratch, "migrations");
  cpSync(committed, out, { recursive: true });
  const config = path.join(scratch, "drizzle.config.mjs");
  // The project's own config, with only `out` moved, so the two can never disagree.
  writeFileSync(
    config,
    `export default ${JSON.stringify({
      ...drizzleConfig,
      schema: (drizzleConfig.schema as string[]).map((file) => path.join(root, file)),
      // drizzle-kit prefixes "./" to \`out\`, so it must be relative to the working directory.
      out: path.relative(root, out),
    })};\n`,
  );
  // drizzle-kit exits 0 even when it fails, so its output is read as well.
  const output = execFileSync(
    path.join(root, "node_modules/.bin/drizzle-kit"),
    ["generate", "--config", config],
    {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  if (!/No schema changes|migration file/.test(output)) {
    console.error(`drizzle-kit generate did not run as expected:\n${output}`);
    process.exit(1);
  }
  const added = readdirSync(out).filter((file) => !readdirSync(committed).includes(file));
  if (added.length > 0) {
    console.error(
      `The table definitions differ from the committed migrations (drizzle-kit would add ${added.join(", ")}).\n` +
        "Run `pnpm db:generate` and commit drizzle/migrations.",
    );
    process.exit(1);
  }
  console.log("drizzle/migrations matches the table definitions.");
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

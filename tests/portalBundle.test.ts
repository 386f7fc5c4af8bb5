import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { portalDist } from "@rnp/portal/build";
import { describe, expect, it } from "vitest";

/** The scripts the first page loads before anything else: its module and the modules it preloads. */
function firstPageScripts(): string[] {
  const html = readFileSync(path.join(portalDist, "index.html"), "utf8");
  return [...html.matchAll(/(?:src|href)="\/portal\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
}

describe("the built portal", () => {
  it("loads at most 250 KB of gzipped JavaScript on its first page", () => {
    const scripts = firstPageScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const bytes = scripts.reduce(
      (sum, file) => sum + gzipSync(readFileSync(path.join(portalDist, file)), { level: 9 }).length,
      0,
    );
    console.log(`first page JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped in ${scripts.length} files`);
    expect(bytes).toBeLessThanOrEqual(250 * 1024);
  });

  it("keeps the PDF library and the knowledge base out of the first page", () => {
    const first = firstPageScripts()
      .map((file) => readFileSync(path.join(portalDist, file), "utf8"))
      .join("\n");
    expect(first).not.toContain("registerFontkit");
    expect(first).not.toContain("Test persons");
  });
});

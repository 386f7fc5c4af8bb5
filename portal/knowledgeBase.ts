import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { marked } from "marked";
import type { Plugin } from "vite";

/** One page of the knowledge base: a file of the repository's `docs/`, rendered at build time. */
export interface KnowledgePage {
  slug: string;
  title: string;
  html: string;
  /** The page's words, for the search. */
  text: string;
}

const MODULE_ID = "virtual:knowledge-base";

/** The repository's `docs/*.md` as pages: the same text serves the repository and the portal. */
export function readKnowledgeBase(docsFolder: string): KnowledgePage[] {
  return readdirSync(docsFolder)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      const source = readFileSync(path.join(docsFolder, file), "utf8");
      const slug = file.replace(/\.md$/, "").toLowerCase();
      const title = /^#\s+(.+)$/m.exec(source)?.[1]?.trim() ?? slug;
      // Links between docs (`ENVIRONMENTS.md`, `docs/AUDIT.md#…`) lead to the portal's pages.
      const html = (marked.parse(source, { async: false }) as string).replace(
        /href="(?:\.\/|docs\/)?([A-Z_]+)\.md(#[^"]*)?"/g,
        (_match, name: string, hash = "") => `href="/portal/docs/${name.toLowerCase()}${hash}"`,
      );
      const text = source.replace(/[`*#>|_[\]()-]+/g, " ").replace(/\s+/g, " ");
      return { slug, title, html, text };
    });
}

/** `import pages from "virtual:knowledge-base"`: rebuilt (and hot-reloaded) when a doc changes. */
export function knowledgeBasePlugin(docsFolder: string): Plugin {
  const resolved = `\0${MODULE_ID}`;
  return {
    name: "rnp-knowledge-base",
    resolveId: (id) => (id === MODULE_ID ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      for (const file of readdirSync(docsFolder)) this.addWatchFile(path.join(docsFolder, file));
      return `export default ${JSON.stringify(readKnowledgeBase(docsFolder))};`;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(docsFolder)) return;
      const module = server.moduleGraph.getModuleById(resolved);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}

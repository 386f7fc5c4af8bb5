import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { knowledgeBasePlugin } from "./knowledgeBase.ts";

const docs = fileURLToPath(new URL("../docs", import.meta.url));
/** Where `pnpm --filter @rnp/portal dev` sends GraphQL, sign-in and the catalog's files. */
const gateway = process.env.PORTAL_DEV_GATEWAY ?? "http://localhost:4000";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/portal/",
  plugins: [react(), knowledgeBasePlugin(docs)],
  build: { outDir: "dist", emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 1500 },
  server: {
    proxy: {
      "/graphql": gateway,
      "/portal/auth": gateway,
      "/oidc": gateway,
      "/catalog": gateway,
    },
  },
  logLevel: "warn",
});

import { defineConfig, type Plugin } from "vitest/config";
import react from "@vitejs/plugin-react";
import { chmodSync } from "node:fs";
import { join } from "node:path";

/**
 * The Content-Security-Policy the built app ships: scripts, workers, styles and
 * fonts from the app itself only; images also from data: and blob: (exports);
 * no eval, no inline script, no plugins, no framing of forms. Added at build
 * time only, because the dev server injects an inline React-refresh script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // NOTE: blob: for the ForceAtlas2 layout worker, which graphology builds from a Blob.
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' blob: data:",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "ouroboros-csp",
    apply: "build",
    transformIndexHtml: () => [
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: CONTENT_SECURITY_POLICY },
        injectTo: "head-prepend",
      },
    ],
  };
}

/**
 * `vite build --mode cli`: the command line as one plain-JavaScript file for
 * Node (its npm dependencies stay external), so it starts without tsx.
 */
const cliConfig = defineConfig({
  publicDir: false,
  ssr: { noExternal: true },
  plugins: [
    {
      name: "ouroboros-cli-executable",
      // NOTE: the bin must be executable for `npx ouroboros` to run it.
      writeBundle: (options, bundle) => {
        for (const file of Object.keys(bundle)) chmodSync(join(options.dir!, file), 0o755);
      },
    },
  ],
  build: {
    ssr: "src/cli/ouroboros.ts",
    outDir: "dist-cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    rollupOptions: {
      output: {
        entryFileNames: "ouroboros.js",
        // NOTE: a larger young generation halves the collector's time on million-row
        // files; a larger first old generation spares a 50,000-row file a full collection.
        banner: "#!/usr/bin/env -S node --max-semi-space-size=64 --initial-old-space-size=512",
      },
    },
  },
});

const appConfig = defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: "es" },
  build: { target: "es2022", chunkSizeWarningLimit: 1500 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.spec.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

export default defineConfig(({ mode }) => (mode === "cli" ? cliConfig : appConfig));

// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

/** The layer rule from STYLE.md: domain <- analysis <- graph <- state <- ui. */
const UI_LIBS = [
  "react",
  "react-dom",
  "react-dom/*",
  "zustand",
  "zustand/*",
  "sigma",
  "sigma/*",
  "@sigma/*",
];
const layer = (forbiddenDirs, forbiddenLibs, message) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        ...forbiddenDirs.map((d) => ({ group: [`**/${d}/**`, `**/${d}`], message })),
        ...(forbiddenLibs.length ? [{ group: forbiddenLibs, message }] : []),
      ],
    },
  ],
});

/** Globals the pure layers must not touch: they run in Node, a worker and the browser alike. */
const BROWSER_GLOBALS = [
  "window",
  "document",
  "localStorage",
  "sessionStorage",
  "indexedDB",
  "navigator",
  "location",
  "history",
  "self",
].map((name) => ({
  name,
  message: "domain and analysis are pure: pass what they need in instead of reaching for globals",
}));

export default tseslint.config(
  { ignores: ["dist", "dist-*", "node_modules", "test-results", "coverage", ".scratch"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/domain/**", "src/analysis/**"],
    rules: { "no-restricted-globals": ["error", ...BROWSER_GLOBALS] },
  },
  {
    files: ["src/domain/**"],
    rules: layer(
      ["analysis", "graph", "state", "ui", "workers", "cli"],
      // NOTE: graphology (with graphology-gexf) is allowed here only for GEXF parsing.
      UI_LIBS,
      "domain is the bottom layer: it imports nothing from the app, React, sigma or zustand",
    ),
  },
  {
    files: ["src/analysis/**"],
    rules: layer(
      ["graph", "state", "ui", "workers", "cli"],
      [...UI_LIBS, "graphology"],
      "analysis is pure: it may import domain only",
    ),
  },
  {
    files: ["src/graph/**"],
    rules: layer(
      ["state", "ui", "workers", "cli"],
      ["react", "react-dom", "react-dom/*", "zustand", "zustand/*"],
      "graph may import domain and analysis only",
    ),
  },
  {
    files: ["src/state/**"],
    rules: layer(["ui", "workers", "cli"], ["react-dom", "react-dom/*"], "state may not import ui"),
  },
  {
    files: ["src/workers/**", "src/cli/**"],
    rules: layer(
      ["graph", "state", "ui"],
      UI_LIBS,
      "workers and the CLI import only domain and analysis",
    ),
  },
);

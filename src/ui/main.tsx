import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { validateDataset } from "../domain/validate.ts";
import { actions } from "../state/store.ts";
import { App } from "./App.tsx";
import "./styles.css";

declare global {
  interface Window {
    /** Benchmark hook: a dataset to open instead of the default one. */
    __OUROBOROS_DATASET__?: unknown;
  }
}

// NOTE: the UI benchmark injects a generated dataset here; it goes through the
// same validation as any import.
if (window.__OUROBOROS_DATASET__ !== undefined) {
  const parsed = validateDataset(window.__OUROBOROS_DATASET__);
  if (parsed.ok) actions.setDataset(parsed.value, "imported");
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { validateDataset } from "../domain/validate.ts";
import { actions } from "../state/store.ts";
import { restorePersistedDataset, startPersistence } from "../state/persistence.ts";
import { createGraphCommands } from "../state/graphCommands.ts";
import { openLinkedDataset, startUrlSync } from "../state/url/sync.ts";
import { isEmbedSearch } from "../state/url/codec.ts";
import { App } from "./App.tsx";
import { wantsIntro } from "./components/FirstScreen.tsx";
import "./styles.css";

declare global {
  interface Window {
    /** Benchmark hook: a dataset to open instead of the default one. */
    __OUROBOROS_DATASET__?: unknown;
  }
}

/** Chooses the dataset to open: a benchmark's, a shared link's, or the default. */
async function loadStartDataset(): Promise<void> {
  // NOTE: the UI benchmark injects a generated dataset here; it goes through the
  // same validation as any import.
  if (window.__OUROBOROS_DATASET__ !== undefined) {
    const parsed = validateDataset(window.__OUROBOROS_DATASET__);
    if (parsed.ok) actions.setDataset(parsed.value, { kind: "temporary", from: "benchmark" });
    return;
  }
  await openLinkedDataset(window.location.hash);
}

async function start() {
  await loadStartDataset().catch((err: unknown) => {
    actions.addNotice(`The data in this link could not be opened: ${String(err)}.`);
  });
  await restorePersistedDataset();
  startPersistence();
  const commands = createGraphCommands();
  // NOTE: asked before the URL sync writes the view into the address.
  if (isEmbedSearch(window.location.search)) actions.setEmbed(true);
  else if (wantsIntro(window.location)) actions.openIntro();
  startUrlSync(commands);
  const root = document.getElementById("root");
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App commands={commands} />
      </StrictMode>,
    );
  }
}

void start();

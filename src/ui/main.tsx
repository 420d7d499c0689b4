import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { validateDataset } from "../domain/validate.ts";
import type { Story } from "../domain/schema.ts";
import { DEFAULT_DATASET, type Store, actions, useStore } from "../state/store.ts";
import { selectStories } from "../state/selectors.ts";
import {
  restorePersistedDataset,
  restoreShippedPositions,
  startPersistence,
} from "../state/persistence.ts";
import { createGraphCommands } from "../state/graphCommands.ts";
import { openLinkedDataset, startUrlSync } from "../state/url/sync.ts";
import { decodeView, isEmbedSearch } from "../state/url/codec.ts";
import { isPhone } from "./phone.ts";
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

/** True when the address names a step of a story the shipped dataset tells, and carries no data. */
function opensShippedStory(location: Pick<Location, "search" | "hash">): boolean {
  const place = decodeView(location.search).story;
  if (place === null || location.hash.length > 1) return false;
  return (DEFAULT_DATASET.stories ?? []).some((s) => s.id === place.storyId);
}

/** On a phone, a visit with nothing in the link opens on the dataset's first story. */
function phoneStory(s: Store): Story | null {
  if (!isPhone()) return null;
  return selectStories(s)[0] ?? null;
}

async function start() {
  await loadStartDataset().catch((err: unknown) => {
    actions.addNotice(`The data in this link could not be opened: ${String(err)}.`);
  });
  // NOTE: a link to a step of the shipped story shows the shipped dataset, not the last one open.
  if (!opensShippedStory(window.location)) await restorePersistedDataset();
  else await restoreShippedPositions();
  startPersistence();
  const commands = createGraphCommands();
  // NOTE: asked before the URL sync writes the view into the address.
  if (isEmbedSearch(window.location.search)) actions.setEmbed(true);
  else if (wantsIntro(window.location)) {
    const story = phoneStory(useStore.getState());
    if (story) actions.openStory({ storyId: story.id, stepIndex: 0 });
    else actions.openIntro();
  }
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

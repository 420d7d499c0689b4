/** The explorer: header with search, the money-flow graph, and a tabbed side panel. */
import { Suspense, lazy, useEffect, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { type GraphCommands, NO_GRAPH_COMMANDS } from "../state/graphCommands.ts";
import { actions, type PanelTab, useStore } from "../state/store.ts";
import { AnalysisRunner } from "./AnalysisRunner.tsx";
import { ErrorBoundary } from "./ErrorBoundary.tsx";
import { GraphView } from "./GraphView.tsx";
import { ProgressIndicator } from "./ProgressIndicator.tsx";
import { DataControls } from "./components/DataControls.tsx";
import { ExportControls } from "./components/ExportControls.tsx";
import { NoticeBar } from "./components/NoticeBar.tsx";
import { UndoControls, useUndoKeys } from "./components/UndoControls.tsx";
import { SearchBox } from "./components/SearchBox.tsx";
import { ShareButton } from "./components/ShareButton.tsx";
import { type FlowSigma, GraphCommandsContext, SigmaContext } from "./controllers/sigmaContext.ts";
import { Timeline } from "./components/Timeline.tsx";
import { EmbedCaption } from "./components/EmbedCaption.tsx";
import { StoryBar } from "./components/StoryBar.tsx";
import { LoopsPanel } from "./panels/LoopsPanel.tsx";
import "./app.css";

// NOTE: the first screen shows the Loops tab; the other panels load when first opened.
const AboutPanel = lazy(() => import("./AboutPanel.tsx").then((m) => ({ default: m.AboutPanel })));
const DealsTable = lazy(() =>
  import("./panels/DealsTable.tsx").then((m) => ({ default: m.DealsTable })),
);
const DetailsPanel = lazy(() =>
  import("./panels/DetailsPanel.tsx").then((m) => ({ default: m.DetailsPanel })),
);
const FiltersPanel = lazy(() =>
  import("./panels/FiltersPanel.tsx").then((m) => ({ default: m.FiltersPanel })),
);
const RiskPanel = lazy(() =>
  import("./panels/RiskPanel.tsx").then((m) => ({ default: m.RiskPanel })),
);
// NOTE: the forms load after the first screen; only the panels that open them need them.
const DealEditor = lazy(() =>
  import("./components/DealEditor.tsx").then((m) => ({ default: m.DealEditor })),
);
const CompanyEditor = lazy(() =>
  import("./components/CompanyEditor.tsx").then((m) => ({ default: m.CompanyEditor })),
);
const StoriesPanel = lazy(() =>
  import("./panels/StoriesPanel.tsx").then((m) => ({ default: m.StoriesPanel })),
);
const StressPanel = lazy(() =>
  import("./panels/StressPanel.tsx").then((m) => ({ default: m.StressPanel })),
);

const TABS: readonly { id: PanelTab; label: string; render: () => React.ReactNode }[] = [
  { id: "loops", label: "Loops", render: () => <LoopsPanel /> },
  { id: "risk", label: "Risk", render: () => <RiskPanel /> },
  { id: "stress", label: "Stress", render: () => <StressPanel /> },
  { id: "details", label: "Details", render: () => <DetailsPanel /> },
  { id: "table", label: "Table", render: () => <DealsTable /> },
  { id: "filters", label: "Filters", render: () => <FiltersPanel /> },
  { id: "stories", label: "Stories", render: () => <StoriesPanel /> },
  { id: "about", label: "About", render: () => <AboutPanel /> },
];

function useGlobalKeys() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [role=combobox]")) return;
      actions.clearSelection();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

function useThemeAttribute() {
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return theme;
}

function TabBar({ tab }: { tab: PanelTab }) {
  const move = (event: React.KeyboardEvent, index: number) => {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (delta === 0 && event.key !== "Home" && event.key !== "End") return;
    event.preventDefault();
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? TABS.length - 1
          : (index + delta + TABS.length) % TABS.length;
    actions.setTab(TABS[next]!.id);
    document.getElementById(`tab-${TABS[next]!.id}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Panels" className="tab-bar">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          id={`tab-${t.id}`}
          type="button"
          role="tab"
          aria-selected={tab === t.id}
          aria-controls="tab-panel"
          tabIndex={tab === t.id ? 0 : -1}
          onClick={() => actions.setTab(t.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export function App({ commands = NO_GRAPH_COMMANDS }: { commands?: GraphCommands }) {
  const [sigma, setSigma] = useState<FlowSigma | null>(null);
  return (
    <GraphCommandsContext.Provider value={commands}>
      <SigmaContext.Provider value={sigma}>
        <AppLayout onSigma={setSigma} />
      </SigmaContext.Provider>
    </GraphCommandsContext.Provider>
  );
}

function AppLayout({ onSigma }: { onSigma: (sigma: FlowSigma | null) => void }) {
  const embed = useStore((s) => s.embed);
  return embed ? <EmbedLayout onSigma={onSigma} /> : <FullLayout onSigma={onSigma} />;
}

/** The graph, and under it the story when one is told: the same in both layouts. */
function GraphAndStory({ onSigma }: { onSigma: (sigma: FlowSigma | null) => void }) {
  return (
    <>
      <div className="graph-stage">
        <ErrorBoundary what="the graph">
          <GraphView onSigma={onSigma} />
        </ErrorBoundary>
      </div>
      <ErrorBoundary what="the story">
        <StoryBar />
      </ErrorBoundary>
    </>
  );
}

/** The embed view: the graph with its legend, a caption and a link out; no panels, no data controls. */
function EmbedLayout({ onSigma }: { onSigma: (sigma: FlowSigma | null) => void }) {
  useGlobalKeys();
  useThemeAttribute();
  return (
    <div className="app app--embed">
      <AnalysisRunner />
      <main className="graph-area" aria-label="Money-flow graph">
        <GraphAndStory onSigma={onSigma} />
        <EmbedCaption />
      </main>
    </div>
  );
}

function FullLayout({ onSigma }: { onSigma: (sigma: FlowSigma | null) => void }) {
  useGlobalKeys();
  useUndoKeys();
  const theme = useThemeAttribute();
  const { tab, drawerOpen, storyOpen } = useStore(
    useShallow((s) => ({ tab: s.tab, drawerOpen: s.drawerOpen, storyOpen: s.story !== null })),
  );
  const active = TABS.find((t) => t.id === tab) ?? TABS[0]!;
  return (
    <div className="app">
      <AnalysisRunner />
      <header className="app-header">
        <h1 className="brand">
          Ouroboros <span className="brand-sub">circular financing explorer</span>
        </h1>
        <SearchBox />
        <div className="header-actions">
          <UndoControls />
          <DataControls />
          <ExportControls />
          <ShareButton />
          <button
            type="button"
            aria-label={theme === "dark" ? "Switch to light theme" : "Switch to dark theme"}
            onClick={() => actions.setTheme(theme === "dark" ? "light" : "dark")}
          >
            {theme === "dark" ? "☀" : "☾"}
          </button>
          <button
            type="button"
            className="drawer-toggle"
            aria-expanded={drawerOpen}
            aria-controls="side-panel"
            onClick={() => actions.toggleDrawer()}
          >
            {drawerOpen ? "Close panels" : "Panels"}
          </button>
        </div>
      </header>
      <NoticeBar />
      <Suspense fallback={null}>
        <DealEditor />
        <CompanyEditor />
      </Suspense>
      <div className="app-body">
        <main className="graph-area" aria-label="Money-flow graph">
          <GraphAndStory onSigma={onSigma} />
          {/* NOTE: a story's steps set their own dates; the timeline gives the graph room. */}
          {!storyOpen && (
            <ErrorBoundary what="the timeline">
              <Timeline />
            </ErrorBoundary>
          )}
          <ProgressIndicator />
        </main>
        <aside
          id="side-panel"
          className="side-panel"
          data-open={drawerOpen}
          data-tab={tab}
          aria-label="Analysis panels"
        >
          <TabBar tab={tab} />
          <div
            id="tab-panel"
            role="tabpanel"
            aria-labelledby={`tab-${active.id}`}
            className="tab-panel"
          >
            <ErrorBoundary key={active.id} what="this panel">
              <Suspense fallback={<p className="panel-loading">Loading…</p>}>
                {active.render()}
              </Suspense>
            </ErrorBoundary>
          </div>
        </aside>
      </div>
    </div>
  );
}

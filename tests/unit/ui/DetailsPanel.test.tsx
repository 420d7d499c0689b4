// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { DEAL_TYPES } from "../../../src/domain/schema.ts";
import { actions, useStore } from "../../../src/state/store.ts";
import { formatRoundTrip } from "../../../src/analysis/hops.ts";
import { formatShare } from "../../../src/ui/panels/format.ts";
import { DetailsPanel } from "../../../src/ui/panels/DetailsPanel.tsx";
import { analyseNow, resetWithAnalysis } from "./harness.ts";

/** The Nvidia → OpenAI → Oracle loop of the current analysis. */
const famousLoop = () =>
  useStore.getState().analysis!.loops.find((l) => l.id === "nvidia>openai>oracle")!;

describe("ui/panels/DetailsPanel", () => {
  beforeEach(() => resetWithAnalysis());

  it("should hint at what to select when nothing is selected", () => {
    render(<DetailsPanel />);
    expect(
      screen.getByText("Select a company, a flow or a loop to see its details and sources."),
    ).toBeInTheDocument();
  });

  it("should show a flow's deals with their figures, discrepancy notes and quotes", () => {
    actions.selectEdge("openai", "oracle");
    render(<DetailsPanel />);
    expect(screen.getByRole("heading", { level: 2, name: "OpenAI → Oracle" })).toBeInTheDocument();
    const card = screen.getByRole("heading", {
      name: /cloud-contract about \$300 bn/,
    }).parentElement!;
    expect(card).toHaveTextContent(/Announced\s*22 Jul 2025/);
    expect(card).toHaveTextContent(/Horizon\s*5 years/);
    expect(card).toHaveTextContent(/Status\s*signed/);
    expect(card).toHaveTextContent(/Evidence\s*reported: reported by a named outlet/);
    const notes = within(card).getByRole("heading", { name: "Discrepancy notes" }).parentElement!;
    expect(notes).toHaveTextContent("Direction error in seed-003");
    const quote = within(card).getByText(/accord cloud colossal de 300 milliards/, {
      selector: "blockquote",
    });
    expect(quote).toHaveAttribute("lang", "fr");
    expect(within(card).getByText(/colossal \$300B cloud deal with Oracle/)).toBeInTheDocument();
    const link = within(card).getAllByRole("link")[0]!;
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noreferrer");
    expect(link).toHaveAccessibleName(/\S \(opens in a new tab\)$/);
    expect(link.getAttribute("href")).toMatch(/^https:\/\//);
  });

  it("should show only the filtered deals of a flow", () => {
    actions.setFilters({ types: DEAL_TYPES.filter((t) => t !== "cloud-contract") });
    analyseNow();
    actions.selectEdge("openai", "oracle");
    render(<DetailsPanel />);
    expect(screen.getByText("No deals on this flow with the current filters.")).toBeVisible();
    expect(screen.queryByText(/accord cloud colossal/)).not.toBeInTheDocument();
  });

  it("should show a company's inflows in a sortable table, its loops and its facts", async () => {
    const user = userEvent.setup();
    actions.selectCompany("oracle");
    render(<DetailsPanel />);
    expect(screen.getByRole("heading", { level: 2, name: "Oracle" })).toBeInTheDocument();
    const inflows = screen.getByRole("table", { name: /^Money in by payer/ });
    const amount = within(inflows).getByRole("columnheader", { name: /Amount/ });
    expect(amount).toHaveAttribute("aria-sort", "descending");
    await user.click(within(amount).getByRole("button", { name: "Amount" }));
    expect(amount).toHaveAttribute("aria-sort", "ascending");
    const oracle = useStore.getState().analysis!.concentration.find((c) => c.company === "oracle")!;
    expect(oracle.topPayer?.company).toBe("openai");
    expect(within(inflows).getByText(formatShare(oracle.topPayer!.share))).toBeInTheDocument();
    expect(
      screen.getByText(/two thirds of Oracle's remaining performance obligations/),
    ).toBeVisible();
    expect(
      screen.getByRole("heading", {
        level: 4,
        name: "Customer concentration: 66.7% of $455 bn (2025-08-31)",
      }),
    ).toBeInTheDocument();

    await user.click(within(inflows).getByRole("button", { name: /^OpenAI/ }));
    expect(useStore.getState().selection).toEqual({ kind: "edge", from: "openai", to: "oracle" });
  });

  it("should select a loop from a company's loops and then show its hops", async () => {
    const user = userEvent.setup();
    actions.selectCompany("oracle");
    render(<DetailsPanel />);
    await user.click(
      screen.getByRole("button", {
        name: `Nvidia → OpenAI → Oracle → Nvidia · round trip ${formatRoundTrip(famousLoop())}`,
      }),
    );
    expect(useStore.getState().selection).toMatchObject({
      kind: "loop",
      loopId: "nvidia>openai>oracle",
    });
    expect(
      screen.getByRole("heading", { level: 2, name: "Nvidia → OpenAI → Oracle → Nvidia" }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole("heading", { level: 3, name: "OpenAI → Oracle: about $300 bn" }),
    ).toBeVisible();
    expect(screen.getByText(`Round trip ${formatRoundTrip(famousLoop())}`)).toBeVisible();
    expect(screen.getAllByText(/accord cloud colossal de 300 milliards/).length).toBeGreaterThan(0);
  });

  it("should show a status for a loop while the analysis runs", () => {
    act(() =>
      actions.selectLoop({
        id: "nvidia>openai>oracle",
        companies: ["nvidia", "openai", "oracle"],
        hopKeys: ["nvidia>openai", "openai>oracle", "oracle>nvidia"],
      }),
    );
    actions.analysisStarted();
    render(<DetailsPanel />);
    expect(screen.getByRole("status")).toHaveTextContent("Analysing…");
  });

  it("should show a tracker's own columns and an amount in another currency on the deal", async () => {
    const { parseCsvEdgeList } = await import("../../../src/domain/csv.ts");
    const r = parseCsvEdgeList(
      "Investor,Investee,Amount,in_totals,Analyst\nMistral,ASML,€385m,0,JS\n",
      "t.csv",
    );
    if (!r.ok) throw new Error("should parse");
    resetWithAnalysis(r.value);
    actions.selectEdge("mistral", "asml");
    render(<DetailsPanel />);
    const card = screen.getByRole("article");
    expect(card).toHaveTextContent(
      /In EUR\s*0\.385 bn EUR \(as the source gives it; not converted/,
    );
    expect(card).toHaveTextContent(/in_totals\s*0/);
    expect(card).toHaveTextContent(/Analyst\s*JS/);
  });
});

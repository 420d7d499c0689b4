// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { selectFlaggedCompanies } from "../../../src/state/selectors.ts";
import { actions, useStore } from "../../../src/state/store.ts";
import { formatShare } from "../../../src/ui/panels/format.ts";
import { RiskPanel } from "../../../src/ui/panels/RiskPanel.tsx";
import { tinyDataset } from "../domain/fixtures.ts";
import { resetStore, resetWithAnalysis, recordingCommands } from "./harness.ts";
import { GraphCommandsContext } from "../../../src/ui/controllers/sigmaContext.ts";

const cardOf = (name: string) =>
  screen.getByRole("article", { name: new RegExp(`^${name}\\b`) }) as HTMLElement;

describe("ui/panels/RiskPanel", () => {
  beforeEach(() => resetWithAnalysis());

  it("should show a status while there is no analysis", () => {
    resetStore();
    render(<RiskPanel />);
    expect(screen.getByRole("status")).toHaveTextContent("Analysing…");
    expect(screen.queryByRole("article")).not.toBeInTheDocument();
  });

  it("should list the flagged companies, most severe first", () => {
    render(<RiskPanel />);
    const flagged = selectFlaggedCompanies(useStore.getState());
    const cards = screen.getAllByRole("article");
    expect(cards).toHaveLength(flagged.length);
    const badges = cards.map((c) => c.querySelector(".badge")!.textContent);
    const rank = { notable: 1, high: 2, critical: 3 } as Record<string, number>;
    const ranks = badges.map((b) => rank[b!]!);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks[0]).toBe(3);
  });

  it("should put the selected company's card first, marked as current", () => {
    const flagged = selectFlaggedCompanies(useStore.getState());
    const last = flagged.at(-1)!.company;
    actions.selectCompany(last);
    render(<RiskPanel />);
    const cards = screen.getAllByRole("article");
    expect(cards).toHaveLength(flagged.length);
    expect(cards[0]).toHaveAttribute("aria-current", "true");
    expect(cards.slice(1).every((c) => !c.hasAttribute("aria-current"))).toBe(true);
    const name = useStore.getState().dataset.companies.find((c) => c.id === last)!.name;
    expect(cards[0]).toHaveAccessibleName(new RegExp(`^${name}`));
  });

  it("should show Oracle with OpenAI as its top payer and the reported fact's quote", () => {
    render(<RiskPanel />);
    const card = cardOf("Oracle");
    expect(within(card).getByText("critical")).toHaveClass("badge-critical");
    const oracle = useStore.getState().analysis!.concentration.find((c) => c.company === "oracle")!;
    expect(card).toHaveTextContent(`${formatShare(oracle.topPayer!.share)} of inflows from OpenAI`);
    expect(card).toHaveTextContent(
      new RegExp(`HHI\\s*${Math.round(oracle.inflowHhi!).toLocaleString("en-US")}`),
    );
    expect(card).toHaveTextContent(
      new RegExp(`Circular share\\s*${formatShare(oracle.circularShare!)}`),
    );
    expect(
      within(card).getByText(/two thirds of Oracle's remaining performance obligations/),
    ).toBeVisible();
    const quote = within(card).getByText(/les deux tiers de ses revenus futurs/);
    expect(quote.tagName).toBe("BLOCKQUOTE");
    expect(quote).toHaveAttribute("lang", "fr");
  });

  it("should give OpenAI's commitments against revenue with the revenue source", () => {
    render(<RiskPanel />);
    const card = cardOf("OpenAI");
    expect(card).toHaveTextContent(/Commitments\s*\d+(\.\d)?× annual revenue, a year \(\$/);
    expect(card).toHaveTextContent(/Coverage\s*the data holds \d+% of reported revenue/);
    expect(within(card).getByText("Revenue source")).toBeInTheDocument();
    expect(
      within(card).getByText(/commitments a year in the data are .*× reported annual revenue/),
    ).toBeVisible();
  });

  it("should open a company's details when its name is pressed", async () => {
    const user = userEvent.setup();
    const { commands, focused } = recordingCommands();
    render(
      <GraphCommandsContext.Provider value={commands}>
        <RiskPanel />
      </GraphCommandsContext.Provider>,
    );
    await user.click(screen.getByRole("button", { name: "Oracle" }));
    const state = useStore.getState();
    expect(state.selection).toEqual({ kind: "company", id: "oracle" });
    expect(state.tab).toBe("details");
    expect(focused).toEqual(["oracle"]);
  });

  it("should explain the thresholds", () => {
    render(<RiskPanel />);
    const note = screen.getByText("How these are computed").closest("details")!;
    expect(note).toHaveTextContent("≥10%");
    expect(note).toHaveTextContent("ASC 280");
    expect(note).toHaveTextContent("1,800");
    expect(note).toHaveTextContent("5× critical");
    expect(note).toHaveTextContent("undisclosed amounts count as 0");
  });

  it("should say so when no company is flagged", () => {
    resetWithAnalysis({ ...tinyDataset(), deals: [], facts: [] });
    render(<RiskPanel />);
    expect(screen.getByText("No company is flagged with these filters.")).toBeInTheDocument();
  });
});

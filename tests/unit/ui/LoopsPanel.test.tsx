// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { selectVisibleLoops } from "../../../src/state/selectors.ts";
import { actions, useStore } from "../../../src/state/store.ts";
import { evidenceNote, formatRoundTrip } from "../../../src/analysis/hops.ts";
import { LoopsPanel } from "../../../src/ui/panels/LoopsPanel.tsx";
import { resetStore, resetWithAnalysis } from "./harness.ts";

const NVIDIA_LOOP = /^Nvidia → OpenAI → Oracle → Nvidia · round trip /;

/** The loop options (the length select has options of its own). */
const loopOptions = () =>
  within(screen.getByRole("listbox", { name: "Cycles" })).getAllByRole("option");

describe("ui/panels/LoopsPanel", () => {
  beforeEach(() => resetWithAnalysis());

  it("should show a status instead of the list while the analysis runs", () => {
    resetStore();
    actions.analysisStarted();
    render(<LoopsPanel />);
    expect(screen.getByRole("status")).toHaveTextContent("Analysing…");
    expect(screen.queryByRole("listbox", { name: "Cycles" })).not.toBeInTheDocument();
    expect(screen.getByLabelText("Maximum length")).toBeInTheDocument();
  });

  it("should list every visible loop, the Nvidia → OpenAI → Oracle loop among them", () => {
    render(<LoopsPanel />);
    const loops = selectVisibleLoops(useStore.getState());
    expect(loops.length).toBeGreaterThan(3);
    const listbox = screen.getByRole("listbox", { name: "Cycles" });
    const options = within(listbox).getAllByRole("option");
    expect(options).toHaveLength(loops.length);
    const option = within(listbox).getByRole("option", { name: NVIDIA_LOOP });
    expect(option).toHaveTextContent("3 hops");
    expect(option.querySelector(".type-tag.type-chip-purchase")).not.toBeNull();
    expect(options.every((o) => o.getAttribute("aria-selected") === "false")).toBe(true);
    expect(screen.getByText(new RegExp(`^${loops.length} loops`))).toBeInTheDocument();
    // Each entry states its round trip and evidence in the words the export uses.
    options.forEach((o, i) => {
      expect(o).toHaveTextContent(`round trip ${formatRoundTrip(loops[i]!)}`);
      const evidence = evidenceNote(loops[i]!.hops);
      if (evidence) expect(o).toHaveTextContent(evidence);
    });
    expect(options.some((o) => /rests on 1 inferred deal/.test(o.textContent ?? ""))).toBe(true);
  });

  it("should select the active loop with ArrowDown and Enter, and keep it on a second Enter", async () => {
    const user = userEvent.setup();
    render(<LoopsPanel />);
    const loops = selectVisibleLoops(useStore.getState());
    const listbox = screen.getByRole("listbox", { name: "Cycles" });
    const options = within(listbox).getAllByRole("option");
    act(() => listbox.focus());
    expect(listbox).toHaveAttribute("aria-activedescendant", options[0]!.id);
    await user.keyboard("{ArrowDown}");
    expect(listbox).toHaveAttribute("aria-activedescendant", options[1]!.id);
    await user.keyboard("{Enter}");
    expect(useStore.getState().selection).toEqual({
      kind: "loop",
      loopId: loops[1]!.id,
      companies: loops[1]!.companies,
      hopKeys: loops[1]!.hopKeys,
    });
    const after = within(listbox).getAllByRole("option");
    expect(after[1]).toHaveAttribute("aria-selected", "true");
    expect(after.filter((o) => o.getAttribute("aria-selected") === "true")).toHaveLength(1);
    await user.keyboard("{Enter}");
    expect(within(listbox).getAllByRole("option")[1]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{End}");
    expect(listbox).toHaveAttribute("aria-activedescendant", after.at(-1)!.id);
  });

  it("should select a loop on click and list its hops with a way to their sources", async () => {
    const user = userEvent.setup();
    render(<LoopsPanel />);
    await user.click(screen.getByRole("option", { name: NVIDIA_LOOP }));
    expect(screen.getByRole("option", { name: NVIDIA_LOOP })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    expect(screen.getByText("OpenAI → Oracle: about $300 bn (cloud-contract)")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sources for OpenAI → Oracle" }));
    const state = useStore.getState();
    expect(state.selection).toEqual({ kind: "edge", from: "openai", to: "oracle" });
    expect(state.tab).toBe("details");
  });

  it("should narrow the list with the minimum round trip, down to an empty state", async () => {
    const user = userEvent.setup();
    render(<LoopsPanel />);
    const before = loopOptions().length;
    const input = screen.getByLabelText("Minimum round trip ($ bn)");
    await user.clear(input);
    await user.type(input, "10");
    expect(useStore.getState().loopControls.minRoundTripUsdBn).toBe(10);
    const after = loopOptions();
    expect(after.length).toBeLessThan(before);
    expect(after.length).toBe(
      useStore.getState().analysis!.loops.filter((l) => l.roundTripUsdBn >= 10).length,
    );
    expect(screen.getByRole("option", { name: NVIDIA_LOOP })).toBeInTheDocument();
    await user.type(input, "000");
    expect(screen.queryByRole("listbox", { name: "Cycles" })).not.toBeInTheDocument();
    expect(screen.getByText("No loops with these filters.")).toBeInTheDocument();
  });

  it("should enable 'only through the selected company' once a company is selected", async () => {
    const user = userEvent.setup();
    render(<LoopsPanel />);
    const checkbox = screen.getByRole("checkbox", {
      name: "Only loops through the selected company",
    });
    expect(checkbox).toBeDisabled();
    expect(checkbox).toHaveAccessibleDescription("Select a company first.");
    act(() => actions.selectCompany("xai"));
    expect(checkbox).toBeEnabled();
    await user.click(checkbox);
    expect(useStore.getState().loopControls.onlyThroughSelected).toBe(true);
    const options = loopOptions();
    expect(options.length).toBeGreaterThan(0);
    expect(options.every((o) => o.textContent!.includes("xAI"))).toBe(true);
  });

  it("should set the maximum length through the store", async () => {
    const user = userEvent.setup();
    render(<LoopsPanel />);
    await user.selectOptions(screen.getByLabelText("Maximum length"), "3");
    expect(useStore.getState().loopControls.maxLength).toBe(3);
  });
});

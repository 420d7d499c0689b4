// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { useStore } from "../../../src/state/store.ts";
import { StressPanel } from "../../../src/ui/panels/StressPanel.tsx";
import { Timeline } from "../../../src/ui/components/Timeline.tsx";
import { resetWithAnalysis } from "./harness.ts";

describe("ui/panels/StressPanel", () => {
  beforeEach(() => resetWithAnalysis());

  it("should ask for a company before showing results", () => {
    render(<StressPanel />);
    expect(screen.getByText("Choose one or more companies to shock.")).toBeInTheDocument();
  });

  it("should shock a company picked with the keyboard and rank the losses", async () => {
    const user = userEvent.setup();
    render(<StressPanel />);
    await user.type(screen.getByRole("combobox", { name: "Shocked companies" }), "OpenAI");
    await user.keyboard("{ArrowDown}{Enter}");
    expect(useStore.getState().stress.shocked).toEqual(["openai"]);
    expect(screen.getByRole("button", { name: "Remove OpenAI" })).toBeInTheDocument();
    expect(screen.getByText(/Total loss to the system/)).toBeInTheDocument();
    const results = screen.getByRole("region", { name: "Stress test results" });
    expect(within(results).getByRole("button", { name: "Oracle" })).toBeInTheDocument();
    expect(
      within(results).getAllByText(/OpenAI stops paying \$[\d.]+ (bn|m) a year/).length,
    ).toBeGreaterThan(1);
    // Oracle's loss is measured against the buffer the data has for it, and says which.
    const oracle = within(results).getByRole("button", { name: "Oracle" }).closest("th")!;
    expect(oracle).toHaveTextContent(
      /a year, \d+% of Oracle's reported (equity|cash|annual revenue) \(/,
    );
  });

  it("should describe the shortfall in words and store it", () => {
    useStore.setState({ stress: { shocked: ["openai"], shortfallPct: 100, thresholdPct: 25 } });
    render(<StressPanel />);
    fireEvent.change(screen.getByRole("slider", { name: /Shortfall/ }), {
      target: { value: "40" },
    });
    expect(useStore.getState().stress.shortfallPct).toBe(40);
    expect(screen.getByText("OpenAI pays 60% of its commitments.")).toBeInTheDocument();
  });

  it("should shock a company from the systemic-importance table", async () => {
    const user = userEvent.setup();
    render(<StressPanel />);
    await user.click(screen.getByRole("button", { name: "Shock OpenAI" }));
    expect(useStore.getState().stress).toMatchObject({ shocked: ["openai"], shortfallPct: 100 });
  });
});

describe("ui/components/Timeline", () => {
  beforeEach(() => resetWithAnalysis());

  it("should move the announced-to filter with the slider and say the month", () => {
    render(<Timeline />);
    const slider = screen.getByRole("slider", { name: "Timeline" });
    expect(slider).toHaveAttribute("aria-valuetext", expect.stringMatching(/\(all deals\)$/));
    fireEvent.change(slider, { target: { value: "0" } });
    const first = useStore.getState().analysis!.timeline!.months[0]!;
    expect(useStore.getState().filters.dateTo).toBe(first);
    expect(screen.getByRole("slider", { name: "Timeline" })).toHaveAttribute(
      "aria-valuetext",
      "Jul 2019",
    );
  });
});

// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { actions, useStore } from "../../../src/state/store.ts";
import { SearchBox } from "../../../src/ui/components/SearchBox.tsx";
import { rankCompanies } from "../../../src/ui/components/searchCompanies.ts";
import { tinyDataset } from "../domain/fixtures.ts";
import { resetStore, recordingCommands } from "./harness.ts";
import { GraphCommandsContext } from "../../../src/ui/controllers/sigmaContext.ts";

const box = () => screen.getByRole("combobox", { name: "Search companies" });

describe("ui/components/SearchBox", () => {
  beforeEach(() => resetStore());

  describe("rankCompanies", () => {
    it("should return nothing for a blank query", () => {
      expect(rankCompanies(tinyDataset().companies, "  ")).toEqual([]);
    });

    it("should match case-insensitively, prefix matches first, up to the limit", () => {
      const companies = tinyDataset().companies;
      expect(rankCompanies(companies, "OR").map((c) => c.id)).toEqual(["oracle"]);
      expect(rankCompanies(companies, "n").map((c) => c.id)).toEqual(["nvidia", "intel", "openai"]);
      expect(rankCompanies(companies, "n", 2)).toHaveLength(2);
    });
  });

  describe("SearchBox", () => {
    it("should focus on '/' from the page but not take '/' from another field", async () => {
      const user = userEvent.setup();
      render(
        <>
          <input aria-label="Other field" />
          <SearchBox />
        </>,
      );
      await user.keyboard("/");
      expect(box()).toHaveFocus();
      expect(box()).toHaveValue("");
      await user.click(screen.getByLabelText("Other field"));
      await user.keyboard("/");
      expect(screen.getByLabelText("Other field")).toHaveValue("/");
      expect(box()).not.toHaveFocus();
    });

    it("should select Oracle on 'ora' + Enter, close the list, and clear on Esc", async () => {
      const user = userEvent.setup();
      actions.setTab("loops");
      const { commands, focused } = recordingCommands();
      render(
        <GraphCommandsContext.Provider value={commands}>
          <SearchBox />
        </GraphCommandsContext.Provider>,
      );
      await user.keyboard("/");
      await user.keyboard("ora");
      expect(box()).toHaveAttribute("aria-expanded", "true");
      const listbox = screen.getByRole("listbox");
      expect(box()).toHaveAttribute("aria-controls", listbox.id);
      expect(within(listbox).getAllByRole("option")[0]).toHaveTextContent(/^Oracle/);
      await user.keyboard("{Enter}");
      const state = useStore.getState();
      expect(state.selection).toEqual({ kind: "company", id: "oracle" });
      expect(state.tab).toBe("details");
      expect(focused).toEqual(["oracle"]);
      expect(box()).toHaveAttribute("aria-expanded", "false");
      expect(box()).toHaveValue("Oracle");

      await user.keyboard("{Escape}");
      expect(box()).toHaveValue("");
      expect(useStore.getState().selection.kind).toBe("company");
      await user.keyboard("{Escape}");
      expect(useStore.getState().selection.kind).toBe("none");
    });

    it("should move the active option with the arrows and select it with Enter", async () => {
      const user = userEvent.setup();
      render(<SearchBox />);
      await user.click(box());
      await user.keyboard("n");
      const options = screen.getAllByRole("option");
      expect(options.length).toBeGreaterThan(2);
      expect(options.length).toBeLessThanOrEqual(8);
      expect(box()).not.toHaveAttribute("aria-activedescendant");
      await user.keyboard("{ArrowDown}{ArrowDown}");
      expect(box()).toHaveAttribute("aria-activedescendant", options[1]!.id);
      expect(options[1]).toHaveAttribute("aria-selected", "true");
      const name = options[1]!.querySelector(".search-name")!.textContent;
      await user.keyboard("{Enter}");
      const id = useStore.getState().dataset.companies.find((c) => c.name === name)!.id;
      expect(useStore.getState().selection).toEqual({ kind: "company", id });
    });

    it("should say so when no company matches", async () => {
      const user = userEvent.setup();
      render(<SearchBox />);
      await user.click(box());
      await user.keyboard("zzzz");
      expect(screen.getByText("No company matches")).toBeInTheDocument();
      expect(box()).toHaveAttribute("aria-expanded", "false");
      await user.keyboard("{Enter}");
      expect(useStore.getState().selection.kind).toBe("none");
    });

    it("should select a company on click", async () => {
      const user = userEvent.setup();
      render(<SearchBox />);
      await user.click(box());
      await user.keyboard("nvi");
      await user.click(screen.getByRole("option", { name: /Nvidia/ }));
      expect(useStore.getState().selection).toEqual({ kind: "company", id: "nvidia" });
    });
  });
});

// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { AboutPanel } from "../../../src/ui/AboutPanel.tsx";
import { tinyDataset } from "../domain/fixtures.ts";
import { resetStore } from "./harness.ts";

describe("ui/AboutPanel", () => {
  it("should link only http and https sources, showing the others as text", () => {
    const d = tinyDataset();
    const urls = [
      "javascript:alert(1)",
      "data:text/html,<b>x</b>",
      "vbscript:msgbox",
      "file:///etc/passwd",
      "https://example.com/ok",
    ];
    d.sources = urls.map((url, i) => ({
      id: `s${i}`,
      kind: "external" as const,
      title: `Source ${i}`,
      url,
    }));
    d.deals = d.deals.map((deal) => ({ ...deal, sources: [{ sourceId: "s4", quote: "q" }] }));
    d.facts = [];
    resetStore(d);
    render(<AboutPanel />);
    const links = screen.getAllByRole("link");
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["https://example.com/ok"]);
    for (let i = 0; i < 4; i++) expect(screen.getByText(`Source ${i}`).closest("a")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { embedCode } from "../../../src/ui/components/ShareButton.tsx";
import { openInOuroborosUrl } from "../../../src/ui/components/EmbedCaption.tsx";

describe("ui/embed", () => {
  it("should make an iframe of the view with embed=1, escaping the title, keeping the data fragment", () => {
    const code = embedCode("https://example.org/app/?v=1&loop=a.b#data=xyz", `Q&A "Labs" <1>`);
    expect(code).toBe(
      `<iframe src="https://example.org/app/?v=1&amp;loop=a.b&amp;embed=1#data=xyz" title="Ouroboros: Q&amp;A &quot;Labs&quot; &lt;1&gt;" width="100%" height="520" style="border:0" loading="lazy"></iframe>`,
    );
  });

  it("should link out to the same view without embed=1", () => {
    expect(openInOuroborosUrl("https://example.org/?v=1&loop=a.b&embed=1#data=x")).toBe(
      "https://example.org/?v=1&loop=a.b#data=x",
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CaptionInline,
  type CaptionParagraph,
  MAX_CAPTION_CHARS,
  captionPlainText,
  parseCaption,
} from "../../../src/domain/storyText.ts";

const text = (value: string): CaptionInline => ({ kind: "text", text: value });
const em = (...children: CaptionInline[]): CaptionInline => ({ kind: "em", children });
const strong = (...children: CaptionInline[]): CaptionInline => ({ kind: "strong", children });
const link = (href: string, label: string): CaptionInline => ({ kind: "link", href, text: label });

/** Every token in document order, nested ones included. */
function tokens(paragraphs: readonly CaptionParagraph[]): CaptionInline[] {
  const walk = (inlines: readonly CaptionInline[]): CaptionInline[] =>
    inlines.flatMap((inline) =>
      "children" in inline ? [inline, ...walk(inline.children)] : [inline],
    );
  return paragraphs.flatMap(walk);
}
/** The text a reader sees: text tokens and link labels, concatenated. */
const shownText = (paragraphs: readonly CaptionParagraph[]) =>
  tokens(paragraphs)
    .map((token) => ("text" in token ? token.text : ""))
    .join("");

/** Captions heavy in markup, links and hostile URLs, so the parser's branches are all reached. */
const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom("*", "**", "_", "__", "[", "]", "(", ")", "\\", " ", "\n", "\n\n", "\t"),
      fc.constantFrom("a", "b c", "snake_case", ".", "<script>", "&lt;", "é", "😀", "\uD83D"),
      fc.constantFrom("https://a.com", "http://b.org/x", "javascript:alert(1)", "JAVASCRIPT:x"),
      fc.constantFrom("data:text/html,<b>", "vbscript:x", "//evil.com", "/rel", "https://"),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));
const anyCaption = fc.oneof(markdownish, fc.string({ maxLength: 300, unit: "binary" }));

describe("domain/storyText", () => {
  describe("parseCaption", () => {
    it("should accept any string, returning no paragraphs for an empty or blank caption", () => {
      expect(parseCaption("")).toEqual([]);
      expect(parseCaption(" \n\n\t \r\n ")).toEqual([]);
      expect(parseCaption("plain")).toEqual([[text("plain")]]);
    });

    it("should read *x* and _x_ as emphasis and **x** and __x__ as strong", () => {
      expect(parseCaption("a *b* c")).toEqual([[text("a "), em(text("b")), text(" c")]]);
      expect(parseCaption("_b_")).toEqual([[em(text("b"))]]);
      expect(parseCaption("**b** and __c__")).toEqual([
        [strong(text("b")), text(" and "), strong(text("c"))],
      ]);
    });

    it("should nest emphasis inside strong, and the other way round", () => {
      expect(parseCaption("**a *b* c**")).toEqual([
        [strong(text("a "), em(text("b")), text(" c"))],
      ]);
      expect(parseCaption("*a __b__*")).toEqual([[em(text("a "), strong(text("b")))]]);
      expect(parseCaption("***both***")).toEqual([[em(strong(text("both")))]]);
      // The unmatched `b_` must not stop the later `_d_` from pairing.
      expect(parseCaption("*a b_ c* _d_")).toEqual([
        [em(text("a b_ c")), text(" "), em(text("d"))],
      ]);
    });

    it("should keep unmatched or space-flanked markers as literal text", () => {
      expect(parseCaption("*a")).toEqual([[text("*a")]]);
      expect(parseCaption("a**")).toEqual([[text("a**")]]);
      expect(parseCaption("2 * 3 * 4")).toEqual([[text("2 * 3 * 4")]]);
      expect(parseCaption("**a*")).toEqual([[text("*"), em(text("a"))]]);
      // The rule of 3: the inner `**` cannot close the outer `*`.
      expect(parseCaption("*foo**bar*")).toEqual([[em(text("foo**bar"))]]);
      // Runs inside a closed pair cannot pair across its end.
      expect(parseCaption("**a _b* c_")).toEqual([[text("*"), em(text("a _b")), text(" c_")]]);
    });

    it("should keep intraword underscores literal but let intraword asterisks emphasise", () => {
      expect(parseCaption("snake_case_name")).toEqual([[text("snake_case_name")]]);
      expect(parseCaption("foo_bar_ and _baz_qux")).toEqual([[text("foo_bar_ and _baz_qux")]]);
      expect(parseCaption("__init__ file")).toEqual([[strong(text("init")), text(" file")]]);
      expect(parseCaption("a*b*c")).toEqual([[text("a"), em(text("b")), text("c")]]);
    });

    it("should make http and https links, with the URL as the URL parser normalises it", () => {
      expect(parseCaption("see [the deal](https://example.com/a?b=1#c).")).toEqual([
        [text("see "), link("https://example.com/a?b=1#c", "the deal"), text(".")],
      ]);
      expect(parseCaption("[x](HTTP://Example.COM)")).toEqual([[link("http://example.com/", "x")]]);
      expect(parseCaption("[x](  https://a.com/(b)  )")).toEqual([
        [link("https://a.com/(b)", "x")],
      ]);
      expect(parseCaption("[a\\]b](https://a.com/\\(c\\))")).toEqual([
        [link("https://a.com/(c)", "a]b")],
      ]);
      expect(parseCaption("[x](https://a.com/a\\)b)")).toEqual([[link("https://a.com/a)b", "x")]]);
      expect(parseCaption("*[x](https://a.com)*")).toEqual([[em(link("https://a.com/", "x"))]]);
    });

    it("should drop a URL that is not http(s) and show only the label", () => {
      const hostile = [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\nscript:alert(1)",
        "jav&#x09;ascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.com",
        "/relative",
        "https://",
        'https://a.com/x "title"',
      ];
      for (const url of hostile) {
        expect(parseCaption(`go [x](${url}) now`), url).toEqual([[text("go x now")]]);
      }
    });

    it("should leave brackets literal when they do not form a link", () => {
      expect(parseCaption("[a] (b)")).toEqual([[text("[a] (b)")]]);
      expect(parseCaption("[](https://a.com)")).toEqual([[text("[](https://a.com)")]]);
      expect(parseCaption("[a](https://a.com")).toEqual([[text("[a](https://a.com")]]);
      expect(parseCaption("[a [b](https://a.com)")).toEqual([
        [text("[a "), link("https://a.com/", "b")],
      ]);
    });

    it("should keep raw HTML and entities as the literal text they are", () => {
      for (const html of [
        "<script>alert(1)</script>",
        '<a href="javascript:alert(1)">x</a>',
        "<img src=x onerror=alert(1)>",
        "&lt;b&gt; &amp; &#60;",
      ]) {
        expect(parseCaption(html)).toEqual([[text(html)]]);
      }
    });

    it("should turn backslash escapes into the literal character and keep other backslashes", () => {
      expect(parseCaption("\\*a\\* \\_b\\_ \\[c\\]\\(d\\) \\\\")).toEqual([
        [text("*a* _b_ [c](d) \\")],
      ]);
      expect(parseCaption("\\**a**")).toEqual([[text("*"), em(text("a")), text("*")]]);
      expect(parseCaption("C:\\path \\< \\")).toEqual([[text("C:\\path \\< \\")]]);
    });

    it("should split paragraphs on blank lines and turn soft breaks and space runs into one space", () => {
      expect(parseCaption("one\ntwo\n\nthree")).toEqual([[text("one two")], [text("three")]]);
      expect(parseCaption("a\r\nb\r\n\r\nc\r\rd")).toEqual([
        [text("a b")],
        [text("c")],
        [text("d")],
      ]);
      expect(parseCaption("  a \t  b \n \n\n\n c  ")).toEqual([[text("a b")], [text("c")]]);
      expect(parseCaption("*one\ntwo*")).toEqual([[em(text("one two"))]]);
      // Emphasis does not cross a paragraph break.
      expect(parseCaption("*one\n\ntwo*")).toEqual([[text("*one")], [text("two*")]]);
    });

    it("should merge adjacent text, literal markers included", () => {
      expect(parseCaption("a ** b __ c [d](javascript:x) e")).toEqual([[text("a ** b __ c d e")]]);
    });

    it("should parse only the first MAX_CAPTION_CHARS characters, never halving a surrogate pair", () => {
      const filler = "a".repeat(MAX_CAPTION_CHARS - 1);
      expect(parseCaption(`${filler}😀*b*`)).toEqual([[text(filler)]]);
      expect(parseCaption(`${filler}b*c*`)).toEqual([[text(`${filler}b`)]]);
      const exact = `${filler.slice(1)}😀`;
      expect(parseCaption(exact)).toEqual([[text(exact)]]);
    });

    it("should never throw, whatever the caption", () => {
      fc.assert(
        fc.property(anyCaption, (caption) => {
          expect(() => parseCaption(caption)).not.toThrow();
        }),
        { numRuns: 500 },
      );
    });

    it("should only ever link to http:// or https:// URLs", () => {
      fc.assert(
        fc.property(markdownish, (caption) => {
          for (const token of tokens(parseCaption(caption))) {
            if (token.kind === "link") expect(token.href).toMatch(/^https?:\/\//);
          }
        }),
        { numRuns: 1000 },
      );
    });

    it("should show no character that is not in the input, except a space for a soft break", () => {
      fc.assert(
        fc.property(anyCaption, (caption) => {
          // Code units, so a lone surrogate in the input cannot hide a joined pair in the output.
          const allowed = new Set([...caption.split(""), " "]);
          const invented = shownText(parseCaption(caption))
            .split("")
            .filter((unit) => !allowed.has(unit));
          expect(invented).toEqual([]);
        }),
        { numRuns: 1000 },
      );
    });

    it("should never leave adjacent or empty text tokens", () => {
      fc.assert(
        fc.property(markdownish, (caption) => {
          const siblings = (inlines: readonly CaptionInline[]): boolean =>
            inlines.every(
              (inline, k) =>
                (inline.kind !== "text" ||
                  (inline.text !== "" && inlines[k - 1]?.kind !== "text")) &&
                (!("children" in inline) || siblings(inline.children)),
            );
          expect(parseCaption(caption).every(siblings)).toBe(true);
        }),
        { numRuns: 500 },
      );
    });
  });

  describe("captionPlainText", () => {
    it("should drop the markers, keep link labels and separate paragraphs with a blank line", () => {
      expect(
        captionPlainText(
          "**Nvidia** invests in [OpenAI](https://openai.com),\nwhich *buys*\n\nchips",
        ),
      ).toEqual("Nvidia invests in OpenAI, which buys\n\nchips");
      expect(captionPlainText("[x](javascript:alert(1)) <b>")).toBe("x <b>");
      expect(captionPlainText("")).toBe("");
    });

    it("should return markup-free text with its space runs collapsed to one space and trimmed", () => {
      // Markup-free: none of `*_[]()\` and no line break. Spaces: ASCII space, tab, VT, FF.
      const plainChar = fc.oneof(
        fc.constantFrom(" ", "  ", "\t", "\v", "\f", "\u00a0", "<", ">", "&", "😀", "é"),
        fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
      );
      const plain = fc
        .array(plainChar, { maxLength: 60 })
        .map((chars) => chars.join("").replace(/[*_[\]()\\\n\r]/g, ""));
      fc.assert(
        fc.property(plain, (caption) => {
          const expected = caption.replace(/[ \t\v\f]+/g, " ").replace(/^ | $/g, "");
          expect(captionPlainText(caption)).toBe(expected);
        }),
        { numRuns: 1000 },
      );
    });
  });
});

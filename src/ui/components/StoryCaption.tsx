/**
 * A step's caption, from the Markdown subset `domain/storyText.ts` parses:
 * paragraphs, emphasis, strong and http(s) links. Every piece is a React text
 * node or element, never HTML, so markup in a caption shows as the text it is.
 */
import { Fragment } from "react";
import { type CaptionInline, parseCaption } from "../../domain/storyText.ts";

function Inline({ token }: { token: CaptionInline }) {
  switch (token.kind) {
    case "text":
      return <>{token.text}</>;
    case "em":
    case "strong": {
      const Tag = token.kind;
      return (
        <Tag>
          {token.children.map((child, i) => (
            <Inline key={i} token={child} />
          ))}
        </Tag>
      );
    }
    case "link":
      return (
        <a href={token.href} target="_blank" rel="noopener noreferrer">
          {token.text}
        </a>
      );
  }
}

export function StoryCaption({ source, className }: { source: string; className?: string }) {
  const paragraphs = parseCaption(source);
  return (
    <div className={className}>
      {paragraphs.map((paragraph, i) => (
        <p key={i}>
          {paragraph.map((token, j) => (
            <Fragment key={j}>
              <Inline token={token} />
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}

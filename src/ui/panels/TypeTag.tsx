/**
 * A deal type as a small tag with the graph's colour for that type, so the
 * panels and the canvas read the same. The text always names the type; the
 * colour is only a reminder.
 */
import type { CSSProperties } from "react";
import type { DealType } from "../../domain/schema.ts";
import { DEAL_TYPE_COLORS } from "../../graph/palette.ts";
import "./panels.css";

const colorOf = (type: string): string | undefined =>
  Object.hasOwn(DEAL_TYPE_COLORS, type) ? DEAL_TYPE_COLORS[type as DealType] : undefined;

/** "equity", or "equity ×2" when a count above one is given. */
export function TypeTag({ type, count }: { readonly type: string; readonly count?: number }) {
  const color = colorOf(type);
  const style = color ? ({ "--type-color": color } as CSSProperties) : undefined;
  return (
    <span className={`type-tag type-${type}`} style={style}>
      {type}
      {count !== undefined && count > 1 ? ` ×${count}` : ""}
    </span>
  );
}

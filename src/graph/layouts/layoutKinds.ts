/**
 * The layouts the graph can be drawn with, and their names in the UI and in
 * links (`layout=force|circle|role`).
 *
 * - `force`: ForceAtlas2 then noverlap (`../layout.ts`), the default;
 * - `circle`: companies on a ring, ordered to cut edge crossings (`circle.ts`);
 * - `role`: columns by company kind, money flowing left to right (`role.ts`).
 *
 * Every layout is deterministic and fills about the same extent
 * (`layoutExtent`), so the camera and its links behave alike in all three.
 */

export const LAYOUT_KINDS = ["force", "circle", "role"] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];

export const DEFAULT_LAYOUT: LayoutKind = "force";

/** The layout chooser's labels. */
export const LAYOUT_LABELS: Readonly<Record<LayoutKind, string>> = {
  force: "Force",
  circle: "Circle",
  role: "By role",
};

/** Whether a string names a layout. */
export function isLayoutKind(value: unknown): value is LayoutKind {
  return (LAYOUT_KINDS as readonly unknown[]).includes(value);
}

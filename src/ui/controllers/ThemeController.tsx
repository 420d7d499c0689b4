/**
 * Theme controller (renders nothing): re-resolves sigma's themed settings
 * (label colours, label and hover drawing) when the theme changes. The graph
 * background is CSS (`--graph-bg`), so it follows the theme on its own.
 */
import { useEffect } from "react";
import { resolveGraphSettings } from "../../graph/settings.ts";
import { useStore } from "../../state/store.ts";
import { useSigma } from "./sigmaContext.ts";

export function ThemeController() {
  const sigma = useSigma();
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const { labelColor, edgeLabelColor, defaultDrawNodeLabel, defaultDrawNodeHover } =
      resolveGraphSettings(theme);
    sigma.setSettings({ labelColor, edgeLabelColor, defaultDrawNodeLabel, defaultDrawNodeHover });
  }, [sigma, theme]);
  return null;
}

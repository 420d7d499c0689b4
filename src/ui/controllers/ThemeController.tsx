/**
 * Theme controller (renders nothing): re-resolves sigma's themed settings
 * (label colours, label and hover drawing) when the theme changes. The graph
 * background is CSS (`--graph-bg`), so it follows the theme on its own.
 */
import { useEffect } from "react";
import { resolveGraphSettings } from "../../graph/settings.ts";
import { useStore } from "../../state/store.ts";
import { LABEL_STATES } from "./LabelPlanController.tsx";
import { useSigma } from "./sigmaContext.ts";

export function ThemeController() {
  const sigma = useSigma();
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    // NOTE: the drawers read the label state's colours as they draw; this sets them.
    const { labelColor, edgeLabelColor } = resolveGraphSettings(theme, LABEL_STATES.get(sigma));
    sigma.setSettings({ labelColor, edgeLabelColor });
  }, [sigma, theme]);
  return null;
}

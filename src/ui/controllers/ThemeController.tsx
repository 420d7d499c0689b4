/**
 * Theme controller (renders nothing): sets the label state's colours (names,
 * amounts, the focus backdrop) when the theme changes, and redraws. The graph
 * background is CSS (`--graph-bg`), so it follows the theme on its own.
 */
import { useEffect } from "react";
import { THEME_COLORS } from "../../graph/palette.ts";
import { useStore } from "../../state/store.ts";
import { GRAPH_STATES } from "./LabelPlanController.tsx";
import { useSigma } from "./sigmaContext.ts";

export function ThemeController() {
  const sigma = useSigma();
  const theme = useStore((s) => s.theme);
  useEffect(() => {
    const state = GRAPH_STATES.get(sigma);
    if (!state) return;
    // NOTE: the reducers and the label layer read these colours as they draw.
    state.labels.colors = THEME_COLORS[theme];
    sigma.refresh();
  }, [sigma, theme]);
  return null;
}

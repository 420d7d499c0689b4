/**
 * The camera's limits, apart from sigma so the URL codec can clamp a link's
 * camera without loading WebGL code. `settings.ts` hands the zoom range to sigma.
 */

/** The camera's zoom limits (sigma's ratio): a link asking for more is clamped to them. */
export const CAMERA_RATIO_RANGE = [0.05, 4] as const;

/** How far from the framed graph (0..1) a link may put the camera's centre. */
export const CAMERA_CENTRE_RANGE = [-1, 2] as const;

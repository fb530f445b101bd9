/**
 * Smallest zoom: low enough for Fit to show a whole 500-node graph (510
 * nodes lay out at about 9,400 x 12,100 px, which a laptop's graph pane
 * holds at about 0.05).
 */
export const MIN_ZOOM = 0.04;
export const MAX_ZOOM = 2;
/** Each zoom in or out step multiplies or divides by this. */
export const ZOOM_STEP = 1.25;

type Size = { width: number; height: number };

export const clampZoom = (zoom: number) =>
  Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/**
 * The zoom at which `content` fits in `box`, never above 100% (a small
 * graph is not blown up). A box not laid out yet (size 0) leaves 100%.
 */
export function fitZoom(content: Size, box: Size): number {
  if (box.width <= 0 || content.width <= 0 || content.height <= 0) return 1;
  const scale = Math.min(
    box.width / content.width,
    box.height > 0 ? box.height / content.height : Infinity,
  );
  return clampZoom(Math.min(1, scale));
}

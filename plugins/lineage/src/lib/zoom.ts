/**
 * Smallest zoom: low enough for Fit to show a whole 500-node graph (510
 * nodes lay out at about 9,400 x 12,100 px, which a laptop's graph pane
 * holds at about 0.05).
 */
export const MIN_ZOOM = 0.04;
export const MAX_ZOOM = 2;
/** Each zoom in or out step multiplies or divides by this. */
export const ZOOM_STEP = 1.25;

/**
 * Below this zoom a card's 12px text is under about 4px, which no one
 * reads: cards are drawn as outlines in their layer's colour (hovering
 * still names them). Drawing the text of 500 cards was most of a zoom
 * step: about 150 ms against 30 ms without it, in headless Chromium.
 */
export const OUTLINE_ZOOM = 0.35;

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

/**
 * The smallest zoom at which an expand fits the whole graph again: a
 * card's 12px name is then about 8px, still legible.
 */
export const READABLE_ZOOM = 0.7;

type Point = { x: number; y: number };

/** A zoom and the point of the graph to bring to the viewport's middle. */
export type View = { zoom: number; anchor: Point };

/**
 * Where to look once an expand has laid the graph out again, so that the
 * expanded `node` (its place in the new layout) stays in view:
 * - a view the reader has not zoomed or scrolled since it was fitted
 *   follows the graph: fitted again while the whole graph stays readable
 *   (READABLE_ZOOM), else centred on the node at the same zoom;
 * - a view the reader moved is theirs: same zoom, and the node stays where
 *   it was on screen (`offset`, its corner from the viewport's middle, in
 *   screen pixels), so only the layout's shift is undone. Without an
 *   offset (it was not drawn) the view centres on it.
 */
export function viewAfterExpand(args: {
  graph: Size;
  box: Size;
  zoom: number;
  moved: boolean;
  node: Point & Size;
  offset?: Point;
}): View {
  const { graph, box, zoom, moved, node, offset } = args;
  if (!moved) {
    const fit = fitZoom(graph, box);
    if (fit >= READABLE_ZOOM) {
      return { zoom: fit, anchor: { x: graph.width / 2, y: graph.height / 2 } };
    }
  }
  if (moved && offset) {
    return {
      zoom,
      anchor: { x: node.x - offset.x / zoom, y: node.y - offset.y / zoom },
    };
  }
  return {
    zoom,
    anchor: { x: node.x + node.width / 2, y: node.y + node.height / 2 },
  };
}

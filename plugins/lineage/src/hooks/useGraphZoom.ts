import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { GraphLayout } from '../lib/graph-transformations';
import { clampZoom, fitZoom, viewAfterExpand, ZOOM_STEP } from '../lib/zoom';

type Point = { x: number; y: number };

/** The box a graph may fill: its width, and its height up to its max-height. */
function boxOf(el: HTMLElement) {
  const max = parseFloat(getComputedStyle(el).maxHeight);
  return {
    width: el.clientWidth,
    height: Number.isFinite(max) ? max : el.clientHeight,
  };
}

const centreOf = (layout: GraphLayout) => ({
  x: layout.width / 2,
  y: layout.height / 2,
});

/** Whether `after` holds a node `before` did not: an expand's answer came. */
const grew = (before: GraphLayout, after: GraphLayout) => {
  const ids = new Set(before.nodes.map(n => n.node.id));
  return after.nodes.some(n => !ids.has(n.node.id));
};

/**
 * Zoom for a scrolling graph viewport: fits the graph on first render
 * (centred on `focusId`, the node it opened on, when even the smallest
 * zoom does not fit it), then on `fit`, and again on every new layout
 * while the reader has not zoomed or scrolled; `zoomBy` steps in or out
 * around the middle of what is in view. `follow` names the node being expanded:
 * when its answer lays the graph out again, the view keeps that node in
 * sight (see lib/zoom's viewAfterExpand for the rule). Attach `onScroll`
 * to the viewport: it tells the reader's scrolling from the hook's own.
 */
export function useGraphZoom(
  layout: GraphLayout,
  focusId?: string,
): {
  viewport: RefObject<HTMLDivElement>;
  zoom: number;
  fit: () => void;
  zoomBy: (steps: number) => void;
  follow: (nodeId: string) => void;
  onScroll: () => void;
} {
  const viewport = useRef<HTMLDivElement>(null);
  // A zoom and the point of the graph to bring to the viewport's middle.
  const [view, setView] = useState<{ zoom: number; anchor?: Point }>({
    zoom: 1,
  });
  // Zoomed or scrolled by the reader since the last fit.
  const moved = useRef(false);
  // Where the hook last scrolled to, to tell the reader's scrolls apart.
  const scrolled = useRef<Point>();
  const followed = useRef<string>();
  const shown = useRef<GraphLayout>();

  const fitOn = useCallback(
    (anchor: Point) => {
      const el = viewport.current;
      if (!el) return;
      moved.current = false;
      setView({ zoom: fitZoom(layout, boxOf(el)), anchor });
    },
    [layout],
  );
  const fit = useCallback(() => fitOn(centreOf(layout)), [fitOn, layout]);

  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = layout;
    const el = viewport.current;
    const fitAround = () => {
      const p = layout.nodes.find(n => n.node.id === focusId);
      fitOn(
        p ? { x: p.x + p.width / 2, y: p.y + p.height / 2 } : centreOf(layout),
      );
    };
    if (!before) {
      fitAround();
      return;
    }
    if (before === layout) return;
    // A new layout that no expand asked for (a filter, a link's expansions
    // or the layout worker's answer coming after a partial graph): a view
    // the reader left alone is fitted to it again.
    if (!followed.current) {
      if (!moved.current) fitAround();
      return;
    }
    const node = layout.nodes.find(n => n.node.id === followed.current);
    if (!el || !node || !grew(before, layout)) return;
    followed.current = undefined;
    const was = before.nodes.find(n => n.node.id === node.node.id);
    const middle = {
      x: el.scrollLeft + el.clientWidth / 2,
      y: el.scrollTop + el.clientHeight / 2,
    };
    setView(({ zoom }) =>
      viewAfterExpand({
        graph: layout,
        box: boxOf(el),
        zoom,
        moved: moved.current,
        node,
        offset: was && {
          x: was.x * zoom - middle.x,
          y: was.y * zoom - middle.y,
        },
      }),
    );
  }, [fitOn, layout, focusId]);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || !view.anchor) return;
    el.scrollTo?.({
      left: view.anchor.x * view.zoom - el.clientWidth / 2,
      top: view.anchor.y * view.zoom - el.clientHeight / 2,
    });
    scrolled.current = { x: el.scrollLeft, y: el.scrollTop };
  }, [view]);

  const onScroll = useCallback(() => {
    const el = viewport.current;
    const at = scrolled.current;
    if (!el || !at) return;
    const off = (a: number, b: number) => Math.abs(a - b) > 1;
    if (off(el.scrollLeft, at.x) || off(el.scrollTop, at.y)) {
      moved.current = true;
    }
  }, []);

  const zoomBy = useCallback((steps: number) => {
    const el = viewport.current;
    moved.current = true;
    setView(({ zoom }) => ({
      zoom: clampZoom(zoom * ZOOM_STEP ** steps),
      anchor: el
        ? {
            x: (el.scrollLeft + el.clientWidth / 2) / zoom,
            y: (el.scrollTop + el.clientHeight / 2) / zoom,
          }
        : undefined,
    }));
  }, []);

  const follow = useCallback((nodeId: string) => {
    followed.current = nodeId;
  }, []);

  return { viewport, zoom: view.zoom, fit, zoomBy, follow, onScroll };
}

import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type RefObject,
} from 'react';
import type { GraphLayout } from '../lib/graph-transformations';
import { clampZoom, fitZoom, ZOOM_STEP } from '../lib/zoom';

type Point = { x: number; y: number };

/** The box a graph may fill: its width, and its height up to its max-height. */
function boxOf(el: HTMLElement) {
  const max = parseFloat(getComputedStyle(el).maxHeight);
  return {
    width: el.clientWidth,
    height: Number.isFinite(max) ? max : el.clientHeight,
  };
}

/**
 * Zoom for a scrolling graph viewport: fits the graph on first render
 * (centred on `focusId`, the node it opened on, when even the smallest
 * zoom does not fit it), then on `fit`; `zoomBy` steps in or out around
 * the middle of what is in view.
 */
export function useGraphZoom(
  layout: GraphLayout,
  focusId?: string,
): {
  viewport: RefObject<HTMLDivElement>;
  zoom: number;
  fit: () => void;
  zoomBy: (steps: number) => void;
} {
  const viewport = useRef<HTMLDivElement>(null);
  // A zoom and the point of the graph to bring to the viewport's middle.
  const [view, setView] = useState<{ zoom: number; anchor?: Point }>({
    zoom: 1,
  });

  const fitOn = useCallback(
    (anchor: Point) => {
      const el = viewport.current;
      if (el) setView({ zoom: fitZoom(layout, boxOf(el)), anchor });
    },
    [layout],
  );
  const fit = useCallback(
    () => fitOn({ x: layout.width / 2, y: layout.height / 2 }),
    [fitOn, layout],
  );

  const fitted = useRef(false);
  useLayoutEffect(() => {
    if (fitted.current) return;
    fitted.current = true;
    const p = layout.nodes.find(n => n.node.id === focusId);
    fitOn(
      p
        ? { x: p.x + p.width / 2, y: p.y + p.height / 2 }
        : { x: layout.width / 2, y: layout.height / 2 },
    );
  }, [fitOn, layout, focusId]);

  useLayoutEffect(() => {
    const el = viewport.current;
    if (!el || !view.anchor) return;
    el.scrollTo?.({
      left: view.anchor.x * view.zoom - el.clientWidth / 2,
      top: view.anchor.y * view.zoom - el.clientHeight / 2,
    });
  }, [view]);

  const zoomBy = useCallback((steps: number) => {
    const el = viewport.current;
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

  return { viewport, zoom: view.zoom, fit, zoomBy };
}

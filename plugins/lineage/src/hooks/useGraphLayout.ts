import { useEffect, useMemo, useRef, useState } from 'react';
import {
  layoutGraph,
  placedGraph,
  shapeOf,
  type GraphLayout,
  type VisibleGraph,
} from '../lib/graph-transformations';
import type { LayoutResponse } from '../lib/layoutWorker';

/**
 * Below this many nodes a graph is laid out on the main thread: dagre
 * takes a few tens of ms there, about what a worker's round trip costs.
 */
export const WORKER_MIN_NODES = 100;

type Shown<T> = { layout: GraphLayout; tag: T };

/**
 * The layout of `visible`. Past WORKER_MIN_NODES it is computed in a Web
 * Worker (lib/layout.worker.ts), so the page answers input meanwhile: at
 * 500 nodes dagre takes 150-300 ms. Until the worker answers, the layout
 * shown before stays, with the `tag` it was shown with (what the caller
 * pairs with a layout, e.g. which sides have expand buttons), and
 * `pending` is true; a newer graph supersedes one still being laid out.
 * Where there are no workers (jsdom), or one fails, it lays out at once.
 */
export function useGraphLayout<T>(
  visible: VisibleGraph | undefined,
  tag: T,
): { layout?: GraphLayout; tag: T; pending: boolean } {
  const [failed, setFailed] = useState(false);
  const inline =
    failed ||
    typeof Worker === 'undefined' ||
    (visible?.nodes.length ?? 0) < WORKER_MIN_NODES;
  const now = useMemo(
    () => (inline && visible ? layoutGraph(visible) : undefined),
    [inline, visible],
  );

  const worker = useRef<Promise<Worker>>();
  useEffect(
    () => () =>
      void worker.current?.then(
        w => w.terminate(),
        () => {},
      ),
    [],
  );
  const [answer, setAnswer] = useState<{ layout: GraphLayout; of: unknown }>();
  const sent = useRef(0);
  useEffect(() => {
    if (inline || !visible) return undefined;
    const id = ++sent.current;
    let current = true;
    worker.current ??= import('../lib/layoutWorker').then(m => {
      const w = m.createLayoutWorker();
      w.addEventListener('error', () => setFailed(true));
      return w;
    });
    worker.current.then(
      w => {
        const done = (event: MessageEvent<LayoutResponse>) => {
          if (event.data.id !== id) return;
          w.removeEventListener('message', done);
          if (current) {
            const layout = placedGraph(visible, event.data.placement);
            setAnswer({ layout, of: visible });
          }
        };
        w.addEventListener('message', done);
        w.postMessage({ id, shape: shapeOf(visible) });
      },
      () => setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [inline, visible]);

  let shown: Shown<T> | undefined;
  if (visible && now) shown = { layout: now, tag };
  else if (visible && answer?.of === visible) {
    shown = { layout: answer.layout, tag };
  }
  // The last layout shown, and its tag: what stays while the next computes.
  const last = useRef<Shown<T>>();
  useEffect(() => {
    if (shown) last.current = shown;
  });
  const stays = shown ?? last.current;
  return {
    layout: stays?.layout,
    tag: stays ? stays.tag : tag,
    pending: !!visible && !shown,
  };
}

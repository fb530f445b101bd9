import type { GraphShape, Placement } from './graph-transformations';

/** A graph to lay out; `id` comes back with its placement. */
export type LayoutRequest = { id: number; shape: GraphShape };
export type LayoutResponse = { id: number; placement: Placement };

/**
 * The layout worker (./layout.worker.ts). Its own module, loaded only where
 * the browser has workers: the bundler makes the worker a chunk of its own
 * from this `new URL(..., import.meta.url)`, which jest cannot read.
 */
export function createLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url));
}

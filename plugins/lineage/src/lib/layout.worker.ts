// A Web Worker that lays graphs out (dagre) off the page's main thread:
// at 500 nodes that takes 150-300 ms, and the page would not answer input
// meanwhile. Loaded by ./layoutWorker; one message in, one out.
import { placeGraph } from './graph-transformations/layoutGraph';
import type { LayoutRequest, LayoutResponse } from './layoutWorker';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse): void;
};

scope.onmessage = ({ data }) =>
  scope.postMessage({ id: data.id, placement: placeGraph(data.shape) });

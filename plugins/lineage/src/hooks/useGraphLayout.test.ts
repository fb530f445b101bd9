import { act, renderHook, waitFor } from '@testing-library/react';
import { generatedLineage } from '../__testUtils__/generated';
import {
  filterGraph,
  layoutGraph,
  toLineageGraph,
  type VisibleGraph,
} from '../lib/graph-transformations';
import { placeGraph } from '../lib/graph-transformations/layoutGraph';
import { LAYERS } from '../lib/layers';
import type { LayoutRequest } from '../lib/layoutWorker';
import { useGraphLayout, WORKER_MIN_NODES } from './useGraphLayout';

/**
 * A stand-in for the browser's layout worker: it keeps the requests until
 * the test answers them (with the real placement), so a test decides the
 * order answers come in. jsdom has no Worker of its own.
 */
class FakeWorker extends EventTarget {
  static all: FakeWorker[] = [];
  requests: LayoutRequest[] = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.all.push(this);
  }
  postMessage(request: LayoutRequest) {
    this.requests.push(request);
  }
  answer(request: LayoutRequest) {
    const data = { id: request.id, placement: placeGraph(request.shape) };
    act(() => {
      this.dispatchEvent(new MessageEvent('message', { data }));
    });
  }
  fail() {
    act(() => {
      this.dispatchEvent(new Event('error'));
    });
  }
  terminate() {
    this.terminated = true;
  }
}

jest.mock('../lib/layoutWorker', () => ({
  createLayoutWorker: () => new FakeWorker(),
}));

const visibleOf = (datasets: number): VisibleGraph =>
  filterGraph(toLineageGraph(generatedLineage(datasets)), {
    layers: new Set(LAYERS),
    kinds: new Set(['dataset', 'job']),
  });
const small = visibleOf(20);
const large = visibleOf(120);
const larger = visibleOf(140);
const ids = (g?: { nodes: { node: { id: string } }[] }) =>
  g?.nodes.map(n => n.node.id);

describe('useGraphLayout', () => {
  beforeEach(() => {
    FakeWorker.all = [];
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  });
  afterEach(() => {
    delete (globalThis as { Worker?: unknown }).Worker;
  });

  it('lays a small graph out at once, on the main thread', () => {
    expect(small.nodes.length).toBeLessThan(WORKER_MIN_NODES);
    const { result } = renderHook(() => useGraphLayout(small, 'tag'));
    expect(result.current.pending).toBe(false);
    expect(result.current.layout).toEqual(layoutGraph(small));
    expect(FakeWorker.all).toHaveLength(0);
  });

  it('lays a large graph out in the worker, keeping what was shown until it answers', async () => {
    const { result, rerender } = renderHook(
      ({ graph, tag }) => useGraphLayout(graph, tag),
      { initialProps: { graph: small, tag: 'small' } },
    );
    rerender({ graph: large, tag: 'large' });
    await waitFor(() => expect(FakeWorker.all[0]?.requests).toHaveLength(1));
    // Still the small graph, with the tag it was shown with.
    expect(result.current).toMatchObject({ pending: true, tag: 'small' });
    expect(ids(result.current.layout)).toEqual(ids(layoutGraph(small)));

    const worker = FakeWorker.all[0];
    worker.answer(worker.requests[0]);
    expect(result.current.pending).toBe(false);
    expect(result.current.tag).toBe('large');
    expect(result.current.layout).toEqual(layoutGraph(large));
  });

  it('drops the answer for a graph a newer one replaced', async () => {
    const { result, rerender } = renderHook(
      ({ graph }) => useGraphLayout(graph, graph),
      { initialProps: { graph: large } },
    );
    await waitFor(() => expect(FakeWorker.all[0]?.requests).toHaveLength(1));
    rerender({ graph: larger });
    const worker = FakeWorker.all[0];
    await waitFor(() => expect(worker.requests).toHaveLength(2));
    expect(result.current).toMatchObject({ pending: true, layout: undefined });

    worker.answer(worker.requests[0]);
    expect(result.current).toMatchObject({ pending: true, layout: undefined });
    worker.answer(worker.requests[1]);
    expect(result.current.layout).toEqual(layoutGraph(larger));
    // One worker for every layout of the page.
    expect(FakeWorker.all).toHaveLength(1);
  });

  it('lays out on the main thread once the worker fails', async () => {
    const { result } = renderHook(() => useGraphLayout(large, 'tag'));
    await waitFor(() => expect(FakeWorker.all[0]?.requests).toHaveLength(1));
    FakeWorker.all[0].fail();
    expect(result.current.pending).toBe(false);
    expect(result.current.layout).toEqual(layoutGraph(large));
  });

  it('stops its worker when the page goes', async () => {
    const { unmount } = renderHook(() => useGraphLayout(large, 'tag'));
    await waitFor(() => expect(FakeWorker.all).toHaveLength(1));
    unmount();
    await waitFor(() => expect(FakeWorker.all[0].terminated).toBe(true));
  });
});

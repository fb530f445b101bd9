export * from './types';
export { toLineageGraph, toLineageNode } from './toLineageGraph';
export { mergeGraphs } from './mergeGraphs';
export { sliceDirection } from './sliceDirection';
export { aroundNode } from './aroundNode';
export {
  expandKey,
  findUnexplored,
  parseExpandKey,
  type Unexplored,
} from './unexplored';
export {
  filterGraph,
  type GraphFilters,
  type VisibleGraph,
} from './filterGraph';
export { fieldPath, type FieldPath, type PathField } from './fieldPath';
export {
  layoutGraph,
  NODE_SIZE,
  placedGraph,
  shapeOf,
  type GraphLayout,
  type GraphShape,
  type PlacedEdge,
  type PlacedNode,
  type Placement,
} from './layoutGraph';
export { pathNodes } from './pathNodes';
export { tableJobs, type TableJobs } from './tableJobs';

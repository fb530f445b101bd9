export { useLineageGraph, STEP_DEPTH, FETCH_DEPTH } from './useLineageGraph';
export { useFieldPath, COLUMN_DEPTH } from './useFieldPath';
export { useNodeSearch } from './useNodeSearch';
export { useTableEntity } from './useTableEntity';
export { useExplorerParams, useUnresolvedParams } from './useExplorerParams';
export { useGraphZoom } from './useGraphZoom';
export { useGraphLayout, WORKER_MIN_NODES } from './useGraphLayout';

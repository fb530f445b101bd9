export { useLineageGraph, STEP_DEPTH } from './useLineageGraph';
export { useFieldPath, COLUMN_DEPTH } from './useFieldPath';
export { useNodeSearch } from './useNodeSearch';
export { useTableEntity } from './useTableEntity';

export { EmptyState } from './EmptyState';
export { ErrorPanel } from './ErrorPanel';
export { LoadingRows } from './LoadingRows';
export { StatusChip } from './StatusChip';
export { EntityLink } from './EntityLink';

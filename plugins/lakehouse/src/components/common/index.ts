export { Choices } from './Choices';
export type { Choice } from './Choices';
export { EmptyState } from './EmptyState';
export { ErrorPanel } from './ErrorPanel';
export { LoadingRows } from './LoadingRows';
export { PagedTable } from './PagedTable';
export { Stat } from './Stat';

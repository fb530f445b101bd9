export {
  EmptyState,
  LoadingRows,
} from '@internal/backstage-plugin-scout-react';
export { Choices } from './Choices';
export type { Choice } from './Choices';
export { ErrorPanel } from './ErrorPanel';
export { PagedTable } from './PagedTable';
export { Stat } from './Stat';

export {
  EmptyState,
  LoadingRows,
} from '@internal/backstage-plugin-scout-react';
export { ErrorPanel } from './ErrorPanel';
export { StatusChip } from './StatusChip';
export { EntityLink } from './EntityLink';

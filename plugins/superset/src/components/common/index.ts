export { EmptyState } from './EmptyState';
export { ErrorPanel } from './ErrorPanel';
export { LoadingPanel } from './LoadingPanel';
export { SupersetStatePanel } from './SupersetStatePanel';
export { WithDashboards } from './WithDashboards';

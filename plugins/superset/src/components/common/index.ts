export { EmptyState } from '@internal/backstage-plugin-scout-react';
export { ErrorPanel } from './ErrorPanel';
export { LoadingPanel } from './LoadingPanel';
export { SupersetStatePanel } from './SupersetStatePanel';
export { WithDashboards } from './WithDashboards';

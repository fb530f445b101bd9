import { ErrorPanel as SharedErrorPanel } from '@internal/backstage-plugin-scout-react';
import { describeError } from './describeError';

/** The portal's error panel, with the superset plugin's advice for each status. */
export function ErrorPanel(props: {
  error: Error;
  what: string;
  onRetry?: () => void;
}) {
  return <SharedErrorPanel {...props} advice={describeError(props.error)} />;
}

import { Alert, Button, Flex, Text } from '@backstage/ui';
import { describeError } from './describeError';

/**
 * An error that says what failed (`what`, then the backend's message) and
 * what to do, with a Retry button when there is something to retry.
 */
export function ErrorPanel(props: {
  error: Error;
  what: string;
  onRetry?: () => void;
}) {
  const { error, what, onRetry } = props;
  const { title, action } = describeError(error);
  return (
    <Alert
      status="danger"
      icon
      title={`${what}: ${title.toLocaleLowerCase('en-US')}`}
      description={
        <Flex direction="column" gap="1">
          <Text variant="body-medium">{error.message}</Text>
          <Text variant="body-medium">{action}</Text>
        </Flex>
      }
      customActions={
        onRetry && (
          <Button variant="secondary" size="small" onPress={onRetry}>
            Retry
          </Button>
        )
      }
    />
  );
}

import { Alert, Button, Flex, Text } from '@backstage/ui';

/** What went wrong, in words, and what the reader can do about it. */
export type ErrorAdvice = { title: string; action: string };

/**
 * An error that says what failed (`what`, then the advice's title), the
 * backend's message, and what to do (`advice`, which each plugin derives
 * from the response status), with a "Try again" button when `onRetry` is
 * given.
 */
export function ErrorPanel(props: {
  error: Error;
  advice: ErrorAdvice;
  what?: string;
  onRetry?: () => void;
}) {
  const { error, advice, what, onRetry } = props;
  return (
    <Alert
      status="danger"
      icon
      title={
        what
          ? `${what}: ${advice.title.toLocaleLowerCase('en-US')}`
          : advice.title
      }
      description={
        <Flex direction="column" gap="1">
          <Text variant="body-medium">{error.message}</Text>
          <Text variant="body-medium">{advice.action}</Text>
        </Flex>
      }
      customActions={
        onRetry && (
          <Button variant="secondary" size="small" onPress={onRetry}>
            Try again
          </Button>
        )
      }
    />
  );
}

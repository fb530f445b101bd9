import { Flex, Skeleton, Text } from '@backstage/ui';

/** A progress indicator in the place of what is loading. */
export function LoadingPanel(props: { label: string; height?: number }) {
  return (
    <div role="progressbar" aria-busy="true" aria-label={props.label}>
      <Flex direction="column" gap="2">
        <Text variant="body-medium" color="secondary">
          {props.label}…
        </Text>
        <Skeleton width="100%" height={props.height ?? 120} />
      </Flex>
    </div>
  );
}

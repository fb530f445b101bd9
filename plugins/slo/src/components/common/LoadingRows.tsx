import { Flex, Skeleton } from '@backstage/ui';

/** Skeleton lines standing in for a list that is loading. */
export function LoadingRows(props: { rows?: number; label?: string }) {
  const rows = Array.from({ length: props.rows ?? 5 }, (_, i) => i);
  return (
    <Flex
      direction="column"
      gap="2"
      aria-busy="true"
      aria-label={props.label ?? 'Loading'}
    >
      {rows.map(i => (
        <Skeleton key={i} width="100%" height={24} />
      ))}
    </Flex>
  );
}

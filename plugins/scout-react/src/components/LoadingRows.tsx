import { Flex, Skeleton } from '@backstage/ui';

/**
 * Skeleton lines standing in for a list or table that is loading: `rows`
 * of them (5), each `rowHeight` px high (24), announced as `label`.
 */
export function LoadingRows(props: {
  rows?: number;
  rowHeight?: number;
  label?: string;
}) {
  const rows = Array.from({ length: props.rows ?? 5 }, (_, i) => i);
  return (
    <Flex
      direction="column"
      gap="2"
      aria-busy="true"
      aria-label={props.label ?? 'Loading'}
    >
      {rows.map(i => (
        <Skeleton key={i} width="100%" height={props.rowHeight ?? 24} />
      ))}
    </Flex>
  );
}

import { Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';
import styles from './common.module.css';

/** Nothing to show, why, and (children) a way on. */
export function EmptyState(props: { title: string; children?: ReactNode }) {
  return (
    <Flex direction="column" gap="1" className={styles.empty}>
      <Text variant="title-x-small">{props.title}</Text>
      {props.children}
    </Flex>
  );
}

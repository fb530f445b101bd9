import { Flex, Text } from '@backstage/ui';
import { ReactNode } from 'react';
import styles from './common.module.css';

/** Nothing to show, why, and (in `children`) a way on. */
export function EmptyState(props: {
  title: string;
  description?: string;
  children?: ReactNode;
}) {
  return (
    <Flex direction="column" gap="1" className={styles.empty}>
      <Text variant="title-x-small">{props.title}</Text>
      {props.description && (
        <Text variant="body-medium" color="secondary">
          {props.description}
        </Text>
      )}
      {props.children}
    </Flex>
  );
}

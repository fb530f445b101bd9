import { Flex, Link } from '@backstage/ui';
import styles from './common.module.css';
import { EmptyState } from '@internal/backstage-plugin-scout-react';

/** One valid value the reader can go to instead. */
export type Choice = { label: string; href: string };

/**
 * What the address asked for does not exist: says so, and lists what does
 * as links, so that no wrong address is a dead end.
 */
export function Choices(props: {
  title: string;
  description?: string;
  choices: Choice[];
}) {
  return (
    <EmptyState title={props.title} description={props.description}>
      <Flex gap="3" className={styles.wrap}>
        {props.choices.map(c => (
          <Link key={c.href} href={c.href} variant="body-medium">
            {c.label}
          </Link>
        ))}
      </Flex>
    </EmptyState>
  );
}

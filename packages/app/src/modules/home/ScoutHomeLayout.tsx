import { Content } from '@backstage/core-components';
import type { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import { Flex, Grid, Text } from '@backstage/ui';
import { arrangeWidgets } from './arrangeWidgets';
import styles from './ScoutHomeLayout.module.css';

/**
 * The Scout home: the cards of `page:home`'s defaultConfig in a 12-column
 * grid from 1024 px, one column below. Unlike the default draggable grid,
 * cards take their content's height, so rows leave no gaps.
 */
export function ScoutHomeLayout({
  widgets,
  defaultConfig,
}: HomePageLayoutProps) {
  const placed = arrangeWidgets(widgets, defaultConfig ?? []);
  return (
    <Content>
      <Flex direction="column" gap="4">
        <Text as="h1" variant="title-medium">
          Scout Portal
        </Text>
        <Grid.Root columns={{ initial: '1', lg: '12' }} gap="4">
          {placed.map(({ key, span, element }) => (
            <Grid.Item
              key={key}
              colSpan={{ initial: '1', lg: span }}
              className={styles.cell}
            >
              {element}
            </Grid.Item>
          ))}
        </Grid.Root>
      </Flex>
    </Content>
  );
}

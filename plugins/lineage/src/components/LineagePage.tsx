import { Container, Flex, Text } from '@backstage/ui';
import { useSearchParams } from 'react-router-dom';
import { parseNodeId } from '../lib/nodeIds';
import { EmptyState } from '@internal/backstage-plugin-scout-react';
import { LineageExplorer } from './graph/LineageExplorer';
import { LineageIntro } from './search/LineageIntro';
import { NodeSearch } from './search/NodeSearch';

/**
 * /lineage: search and jump; `?node=<nodeId>` is the graph around that
 * node, and the rest of the query what the reader did to it (expanded
 * sides, selection, column, filters), so links and reloads keep both.
 * The page is its own <main>: the app shell has none, and the pages that
 * render core-components' Page bring theirs.
 */
export function LineagePage() {
  const [params] = useSearchParams();
  const nodeId = params.get('node') ?? undefined;
  return (
    <main>
      <Container py="4">
        <Flex direction="column" gap="4">
          <Text as="h1" variant="title-small">
            Lineage
          </Text>
          <NodeSearch />
          {!nodeId && <LineageIntro />}
          {nodeId && !parseNodeId(nodeId) && (
            <EmptyState
              title={`"${nodeId}" is not a lineage node id`}
              description="Node ids are dataset:<namespace>:<name> or job:<namespace>:<name>; search above to find one."
            />
          )}
          {nodeId && parseNodeId(nodeId) && (
            <LineageExplorer key={nodeId} rootIds={[nodeId]} />
          )}
        </Flex>
      </Container>
    </main>
  );
}

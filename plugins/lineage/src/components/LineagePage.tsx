import { Container, Flex, Text } from '@backstage/ui';
import { useSearchParams } from 'react-router-dom';
import { useEffect } from 'react';
import { fieldDatasetId, parseNodeId } from '../lib/nodeIds';
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
  const [params, setParams] = useSearchParams();
  const nodeId = params.get('node') ?? undefined;
  // A column's id (as /impact and column-lineage answers give them) opens
  // its dataset with that column's path picked.
  const fieldOf = nodeId ? fieldDatasetId(nodeId) : undefined;
  useEffect(() => {
    if (!nodeId || !fieldOf) return;
    setParams(
      p => {
        const next = new URLSearchParams(p);
        next.set('node', fieldOf);
        next.set('column', nodeId);
        return next;
      },
      { replace: true },
    );
  }, [nodeId, fieldOf, setParams]);
  return (
    <main>
      <Container py="4">
        <Flex direction="column" gap="4">
          <Text as="h1" variant="title-small">
            Lineage
          </Text>
          <NodeSearch />
          {!nodeId && <LineageIntro />}
          {nodeId && !parseNodeId(nodeId) && !fieldOf && (
            <EmptyState
              title={`"${nodeId}" is not a lineage node id`}
              description="Node ids are dataset:<namespace>:<name>, job:<namespace>:<name> or datasetField:<namespace>:<dataset>:<field>; search above to find one."
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

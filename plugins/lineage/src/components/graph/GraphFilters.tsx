import { Flex, Text, ToggleButton, ToggleButtonGroup } from '@backstage/ui';
import type { GraphFilters as Filters } from '../../lib/graph-transformations';
import { LAYERS, type Layer } from '../../lib/layers';
import styles from './filters.module.css';

const KINDS = [
  { id: 'dataset', label: 'Datasets' },
  { id: 'job', label: 'Jobs' },
] as const;

/** Which layers and kinds of node the graph shows. */
export function GraphFilters(props: {
  filters: Filters;
  onChange: (filters: Filters) => void;
}) {
  const { filters, onChange } = props;
  return (
    <Flex align="center" gap="4" className={styles.bar}>
      <Flex align="center" gap="2" className={styles.group}>
        <Text variant="body-small" color="secondary">
          Layers
        </Text>
        <ToggleButtonGroup
          aria-label="Layers"
          className={styles.toggles}
          selectionMode="multiple"
          selectedKeys={[...filters.layers]}
          onSelectionChange={keys =>
            onChange({
              ...filters,
              layers: new Set([...keys].map(k => String(k) as Layer)),
            })
          }
        >
          {LAYERS.map(layer => (
            <ToggleButton key={layer} id={layer}>
              {layer}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Flex>
      <Flex align="center" gap="2" className={styles.group}>
        <Text variant="body-small" color="secondary">
          Show
        </Text>
        <ToggleButtonGroup
          aria-label="Kinds"
          className={styles.toggles}
          selectionMode="multiple"
          disallowEmptySelection
          selectedKeys={[...filters.kinds]}
          onSelectionChange={keys =>
            onChange({
              ...filters,
              kinds: new Set(
                [...keys].map(k => String(k) as 'dataset' | 'job'),
              ),
            })
          }
        >
          {KINDS.map(k => (
            <ToggleButton key={k.id} id={k.id}>
              {k.label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Flex>
    </Flex>
  );
}

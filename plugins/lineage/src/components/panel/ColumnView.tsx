import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Button, Flex, Text } from '@backstage/ui';
import type { AsyncState } from 'react-use/esm/useAsyncFn';
import type {
  DatasetNode,
  FieldPath,
  PathField,
} from '../../lib/graph-transformations';
import { fieldNodeId } from '../../lib/nodeIds';
import styles from './panel.module.css';
import { WrappingName } from './WrappingName';

function PathList(props: { title: string; fields: PathField[]; none: string }) {
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-medium" weight="bold">
        {props.title}
      </Text>
      {props.fields.length ? (
        <ol className={styles.list} aria-label={props.title}>
          {props.fields.map(f => (
            <li key={f.id} className={styles.mono}>
              <WrappingName name={f.dataset} />
              {` . ${f.field}`}
            </li>
          ))}
        </ol>
      ) : (
        <Text variant="body-small" color="secondary">
          {props.none}
        </Text>
      )}
    </Flex>
  );
}

/**
 * Why no field reads `field`. Column lineage comes from the readers' own
 * events: a job can read the table and declare nothing for this field, so
 * that is said apart from the table having no reader at all.
 */
function noReader(field: string, table: string, readers?: number) {
  const none = `No column lineage records a reader of ${field}.`;
  if (readers === undefined) return none;
  if (readers === 0) return `${none} No job is recorded reading ${table}.`;
  const jobs = readers === 1 ? '1 job reads' : `${readers} jobs read`;
  const their = readers === 1 ? 'its' : 'their';
  return `${none} ${jobs} ${table}, but ${their} events declared no column lineage for this field.`;
}

/**
 * The dataset's fields; picking one loads its column lineage, highlighted
 * in the graph and listed here: the fields it comes from, nearest first,
 * back to the source, and the fields that read it. `readers` counts the
 * jobs that read the table, when the graph knows them all.
 */
export function ColumnView(props: {
  dataset: DatasetNode;
  readers?: number;
  fieldId?: string;
  onPickField: (fieldId: string | undefined) => void;
  path: AsyncState<FieldPath | undefined>;
}) {
  const { dataset, fieldId, path } = props;
  const ids = dataset.fields.map(f => ({
    ...f,
    id: fieldNodeId({
      namespace: dataset.namespace,
      dataset: dataset.name,
      field: f.name,
    }),
  }));
  const picked = ids.find(f => f.id === fieldId);
  if (!ids.length) {
    return (
      <Text variant="body-small" color="secondary">
        No fields recorded for this dataset: its producer sent no schema, so
        there is no column lineage to follow.
      </Text>
    );
  }
  return (
    <Flex direction="column" gap="3">
      <Text variant="body-small" color="secondary">
        Pick a field to follow where it comes from and what reads it.
      </Text>
      <ul className={styles.list} aria-label="Columns">
        {ids.map(f => (
          <li key={f.id}>
            <button
              type="button"
              className={styles.fieldButton}
              aria-pressed={f.id === fieldId}
              onClick={() => props.onPickField(f.id)}
            >
              <span className={styles.mono}>{f.name}</span>
              <span className={styles.type}>{f.type ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
      {fieldId && !picked && (
        <Text variant="body-small" color="secondary">
          The highlighted path is of a field of another dataset.
        </Text>
      )}
      {fieldId && (
        <Button
          variant="secondary"
          size="small"
          onPress={() => props.onPickField(undefined)}
        >
          Clear the column path
        </Button>
      )}
      {path.loading && <Progress />}
      {path.error && (
        <ResponseErrorPanel
          title="Could not load the column lineage"
          error={path.error}
        />
      )}
      {picked && path.value && (
        <>
          <PathList
            title={`${picked.name} comes from`}
            fields={path.value.upstream}
            none="No recorded inputs: a source field, or one computed from no column (a constant)."
          />
          <PathList
            title="Read by"
            fields={path.value.downstream}
            none={noReader(picked.name, dataset.name, props.readers)}
          />
        </>
      )}
    </Flex>
  );
}

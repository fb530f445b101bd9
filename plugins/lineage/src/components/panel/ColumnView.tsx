import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { Button, Flex, Text } from '@backstage/ui';
import type { AsyncState } from 'react-use/esm/useAsyncFn';
import type {
  DatasetNode,
  FieldPath,
  PathField,
  TableJobs,
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
 * Why no field feeds or reads `field`. Column lineage comes from the jobs'
 * own events: a job can write or read the table and declare nothing for
 * this field, so that is said apart from the table having no such job.
 */
function noneRecorded(
  side: 'inputs' | 'readers',
  field: string,
  table: string,
  jobs?: number,
) {
  const none =
    side === 'inputs'
      ? `No column lineage records where ${field} comes from.`
      : `No column lineage records a reader of ${field}.`;
  const verb = side === 'inputs' ? 'write' : 'read';
  if (jobs === undefined) return none;
  if (jobs === 0) {
    return side === 'inputs'
      ? `${none} No job is recorded writing ${table}: it is a source.`
      : `${none} No job is recorded reading ${table}.`;
  }
  const count = jobs === 1 ? `1 job ${verb}s` : `${jobs} jobs ${verb}`;
  const their = jobs === 1 ? 'its' : 'their';
  const constant =
    side === 'inputs' ? ' (or it is computed from no column, a constant)' : '';
  return `${none} ${count} ${table}, but ${their} events declared no column lineage for this field${constant}.`;
}

/**
 * The dataset's fields; picking one loads its column lineage, highlighted
 * in the graph and listed here: the fields it comes from, nearest first,
 * back to the source, and the fields that read it. `jobs` counts the jobs
 * that read and write the table, when the graph knows them all.
 */
export function ColumnView(props: {
  dataset: DatasetNode;
  jobs?: TableJobs;
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
            none={noneRecorded(
              'inputs',
              picked.name,
              dataset.name,
              props.jobs?.writers,
            )}
          />
          <PathList
            title="Read by"
            fields={path.value.downstream}
            none={noneRecorded(
              'readers',
              picked.name,
              dataset.name,
              props.jobs?.readers,
            )}
          />
        </>
      )}
    </Flex>
  );
}

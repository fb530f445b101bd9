import { Card, CardBody, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import type { AsyncState } from 'react-use/esm/useAsyncFn';
import type {
  FieldPath,
  LineageNode,
  TableJobs,
} from '../../lib/graph-transformations';
import { fieldDatasetId } from '../../lib/nodeIds';
import { ColumnView } from './ColumnView';
import { DatasetDetails } from './DatasetDetails';
import { JobDetails } from './JobDetails';
import styles from './panel.module.css';

/**
 * The side panel of the clicked node: a job's SQL and run; a dataset's
 * details and impact, and its columns, whose lineage can be followed.
 * `jobs`: how many jobs read and write a dataset, when the graph knows
 * them all.
 */
export function NodePanel(props: {
  node: LineageNode;
  isRoot: boolean;
  jobs?: TableJobs;
  fieldId?: string;
  onPickField: (fieldId: string | undefined) => void;
  path: AsyncState<FieldPath | undefined>;
}) {
  const { node } = props;
  return (
    <Card className={styles.panel}>
      <CardBody>
        {node.kind === 'job' ? (
          <JobDetails job={node} />
        ) : (
          <Tabs
            defaultSelectedKey={
              // A link to a column path opens on that column.
              props.fieldId && fieldDatasetId(props.fieldId) === node.id
                ? 'columns'
                : 'details'
            }
          >
            <TabList aria-label="Dataset views">
              <Tab id="details">Details</Tab>
              <Tab id="columns">Columns</Tab>
            </TabList>
            <TabPanel id="details">
              <DatasetDetails dataset={node} isRoot={props.isRoot} />
            </TabPanel>
            <TabPanel id="columns">
              <ColumnView
                dataset={node}
                jobs={props.jobs}
                fieldId={props.fieldId}
                onPickField={props.onPickField}
                path={props.path}
              />
            </TabPanel>
          </Tabs>
        )}
      </CardBody>
    </Card>
  );
}

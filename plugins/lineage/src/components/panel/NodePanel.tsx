import { Card, CardBody, Tab, TabList, TabPanel, Tabs } from '@backstage/ui';
import type { AsyncState } from 'react-use/esm/useAsyncFn';
import type { FieldPath, LineageNode } from '../../lib/graph-transformations';
import { fieldDatasetId } from '../../lib/nodeIds';
import { ColumnView } from './ColumnView';
import { DatasetDetails } from './DatasetDetails';
import { JobDetails } from './JobDetails';

/**
 * The side panel of the clicked node: a job's SQL and run; a dataset's
 * details and impact, and its columns, whose lineage can be followed.
 */
export function NodePanel(props: {
  node: LineageNode;
  isRoot: boolean;
  fieldId?: string;
  onPickField: (fieldId: string | undefined) => void;
  path: AsyncState<FieldPath | undefined>;
}) {
  const { node } = props;
  return (
    <Card>
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

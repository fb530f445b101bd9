import { useApi } from '@backstage/frontend-plugin-api';
import { Flex, Select } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { lakehouseApiRef, TableRef } from '../../api';
import { formatTime } from '@internal/backstage-plugin-scout-react';
import { useSearchState } from '../../lib/useSearchState';
import { PreviewPages } from './PreviewPages';
import styles from '../common/common.module.css';

const LATEST = 'latest';

/**
 * Rows of the table, a page at a time, at the latest state, at a snapshot
 * (`?snapshot=`) or on another branch (`?ref=`).
 */
export function PreviewTab(props: { tableRef: TableRef }) {
  const { catalog, namespace, table } = props.tableRef;
  const api = useApi(lakehouseApiRef);
  const [params, update] = useSearchState();
  const snapshot = params.get('snapshot') ?? undefined;
  const ref = params.get('ref') ?? undefined;

  // The choices are optional: when they fail to load, the preview still works.
  const choices = useAsync(async () => {
    const [snapshots, refs, catalogs] = await Promise.all([
      api.listSnapshots({ catalog, namespace, table }),
      api.listRefs(catalog),
      api.listCatalogs(),
    ]);
    const defaultRef = catalogs.find(c => c.name === catalog)?.defaultRef;
    return { snapshots, refs, defaultRef };
  }, [api, catalog, namespace, table]);

  const snapshotOptions = [
    { id: LATEST, label: 'Latest' },
    ...(choices.value?.snapshots ?? []).map(s => ({
      id: s.snapshotId,
      label: `${formatTime(s.committedAt)} · ${s.operation ?? 'commit'} · ${
        s.snapshotId
      }`,
    })),
  ];
  if (snapshot && !snapshotOptions.some(o => o.id === snapshot)) {
    snapshotOptions.push({ id: snapshot, label: `Snapshot ${snapshot}` });
  }
  const refs = choices.value?.refs ?? [];
  const defaultRef = choices.value?.defaultRef;

  return (
    <Flex direction="column" gap="3">
      <Flex gap="3" align="end" className={styles.wrap}>
        {refs.length > 0 && (
          <Select
            className={styles.picker}
            label="Branch or tag"
            options={refs.map(r => ({
              id: r.name,
              label: `${r.name} (${r.type.toLowerCase()})`,
            }))}
            value={ref ?? defaultRef ?? null}
            onChange={key =>
              update({
                ref: key === defaultRef ? undefined : String(key),
                snapshot: undefined,
              })
            }
          />
        )}
        {snapshotOptions.length > 1 && (
          <Select
            className={styles.picker}
            label="Snapshot"
            options={snapshotOptions}
            value={snapshot ?? LATEST}
            onChange={key =>
              update({ snapshot: key === LATEST ? undefined : String(key) })
            }
          />
        )}
      </Flex>
      <PreviewPages
        key={`${ref ?? ''}@${snapshot ?? ''}`}
        tableRef={props.tableRef}
        refName={ref}
        snapshot={snapshot}
      />
    </Flex>
  );
}

import { Select } from '@backstage/ui';
import { shortRef } from '../../lib/slos';
import styles from './slo.module.css';

export const ALL = 'all';

/** A filter's choices: "all", then each ref by its short name. */
function options(all: string, refs: readonly string[]) {
  return [
    { id: ALL, label: all },
    ...[...refs]
      .sort((a, b) => shortRef(a).localeCompare(shortRef(b)))
      .map(ref => ({ id: ref, label: shortRef(ref) })),
  ];
}

/** The owner and system pickers of the SLO page. */
export function SloFilters(props: {
  owners: readonly string[];
  systems: readonly string[];
  owner?: string;
  system?: string;
  /** Why the system filter is off, when the catalog could not say. */
  systemsUnavailable?: boolean;
  onChange: (changes: { owner?: string; system?: string }) => void;
}) {
  const { owners, systems, owner, system, onChange } = props;
  // A value from the address that no SLO has stays selectable, so the
  // picker shows what is applied.
  const ownerRefs =
    owner && !owners.includes(owner) ? [...owners, owner] : owners;
  const systemRefs =
    system && !systems.includes(system) ? [...systems, system] : systems;
  return (
    <div className={styles.filters}>
      <Select
        className={styles.filter}
        label="Owner"
        options={options('All owners', ownerRefs)}
        value={owner ?? ALL}
        onChange={key =>
          onChange({ owner: key === ALL ? undefined : String(key) })
        }
      />
      <Select
        className={styles.filter}
        label="System"
        isDisabled={props.systemsUnavailable}
        options={options('All systems', systemRefs)}
        value={system ?? ALL}
        onChange={key =>
          onChange({ system: key === ALL ? undefined : String(key) })
        }
      />
    </div>
  );
}

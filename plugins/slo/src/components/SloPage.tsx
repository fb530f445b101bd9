import { Alert, Button, Container, Flex, Text } from '@backstage/ui';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useSloSystems, useSlos } from '../hooks';
import { formatTime } from '@internal/backstage-plugin-scout-react';
import { filterSlos, shortRef, sortByBudget } from '../lib/slos';
import { EmptyState, ErrorPanel, LoadingRows } from './common';
import { SloCard } from './slo/SloCard';
import { SloFilters } from './slo/SloFilters';
import styles from './slo/slo.module.css';

const SPECS_HINT =
  'SLOs are OpenSLO specs under platform-manifests/observability/slos; add one there and restart the portal.';

/**
 * /slo: every SLO, worst remaining budget first, each with its status,
 * budget, burn rates and 30-day budget chart; `?owner=` and `?system=`
 * (catalog refs) filter the list and live in the address.
 */
export function SloPage() {
  const [params, setParams] = useSearchParams();
  const owner = params.get('owner') ?? undefined;
  const system = params.get('system') ?? undefined;
  const slos = useSlos();
  const systems = useSloSystems(slos.value?.items);

  const update = useCallback(
    (changes: { owner?: string; system?: string }) =>
      setParams(prev => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        return next;
      }),
    [setParams],
  );

  let content;
  if (slos.error) {
    content = (
      <ErrorPanel what="The SLO list" error={slos.error} onRetry={slos.retry} />
    );
  } else if (!slos.value) {
    content = <LoadingRows rows={6} label="Loading SLOs" />;
  } else if (slos.value.items.length === 0) {
    content = (
      <EmptyState title="No SLOs are defined" description={SPECS_HINT} />
    );
  } else {
    const all = sortByBudget(slos.value.items);
    const systemOf = systems.value ?? new Map<string, string>();
    const shown = filterSlos(all, { owner, system }, systemOf);
    const filtering = Boolean(owner || system);
    content = (
      <Flex direction="column" gap="3">
        <SloFilters
          owners={[...new Set(all.map(s => s.owner))]}
          systems={[...new Set(systemOf.values())]}
          owner={owner}
          system={system}
          systemsUnavailable={Boolean(systems.error)}
          onChange={update}
        />
        {systems.error && (
          <Alert
            status="warning"
            icon
            title="The system filter is unavailable: the catalog did not answer"
            description={systems.error.message}
            customActions={
              <Button variant="secondary" size="small" onPress={systems.retry}>
                Try again
              </Button>
            }
          />
        )}
        <Text variant="body-small" color="secondary" aria-live="polite">
          {filtering
            ? `${shown.length} of ${all.length} SLOs`
            : `${all.length} SLOs`}
          {` · source: ${slos.value.source} · evaluated ${formatTime(
            slos.value.evaluatedAt,
          )}`}
        </Text>
        {shown.length === 0 ? (
          <EmptyState
            title={`No SLO ${[
              owner && `owned by ${shortRef(owner)}`,
              system && `in the system ${shortRef(system)}`,
            ]
              .filter(Boolean)
              .join(' and ')}`}
            description="Pick another owner or system, or clear the filters."
          >
            <div>
              <Button
                variant="secondary"
                size="small"
                onPress={() => update({ owner: undefined, system: undefined })}
              >
                Show every SLO
              </Button>
            </div>
          </EmptyState>
        ) : (
          <ul
            className={styles.list}
            aria-label="SLOs by remaining error budget"
          >
            {shown.map(slo => (
              <li key={slo.id}>
                <SloCard slo={slo} source={slos.value!.source} />
              </li>
            ))}
          </ul>
        )}
      </Flex>
    );
  }

  return (
    <Container py="4">
      <Flex direction="column" gap="4">
        <Flex direction="column" gap="1">
          <Text as="h1" variant="title-small">
            SLOs
          </Text>
          <Text variant="body-medium" color="secondary">
            Service level objectives of the Scout platform over 30 rolling days,
            the least error budget left first. A burn rate of 1× spends the
            budget exactly in 30 days; 14.4× over 1 h pages.
          </Text>
        </Flex>
        {content}
      </Flex>
    </Container>
  );
}

import { Alert, Flex, Text } from '@backstage/ui';
import type { SupersetStatus } from '@internal/backstage-plugin-superset-common';

const TITLES: Record<SupersetStatus['state'], string> = {
  ready: 'Superset is ready',
  'not-configured': 'Superset is not configured',
  unreachable: 'Superset is not reachable',
  refused: 'Superset refused the portal',
};

/**
 * Why there is no dashboard to show when Superset is not ready: the state,
 * then the backend's message, which names the command or setting to fix it.
 */
export function SupersetStatePanel(props: { superset: SupersetStatus }) {
  const { state, message, url } = props.superset;
  const notConfigured = state === 'not-configured';
  return (
    <Alert
      status={notConfigured ? 'info' : 'warning'}
      icon
      title={`${TITLES[state] ?? `Superset is ${state}`} (${state})`}
      description={
        <Flex direction="column" gap="1">
          <Text variant="body-medium">{message}</Text>
          {notConfigured && (
            <Text variant="body-medium">
              The portal runs without Superset by default; the dashboards appear
              here once superset.baseUrl is set and Superset is up.
            </Text>
          )}
          {url && (
            <Text variant="body-small" color="secondary">
              Superset: {url}
            </Text>
          )}
        </Flex>
      }
    />
  );
}

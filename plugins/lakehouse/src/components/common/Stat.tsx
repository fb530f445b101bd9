import { Card, CardBody, Text } from '@backstage/ui';

/** One figure with its label, e.g. Rows: 12,345. */
export function Stat(props: { label: string; value: string; hint?: string }) {
  return (
    <Card>
      <CardBody>
        <Text as="div" variant="body-small" color="secondary">
          {props.label}
        </Text>
        <Text as="div" variant="title-x-small">
          {props.value}
        </Text>
        {props.hint && (
          <Text as="div" variant="body-small" color="secondary">
            {props.hint}
          </Text>
        )}
      </CardBody>
    </Card>
  );
}

import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Link } from '@backstage/ui';
import { parseRef, shortRef } from '../../lib/slos';
import { catalogEntityRouteRef } from '../../routes';

/** A catalog ref by its short name, linked to its entity page when there is one. */
export function EntityLink(props: { entityRef: string }) {
  const entityRoute = useRouteRef(catalogEntityRouteRef);
  const parsed = parseRef(props.entityRef);
  const text = shortRef(props.entityRef);
  if (!entityRoute || !parsed) return <>{text}</>;
  const href = entityRoute({
    namespace: parsed.namespace,
    kind: parsed.kind.toLocaleLowerCase('en-US'),
    name: parsed.name,
  });
  return (
    <Link href={href} title={props.entityRef}>
      {text}
    </Link>
  );
}

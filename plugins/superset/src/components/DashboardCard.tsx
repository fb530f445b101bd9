import { Link, Text } from '@backstage/ui';
import type { Dashboard } from '@internal/backstage-plugin-superset-common';
import styles from './dashboards.module.css';

/** A dashboard of the list: its title (a link that selects it), description and datasets. */
export function DashboardCard(props: {
  dashboard: Dashboard;
  href: string;
  selected: boolean;
}) {
  const { dashboard, href, selected } = props;
  return (
    <article
      className={`${styles.dashboard} ${selected ? styles.selected : ''}`}
      aria-labelledby={`dashboard-${dashboard.slug}`}
    >
      <Text as="h2" variant="title-x-small" className={styles.title}>
        <Link
          id={`dashboard-${dashboard.slug}`}
          href={href}
          aria-current={selected ? 'page' : undefined}
        >
          {dashboard.title}
        </Link>
      </Text>
      {dashboard.description && (
        <Text variant="body-medium" color="secondary">
          {dashboard.description}
        </Text>
      )}
      {dashboard.datasets.length > 0 && (
        <ul
          className={styles.datasets}
          aria-label={`Datasets of ${dashboard.title}`}
        >
          {dashboard.datasets.map(dataset => (
            <li key={dataset} className={styles.dataset}>
              {dataset}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

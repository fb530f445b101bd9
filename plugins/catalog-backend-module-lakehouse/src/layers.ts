/**
 * Where a lakehouse layer sits in the catalog, after catalog/lakehouse.yaml
 * and catalog/processing.yaml: every Iceberg namespace is part of the
 * scout-lakehouse System and has a namespace Resource (iceberg-<layer>) with
 * its owner; dbt builds silver, gold and platinum. The pipeline's bronze load
 * has no Component of its own, so bronze tables name no producer.
 */
export type LayerPlacement = {
  owner: string;
  system: string;
  /** The namespace Resource the table belongs to. */
  layerResource?: string;
  /** The Component that writes the table. */
  producer?: string;
};

const SYSTEM = 'system:default/scout-lakehouse';
const DBT = 'component:default/dbt';

const LAYERS: Record<string, LayerPlacement> = {
  bronze: {
    owner: 'group:default/data-engineering',
    system: SYSTEM,
    layerResource: 'resource:default/iceberg-bronze',
  },
  silver: {
    owner: 'group:default/data-engineering',
    system: SYSTEM,
    layerResource: 'resource:default/iceberg-silver',
    producer: DBT,
  },
  gold: {
    owner: 'group:default/data-engineering',
    system: SYSTEM,
    layerResource: 'resource:default/iceberg-gold',
    producer: DBT,
  },
  platinum: {
    owner: 'group:default/ml-ai',
    system: SYSTEM,
    layerResource: 'resource:default/iceberg-platinum',
    producer: DBT,
  },
};

// A namespace outside the medallion belongs to whoever owns the lakehouse
// System (platform-team in catalog/domain.yaml).
const OTHER: LayerPlacement = {
  owner: 'group:default/platform-team',
  system: SYSTEM,
};

export function layerPlacement(namespace: string): LayerPlacement {
  return Object.hasOwn(LAYERS, namespace) ? LAYERS[namespace] : OTHER;
}

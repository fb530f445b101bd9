/**
 * The arrows of the platform's data-flow diagram (docs: the seed architecture),
 * each with the catalog relation that carries it. Writers and callers
 * `dependsOn` what they write to or call; a derived layer `dependsOn` the layer
 * it is built from; a scraper or policy target `dependsOn` the scraped
 * component or the policy.
 */
export type SeedEdge = {
  seed: string;
  from: string;
  relation: 'dependsOn' | 'consumesApi' | 'providesApi' | 'partOf';
  to: string;
};

const edge = (
  seed: string,
  from: string,
  relation: SeedEdge['relation'],
  to: string,
): SeedEdge => ({ seed, from, relation, to });

// One arrow per line reads as a table, so Prettier leaves it alone.
// prettier-ignore
export const seedEdges: SeedEdge[] = [
  // Data sources --> ingestion
  edge('POS --> ingest-transaction', 'component:default/sari-sari-pos', 'consumesApi', 'api:default/ingest-transaction-api'),
  edge('Mobile --> ingest-transaction', 'component:default/scout-mobile-app', 'consumesApi', 'api:default/ingest-transaction-api'),
  edge('IoT --> ingest-transaction', 'component:default/iot-sensors', 'consumesApi', 'api:default/ingest-transaction-api'),
  edge('ingest-transaction serves its API', 'component:default/ingest-transaction', 'providesApi', 'api:default/ingest-transaction-api'),
  // Ingestion --> Supabase
  edge('ingest-transaction --> Bronze', 'component:default/ingest-transaction', 'dependsOn', 'resource:default/scout-pg-bronze'),
  edge('ingest-doc --> Vector', 'component:default/ingest-doc', 'dependsOn', 'resource:default/scout-pgvector'),
  edge('Bronze --> Silver', 'resource:default/scout-pg-silver', 'dependsOn', 'resource:default/scout-pg-bronze'),
  edge('Silver --> Gold', 'resource:default/scout-pg-gold', 'dependsOn', 'resource:default/scout-pg-silver'),
  // Supabase --> lakehouse
  edge('Silver --> MinIO', 'resource:default/scout-warehouse', 'dependsOn', 'resource:default/scout-pg-silver'),
  edge('MinIO --> Iceberg bronze', 'resource:default/iceberg-bronze', 'dependsOn', 'resource:default/scout-warehouse'),
  edge('Iceberg bronze --> silver', 'resource:default/iceberg-silver', 'dependsOn', 'resource:default/iceberg-bronze'),
  edge('Iceberg silver --> gold', 'resource:default/iceberg-gold', 'dependsOn', 'resource:default/iceberg-silver'),
  edge('Iceberg gold --> platinum', 'resource:default/iceberg-platinum', 'dependsOn', 'resource:default/iceberg-gold'),
  edge('dbt --> Trino', 'component:default/dbt', 'dependsOn', 'component:default/trino'),
  edge('Trino --> Nessie', 'component:default/trino', 'dependsOn', 'component:default/nessie'),
  edge('Nessie --> MinIO', 'component:default/nessie', 'dependsOn', 'component:default/minio'),
  edge('Iceberg platinum --> Trino', 'component:default/trino', 'dependsOn', 'resource:default/iceberg-platinum'),
  // Gold --> APIs and dashboards
  edge('Gold --> PostgREST API', 'component:default/postgrest', 'dependsOn', 'resource:default/scout-pg-gold'),
  edge('PostgREST API --> REST API', 'component:default/postgrest', 'providesApi', 'api:default/gold-rest-api'),
  edge('Trino --> Superset', 'component:default/superset', 'dependsOn', 'component:default/trino'),
  edge('Gold --> Superset', 'component:default/superset', 'dependsOn', 'resource:default/scout-pg-gold'),
  edge('Superset --> Guest tokens', 'component:default/superset', 'providesApi', 'api:default/superset-guest-token-api'),
  // AI
  edge('embed-batch --> Vector', 'component:default/embed-batch', 'dependsOn', 'resource:default/scout-pgvector'),
  edge('Vector --> genie-query', 'component:default/genie-query', 'dependsOn', 'resource:default/scout-pgvector'),
  edge('genie-query --> LLM', 'component:default/genie-query', 'dependsOn', 'component:default/openai-llm'),
  // The LLM writes the SQL; genie-query runs it.
  edge('LLM --> Trino', 'component:default/genie-query', 'dependsOn', 'component:default/trino'),
  edge('LLM --> Gold', 'component:default/genie-query', 'dependsOn', 'resource:default/scout-pg-gold'),
  edge('genie-query serves its API', 'component:default/genie-query', 'providesApi', 'api:default/genie-query-api'),
  edge('ingest-doc serves its API', 'component:default/ingest-doc', 'providesApi', 'api:default/ingest-doc-api'),
  // Monitoring
  edge('ingest-transaction -.-> Prometheus', 'component:default/prometheus', 'dependsOn', 'component:default/ingest-transaction'),
  edge('genie-query -.-> Prometheus', 'component:default/prometheus', 'dependsOn', 'component:default/genie-query'),
  edge('Trino -.-> Prometheus', 'component:default/prometheus', 'dependsOn', 'component:default/trino'),
  edge('Prometheus --> Grafana', 'component:default/grafana', 'dependsOn', 'component:default/prometheus'),
  // Security enforcement
  edge('NetworkPolicies -.-> ingest-transaction', 'component:default/ingest-transaction', 'dependsOn', 'resource:default/scout-network-policies'),
  edge('NetworkPolicies -.-> Trino', 'component:default/trino', 'dependsOn', 'resource:default/scout-network-policies'),
  edge('NetworkPolicies -.-> Superset', 'component:default/superset', 'dependsOn', 'resource:default/scout-network-policies'),
  edge('RLS -.-> Bronze', 'resource:default/scout-pg-bronze', 'dependsOn', 'resource:default/scout-rls-policies'),
  edge('RLS -.-> Silver', 'resource:default/scout-pg-silver', 'dependsOn', 'resource:default/scout-rls-policies'),
  edge('RLS -.-> Gold', 'resource:default/scout-pg-gold', 'dependsOn', 'resource:default/scout-rls-policies'),
  edge('OPA Gatekeeper -.-> dbt', 'component:default/dbt', 'dependsOn', 'component:default/opa-gatekeeper'),
  // Layers: each component sits in the System of its diagram subgraph.
  edge('Trino in OSS Lakehouse', 'component:default/trino', 'partOf', 'system:default/scout-lakehouse'),
  edge('Nessie in OSS Lakehouse', 'component:default/nessie', 'partOf', 'system:default/scout-lakehouse'),
  edge('MinIO in OSS Lakehouse', 'component:default/minio', 'partOf', 'system:default/scout-lakehouse'),
  edge('ingest-transaction in Ingestion', 'component:default/ingest-transaction', 'partOf', 'system:default/scout-ingestion'),
  edge('dbt in Processing', 'component:default/dbt', 'partOf', 'system:default/scout-processing'),
  edge('genie-query in AI/ML', 'component:default/genie-query', 'partOf', 'system:default/scout-ai'),
  edge('Superset in Presentation', 'component:default/superset', 'partOf', 'system:default/scout-presentation'),
  edge('Prometheus in Security & Monitoring', 'component:default/prometheus', 'partOf', 'system:default/scout-security-monitoring'),
  edge('Bronze in Supabase OLTP', 'resource:default/scout-pg-bronze', 'partOf', 'system:default/scout-oltp'),
  edge('POS in Data Sources', 'component:default/sari-sari-pos', 'partOf', 'system:default/scout-data-sources'),
];

/** Every layer's System belongs to the one domain. */
export const systems = [
  'scout-data-sources',
  'scout-ingestion',
  'scout-oltp',
  'scout-lakehouse',
  'scout-processing',
  'scout-ai',
  'scout-presentation',
  'scout-security-monitoring',
  'scout-delivery',
];

// Locations and Users include catalog/development.yaml's guest (and the
// Location generated for it), which app-config.yaml registers for development.
export const expectedKindCounts: Record<string, number> = {
  API: 5,
  Component: 21,
  Domain: 1,
  Group: 7,
  Location: 4,
  Resource: 18,
  System: 9,
  Template: 3,
  User: 13,
};

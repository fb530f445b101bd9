import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** SLO status and error budgets (/api/slo). */
  slo?: {
    /**
     * The folder of OpenSLO v1alpha specs, one SLO per `<id>.yaml`. Default:
     * the checkout's platform-manifests/observability/slos; a deployment
     * without a checkout must name it (without specs the plugin starts with
     * no SLOs and logs a warning).
     */
    specsDir?: string;
    /**
     * Prometheus that loads the generated rules
     * (platform-manifests/observability/generated/prometheus). Absent: the
     * embedded source computes the SLIs from the portal's own metrics.
     */
    prometheus?: {
      /** e.g. http://127.0.0.1:9090 */
      baseUrl: string;
      /** How long one Prometheus request may take. Default 5 s. */
      timeout?: HumanDuration | string;
    };
    history?: {
      /**
       * How often the SLI and remaining budget of every SLO are recorded
       * for the history chart. Default 5 minutes.
       */
      interval?: HumanDuration | string;
    };
    /** The embedded source (no slo.prometheus). */
    embedded?: {
      /**
       * How often the portal's metrics are sampled; windows are sums of
       * one-minute buckets, so keep it at one minute or less. Default 1 minute.
       */
      sampleInterval?: HumanDuration | string;
      /**
       * Plugins whose /metrics (Prometheus text format, service credentials)
       * are read. Default scout and lakehouse.
       */
      metricsPlugins?: string[];
    };
  };
}

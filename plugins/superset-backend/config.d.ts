export interface Config {
  /**
   * Apache Superset, whose dashboards the portal embeds (/api/superset).
   * Absent: the Dashboards page says Superset is not configured.
   */
  superset?: {
    /** Superset's address as the backend reaches it, e.g. http://127.0.0.1:8088. */
    baseUrl: string;
    /**
     * Superset's address as browsers reach it (the embedded SDK loads
     * dashboards from it). Default: baseUrl.
     * @visibility frontend
     */
    publicUrl?: string;
    /** The service account the backend signs in as to list dashboards and mint guest tokens. */
    username: string;
    /**
     * The service account's password. Never sent to browsers.
     * @visibility secret
     */
    password: string;
    /**
     * Row-level security of guest tokens, from the caller's groups (their
     * ownership refs: user and groups). On each dataset a caller sees the
     * rows of any matching rule that covers the dataset (the clauses
     * joined with OR); a matching rule without a clause shows every row;
     * with no matching rule, `otherwise`.
     */
    rowLevelSecurity?: {
      rules?: Array<{
        /** Entity refs, e.g. group:default/analytics. */
        groups: string[];
        /** SQL condition on the dataset's columns, e.g. region_code = 'NCR'. Absent: every row. */
        clause?: string;
        /** The datasets it covers, `<schema>.<table>`. Absent: all. */
        datasets?: string[];
      }>;
      /** The clause for callers and datasets no rule covers. Default `1 = 0` (no rows). */
      otherwise?: string;
    };
  };
}

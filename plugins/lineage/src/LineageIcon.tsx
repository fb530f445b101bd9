/** Three nodes joined left to right: a lineage graph. */
export const LineageIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <rect x="2" y="9" width="5" height="6" rx="1" />
    <rect x="17" y="3" width="5" height="6" rx="1" />
    <rect x="17" y="15" width="5" height="6" rx="1" />
    <path d="M7 12h4m0 0V6h6m-6 6v6h6" />
  </svg>
);

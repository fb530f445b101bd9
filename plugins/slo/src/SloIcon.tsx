/** A gauge with its needle: an objective and how close the SLI is to it. */
export const SloIcon = () => (
  <svg
    viewBox="0 0 24 24"
    width="1em"
    height="1em"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M3 17a9 9 0 1 1 18 0" />
    <path d="M12 17l4-6" />
    <circle cx="12" cy="17" r="1.5" />
  </svg>
);

// The Scout mark: the three medallion layers (bronze, silver, gold) stacked.
export const ScoutMark = ({ size }: { size: number }) => (
  <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
    <path d="M16 21 L29 26 L16 31 L3 26 Z" fill="#b87333" />
    <path d="M16 12 L29 17 L16 22 L3 17 Z" fill="#c0c7d0" />
    <path d="M16 3 L29 8 L16 13 L3 8 Z" fill="#e8b923" />
  </svg>
);

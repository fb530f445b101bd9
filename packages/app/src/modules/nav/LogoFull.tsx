import { ScoutMark } from './ScoutMark';

export const LogoFull = () => (
  <span
    style={{ display: 'inline-flex', alignItems: 'center', gap: 10 }}
    aria-label="Scout Portal"
  >
    <ScoutMark size={30} />
    <span
      style={{
        color: '#fff',
        fontSize: 20,
        fontWeight: 700,
        whiteSpace: 'nowrap',
      }}
    >
      Scout Portal
    </span>
  </span>
);

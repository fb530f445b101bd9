export { useSlos } from './useSlos';
export { useSloHistory } from './useSloHistory';
export { useSloSystems } from './useSloSystems';

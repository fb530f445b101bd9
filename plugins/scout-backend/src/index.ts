export { scoutPlugin as default } from './plugin';

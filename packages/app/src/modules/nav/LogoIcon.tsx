import { ScoutMark } from './ScoutMark';

export const LogoIcon = () => <ScoutMark size={28} />;

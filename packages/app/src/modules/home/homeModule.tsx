import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'Where things are in Scout Portal',
    components: () =>
      import('./GettingStarted').then(m => ({ Content: m.GettingStarted })),
  },
});

/** Lays out the cards that app-config's `page:home` defaultConfig lists. */
const scoutHomeLayout = HomePageLayoutBlueprint.make({
  name: 'scout',
  params: {
    loader: () => import('./ScoutHomeLayout').then(m => m.ScoutHomeLayout),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget, scoutHomeLayout],
});

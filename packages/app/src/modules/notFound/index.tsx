import {
  createFrontendModule,
  NotFoundErrorPage,
} from '@backstage/frontend-plugin-api';
import { SwappableComponentBlueprint } from '@backstage/plugin-app-react';

// Replaces the app's default 404 page (same extension id), whose
// illustration overflows the page horizontally.
const notFoundErrorPage = SwappableComponentBlueprint.make({
  name: 'core-not-found-error-page',
  params: define =>
    define({
      component: NotFoundErrorPage,
      loader: () =>
        import('./ScoutNotFoundPage').then(m => m.ScoutNotFoundPage),
    }),
});

export const notFoundModule = createFrontendModule({
  pluginId: 'app',
  extensions: [notFoundErrorPage],
});

import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

/**
 * The SLO home card. Its component name is what the home page's
 * defaultConfig (app-config.yaml, `page:home`) lists to place it.
 */
export const sloHomeWidget = HomePageWidgetBlueprint.make({
  name: 'slos',
  params: {
    name: 'ScoutSlos',
    title: 'SLOs',
    description:
      'The SLOs with the least error budget left, and the alerts firing now',
    layout: {
      width: { minColumns: 3, defaultColumns: 6 },
      height: { minRows: 4, defaultRows: 6 },
    },
    components: () =>
      import('./components/home/SloHomeCard').then(m => ({
        Content: m.SloHomeCard,
      })),
  },
});

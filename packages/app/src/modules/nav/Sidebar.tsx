import { Fragment } from 'react';
import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { SidebarLogo } from './SidebarLogo';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';

/** The sidebar's main items, in order (page extension ids). */
export const mainPages = [
  'page:home',
  'page:catalog',
  'page:api-docs',
  'page:lakehouse',
  'page:lineage',
  'page:slo', // SLOs
  'page:superset', // Dashboards
  'page:scout', // Pipeline
  'page:techdocs', // Docs
  'page:scaffolder', // Create
];

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      const nav = navItems.withComponent(item => (
        <SidebarItem icon={() => item.icon} to={item.href} text={item.title} />
      ));

      // Reached from elsewhere, not from the sidebar: search through the
      // modal, notifications through their own item, the catalog graph from
      // each entity's relations card, registration from the catalog.
      nav.take('page:search');
      nav.take('page:notifications');
      nav.take('page:catalog-graph');
      nav.take('page:catalog-import');

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {mainPages.map(id => (
              <Fragment key={id}>{nav.take(id)}</Fragment>
            ))}
            <SidebarDivider />
            {/* Pages that later plugins add, until they get a place above. */}
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <NotificationsSidebarItem />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:app-visualizer')}
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});

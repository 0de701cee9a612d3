import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { GovernanceNav } from '../components/GovernanceNav';
import { PERMISSIONS } from '../permissions';
import { OverviewPage } from './overview/OverviewPage';
import { SitesPage } from './sites/SitesPage';

/** The plugin's pages, each behind its own permission; later concerns add their routes here. */
const App = () => (
  <Layouts.Root sideNav={<GovernanceNav />}>
    <Routes>
      <Route
        index
        element={
          <Page.Protect permissions={PERMISSIONS.overview}>
            <OverviewPage />
          </Page.Protect>
        }
      />
      <Route
        path="sites"
        element={
          <Page.Protect permissions={PERMISSIONS.sites}>
            <SitesPage />
          </Page.Protect>
        }
      />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Layouts.Root>
);

export default App;

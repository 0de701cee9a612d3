import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { OverviewPage } from './overview/OverviewPage';

/** The plugin's pages; each later concern (review, replies, rankings…) adds its route here. */
const App = () => (
  <Page.Protect permissions={PERMISSIONS.overview}>
    <Routes>
      <Route index element={<OverviewPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);

export default App;

import { Layouts, Page } from '@strapi/strapi/admin';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { GovernanceNav } from '../components/GovernanceNav';
import { useHeldActions } from '../hooks/useHeldActions';
import { permissionsOf } from '../permissions';
import { ADMIN_PAGES, LANDING_PAGES, type AdminPage } from './adminPages';

/** A page of the table behind its permissions, its code loaded when first opened. */
const ProtectedPage = ({ page }: { page: AdminPage }) => (
  <Page.Protect permissions={permissionsOf(page.permissions)}>
    <Suspense fallback={<Page.Loading />}>
      <page.Page />
    </Suspense>
  </Page.Protect>
);

/** The plugin's own address: the first of the user's pages by landing rank (the overview first). */
const Landing = () => {
  const { isLoading, can } = useHeldActions();
  if (isLoading) return <Page.Loading />;
  const first = LANDING_PAGES.find((page) => can(page.permissions));
  if (!first) return <Page.NoPermissions />;
  if (first.path === '') return <ProtectedPage page={first} />;
  return <Navigate to={first.path} replace />;
};

/** The plugin's pages (pages/adminPages.tsx), each behind its own permissions. */
const App = () => (
  <Layouts.Root sideNav={<GovernanceNav />}>
    <Routes>
      <Route index element={<Landing />} />
      {ADMIN_PAGES.filter((page) => page.path !== '').map((page) => (
        <Route key={page.path} path={page.path} element={<ProtectedPage page={page} />} />
      ))}
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Layouts.Root>
);

export default App;

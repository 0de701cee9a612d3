import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';
import { GovernanceNav } from '../components/GovernanceNav';
import { PERMISSIONS } from '../permissions';
import { AccountsPage } from './accounts/AccountsPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { MessagesInboxPage } from './messages/MessagesInboxPage';
import { MessageStatisticsPage } from './messages/MessageStatisticsPage';
import { OverviewPage } from './overview/OverviewPage';
import { InspectionNoticePage } from './oversight/notices/InspectionNoticePage';
import { RectificationsPage } from './oversight/notices/RectificationsPage';
import { OversightPage } from './oversight/OversightPage';
import { SiteOversightPage } from './oversight/SiteOversightPage';
import { AnnualNoticePage } from './rankings/AnnualNoticePage';
import { RankingsPage } from './rankings/RankingsPage';
import { ReviewQueuePage } from './review/ReviewQueuePage';
import { SensitiveWordsPage } from './review/SensitiveWordsPage';
import { SitesPage } from './sites/SitesPage';
import { IncomingSubmissionsPage } from './submissions/IncomingSubmissionsPage';
import { OutgoingSubmissionsPage } from './submissions/OutgoingSubmissionsPage';

/** The landing page: the first of the user's views in this order, the overview for the province. */
const Landing = () => {
  const overview = useRBAC(PERMISSIONS.overview);
  const review = useRBAC(PERMISSIONS.review);
  const messages = useRBAC(PERMISSIONS.messages);
  const oversee = useRBAC(PERMISSIONS.oversee);
  const accounts = useRBAC(PERMISSIONS.accounts);
  const audit = useRBAC(PERMISSIONS.audit);
  const rankings = useRBAC([...PERMISSIONS.rankings, ...PERMISSIONS.rankingsOwn]);
  const receive = useRBAC(PERMISSIONS.receive);
  const submit = useRBAC(PERMISSIONS.submit);
  const checks = [overview, review, messages, oversee, accounts, audit, rankings, receive, submit];
  if (checks.some((check) => check.isLoading)) return <Page.Loading />;
  if (overview.allowedActions.canRead) return <OverviewPage />;
  if (review.allowedActions.canRead) return <Navigate to="review" replace />;
  if (messages.allowedActions.canHandle) return <Navigate to="messages" replace />;
  if (oversee.allowedActions.canOversee) return <Navigate to="messages/statistics" replace />;
  if (accounts.allowedActions.canManage) return <Navigate to="accounts" replace />;
  if (audit.allowedActions.canRead) return <Navigate to="audit" replace />;
  if (rankings.allowedActions.canRead || rankings.allowedActions.canOwn)
    return <Navigate to="rankings" replace />;
  if (receive.allowedActions.canReceive) return <Navigate to="submissions" replace />;
  if (submit.allowedActions.canSubmit) return <Navigate to="submissions/outgoing" replace />;
  return <Navigate to="sites" replace />;
};

/** The plugin's pages, each behind its own permission; later concerns add their routes here. */
const App = () => (
  <Layouts.Root sideNav={<GovernanceNav />}>
    <Routes>
      <Route index element={<Landing />} />
      <Route
        path="sites"
        element={
          <Page.Protect permissions={PERMISSIONS.sites}>
            <SitesPage />
          </Page.Protect>
        }
      />
      <Route
        path="review"
        element={
          <Page.Protect permissions={PERMISSIONS.review}>
            <ReviewQueuePage />
          </Page.Protect>
        }
      />
      <Route
        path="review/words"
        element={
          <Page.Protect permissions={PERMISSIONS.words}>
            <SensitiveWordsPage />
          </Page.Protect>
        }
      />
      <Route
        path="messages"
        element={
          <Page.Protect permissions={PERMISSIONS.messages}>
            <MessagesInboxPage />
          </Page.Protect>
        }
      />
      <Route
        path="messages/statistics"
        element={
          <Page.Protect permissions={PERMISSIONS.oversee}>
            <MessageStatisticsPage />
          </Page.Protect>
        }
      />
      <Route
        path="accounts"
        element={
          <Page.Protect permissions={PERMISSIONS.accounts}>
            <AccountsPage />
          </Page.Protect>
        }
      />
      <Route
        path="audit"
        element={
          <Page.Protect permissions={PERMISSIONS.audit}>
            <AuditLogPage />
          </Page.Protect>
        }
      />
      <Route
        path="rankings"
        element={
          <Page.Protect permissions={[...PERMISSIONS.rankings, ...PERMISSIONS.rankingsOwn]}>
            <RankingsPage />
          </Page.Protect>
        }
      />
      <Route
        path="oversight"
        element={
          <Page.Protect permissions={PERMISSIONS.oversight}>
            <OversightPage />
          </Page.Protect>
        }
      />
      <Route
        path="oversight/sites/:documentId"
        element={
          <Page.Protect permissions={[...PERMISSIONS.oversight, ...PERMISSIONS.oversightOwn]}>
            <SiteOversightPage />
          </Page.Protect>
        }
      />
      <Route
        path="oversight/notices"
        element={
          <Page.Protect permissions={PERMISSIONS.oversightManage}>
            <InspectionNoticePage />
          </Page.Protect>
        }
      />
      <Route
        path="oversight/rectifications"
        element={
          <Page.Protect permissions={[...PERMISSIONS.oversight, ...PERMISSIONS.oversightOwn]}>
            <RectificationsPage />
          </Page.Protect>
        }
      />
      <Route
        path="rankings/notice"
        element={
          <Page.Protect permissions={PERMISSIONS.rankings}>
            <AnnualNoticePage />
          </Page.Protect>
        }
      />
      <Route
        path="submissions"
        element={
          <Page.Protect permissions={PERMISSIONS.receive}>
            <IncomingSubmissionsPage />
          </Page.Protect>
        }
      />
      <Route
        path="submissions/outgoing"
        element={
          <Page.Protect permissions={PERMISSIONS.submit}>
            <OutgoingSubmissionsPage />
          </Page.Protect>
        }
      />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Layouts.Root>
);

export default App;

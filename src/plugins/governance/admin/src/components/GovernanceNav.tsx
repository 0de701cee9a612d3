import {
  Badge,
  Flex,
  SubNav,
  SubNavHeader,
  SubNavLink,
  SubNavSection,
  SubNavSections,
} from '@strapi/design-system';
import { useAuth, useRBAC } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { useReviewCount } from '../api/review';
import { useSubmissionCounts, type SubmissionBox } from '../api/submissions';
import { useT } from '../hooks/useT';
import { PERMISSIONS } from '../permissions';

const WaitingCount = () => {
  const { data } = useReviewCount();
  const count = (data?.toReview ?? 0) + (data?.toRevise ?? 0);
  return count > 0 ? <Badge active>{count}</Badge> : null;
};

const Count = ({ count }: { count: number | undefined }) =>
  count ? <Badge active>{count}</Badge> : null;

/** 信息报送: what waits for the user's sites to decide, and what they sent that waits upward. */
const SubmissionLinks = ({ receive, submit }: { receive: boolean; submit: boolean }) => {
  const t = useT();
  // Either list answers both counts: ask the one the user may read.
  const box: SubmissionBox | null = receive ? 'incoming' : submit ? 'outgoing' : null;
  const { data: counts } = useSubmissionCounts(box);
  return (
    <SubNavSection label={t('nav.submissions')}>
      {receive ? (
        <SubNavLink tag={NavLink} to="/plugins/governance/submissions" end>
          <Flex gap={2}>
            {t('submissions.incoming.title')}
            <Count count={counts?.incoming} />
          </Flex>
        </SubNavLink>
      ) : null}
      {submit ? (
        <SubNavLink tag={NavLink} to="/plugins/governance/submissions/outgoing">
          <Flex gap={2}>
            {t('submissions.outgoing.title')}
            <Count count={counts?.outgoing} />
          </Flex>
        </SubNavLink>
      ) : null}
    </SubNavSection>
  );
};

/** The sections the user may open; each concern's page adds its link here. */
const NavSections = () => {
  const t = useT();
  const overview = useRBAC(PERMISSIONS.overview);
  const sites = useRBAC(PERMISSIONS.sites);
  const review = useRBAC(PERMISSIONS.review);
  const words = useRBAC(PERMISSIONS.words);
  const decide = useRBAC(PERMISSIONS.decide);
  const messages = useRBAC(PERMISSIONS.messages);
  const oversee = useRBAC(PERMISSIONS.oversee);
  const accounts = useRBAC(PERMISSIONS.accounts);
  const audit = useRBAC(PERMISSIONS.audit);
  const rankings = useRBAC(PERMISSIONS.rankings);
  const ownPlaces = useRBAC(PERMISSIONS.rankingsOwn);
  const receive = useRBAC(PERMISSIONS.receive);
  const submit = useRBAC(PERMISSIONS.submit);
  const oversight = useRBAC(PERMISSIONS.oversight);
  const oversightManage = useRBAC(PERMISSIONS.oversightManage);
  const oversightOwn = useRBAC(PERMISSIONS.oversightOwn);

  return (
    <SubNavSections>
      {overview.allowedActions.canRead || sites.allowedActions.canManage ? (
        <SubNavSection label={t('nav.section')}>
          {overview.allowedActions.canRead ? (
            <SubNavLink tag={NavLink} to="/plugins/governance" end>
              {t('overview.title')}
            </SubNavLink>
          ) : null}
          {sites.allowedActions.canManage ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/sites">
              {t('sites.title')}
            </SubNavLink>
          ) : null}
        </SubNavSection>
      ) : null}
      {review.allowedActions.canRead || words.allowedActions.canWords ? (
        <SubNavSection label={t('nav.review')}>
          {review.allowedActions.canRead ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/review" end>
              <Flex gap={2}>
                {t(
                  decide.allowedActions.canDecide
                    ? 'review.queue.title'
                    : 'review.queue.titleForEditors'
                )}
                <WaitingCount />
              </Flex>
            </SubNavLink>
          ) : null}
          {words.allowedActions.canWords ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/review/words">
              {t('words.title')}
            </SubNavLink>
          ) : null}
        </SubNavSection>
      ) : null}
      {messages.allowedActions.canHandle || oversee.allowedActions.canOversee ? (
        <SubNavSection label={t('nav.messages')}>
          {messages.allowedActions.canHandle ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/messages" end>
              {t('messages.title')}
            </SubNavLink>
          ) : null}
          {oversee.allowedActions.canOversee ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/messages/statistics">
              {t('statistics.title')}
            </SubNavLink>
          ) : null}
        </SubNavSection>
      ) : null}
      {receive.allowedActions.canReceive || submit.allowedActions.canSubmit ? (
        <SubmissionLinks
          receive={receive.allowedActions.canReceive}
          submit={submit.allowedActions.canSubmit}
        />
      ) : null}
      {rankings.allowedActions.canRead || ownPlaces.allowedActions.canOwn ? (
        <SubNavSection label={t('nav.rankings')}>
          {/* Site members who hold only rankings.own see their own places on the same page. */}
          <SubNavLink tag={NavLink} to="/plugins/governance/rankings" end>
            {t('rankings.title')}
          </SubNavLink>
          {rankings.allowedActions.canRead ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/rankings/notice">
              {t('notice.title')}
            </SubNavLink>
          ) : null}
        </SubNavSection>
      ) : null}
      {oversight.allowedActions.canRead || oversightOwn.allowedActions.canOwn ? (
        <SubNavSection label={t('nav.oversight')}>
          {oversight.allowedActions.canRead ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/oversight" end>
              {t('oversight.title')}
            </SubNavLink>
          ) : null}
          {oversightManage.allowedActions.canManage ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/oversight/notices">
              {t('oversight.notice.title')}
            </SubNavLink>
          ) : null}
          {/* Site members report their rectifications here; the province accepts them. */}
          <SubNavLink tag={NavLink} to="/plugins/governance/oversight/rectifications">
            {t('oversight.rectification.title')}
          </SubNavLink>
        </SubNavSection>
      ) : null}
      {accounts.allowedActions.canManage || audit.allowedActions.canRead ? (
        <SubNavSection label={t('nav.security')}>
          {accounts.allowedActions.canManage ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/accounts">
              {t('accounts.title')}
            </SubNavLink>
          ) : null}
          {audit.allowedActions.canRead ? (
            <SubNavLink tag={NavLink} to="/plugins/governance/audit">
              {t('audit.title')}
            </SubNavLink>
          ) : null}
        </SubNavSection>
      ) : null}
    </SubNavSections>
  );
};

/** The plugin's own navigation. */
export const GovernanceNav = () => {
  const t = useT();
  // Strapi's useRBAC checks once, when it mounts: mounted before the user's permissions have
  // arrived (a cold load of a plugin page can be that quick), it would hide every link for good.
  const permissionsLoading = useAuth('GovernanceNav', (auth) => auth.isLoading);
  return (
    <SubNav aria-label={t('plugin.name')}>
      <SubNavHeader label={t('plugin.name')} />
      {permissionsLoading ? null : <NavSections />}
    </SubNav>
  );
};

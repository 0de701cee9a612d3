import {
  Flex,
  SubNav,
  SubNavHeader,
  SubNavLink,
  SubNavSection,
  SubNavSections,
} from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { useHeldActions, type Can } from '../hooks/useHeldActions';
import { useT } from '../hooks/useT';
import { ADMIN_PAGES, NAV_SECTIONS, type AdminPage } from '../pages/adminPages';
import { PLUGIN_ID } from '../pluginId';

const PageLink = ({ page, can }: { page: AdminPage; can: Can }) => {
  const t = useT();
  const { label, badge: LinkBadge } = page.menu!;
  const text = t(typeof label === 'function' ? label(can) : label);
  return (
    // `end`: a link is current on its own page only, not on the pages under its path.
    <SubNavLink tag={NavLink} to={`/plugins/${PLUGIN_ID}/${page.path}`.replace(/\/$/, '')} end>
      {LinkBadge ? (
        <Flex gap={2}>
          {text}
          <LinkBadge can={can} />
        </Flex>
      ) : (
        text
      )}
    </SubNavLink>
  );
};

/** The menu of the page table: the sections with a page the user may open, and those pages. */
const NavSections = ({ can }: { can: Can }) => {
  const t = useT();
  const sections = NAV_SECTIONS.map((section) => ({
    section,
    pages: ADMIN_PAGES.filter((page) => page.menu?.section === section && can(page.permissions)),
  })).filter(({ pages }) => pages.length > 0);
  return (
    <SubNavSections>
      {sections.map(({ section, pages }) => (
        <SubNavSection key={section} label={t(section)}>
          {pages.map((page) => (
            <PageLink key={page.path} page={page} can={can} />
          ))}
        </SubNavSection>
      ))}
    </SubNavSections>
  );
};

/** The plugin's own navigation. */
export const GovernanceNav = () => {
  const t = useT();
  // Checked once the user's permissions have arrived (a cold load of a plugin page can come
  // first), and again when they change.
  const { isLoading, can } = useHeldActions();
  return (
    <SubNav aria-label={t('plugin.name')}>
      <SubNavHeader label={t('plugin.name')} />
      {isLoading ? null : <NavSections can={can} />}
    </SubNav>
  );
};

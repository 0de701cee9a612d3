import { SubNav, SubNavHeader, SubNavLink, SubNavSection, SubNavSections } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../pluginId';

/** The plugin's own navigation; each concern's page adds its link here. */
export const GovernanceNav = () => {
  const { formatMessage } = useIntl();
  const overview = useRBAC(PERMISSIONS.overview);
  const sites = useRBAC(PERMISSIONS.sites);
  const t = (id: string) => formatMessage({ id: getTranslation(id), defaultMessage: id });

  return (
    <SubNav aria-label={t('plugin.name')}>
      <SubNavHeader label={t('plugin.name')} />
      <SubNavSections>
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
      </SubNavSections>
    </SubNav>
  );
};

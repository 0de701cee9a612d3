import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { Layouts, Page, useAppInfo } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useLocalTime } from '../../hooks/useLocalTime';
import { useT } from '../../hooks/useT';

/** One fact of the page: its name above, its value below. */
const Fact = ({ name, value }: { name: string; value: string }) => (
  <Grid.Item col={6} xs={12} direction="column" alignItems="start">
    <Typography variant="sigma" textColor="neutral600" tag="dt">
      {name}
    </Typography>
    <Typography tag="dd">{value}</Typography>
  </Grid.Item>
);

/**
 * 设置 → 系统信息, in place of Strapi's "application" page: what system this is, what it runs on
 * and in which time zone it keeps its times. Strapi's page names its licence plan ("Community")
 * and links to its pricing, which says nothing to a government web office.
 */
export const SystemInfoPage = () => {
  const t = useT();
  const { formatMessage } = useIntl();
  const { zoneName } = useLocalTime();
  const strapiVersion = useAppInfo('SystemInfoPage', (info) => info.strapiVersion);
  const nodeVersion = useAppInfo('SystemInfoPage', (info) => info.nodeVersion);
  const productName = formatMessage({ id: 'app.components.LeftMenu.navbrand.title' });
  return (
    <Page.Main>
      <Page.Title>{t('system.title')}</Page.Title>
      <Layouts.Header title={t('system.title')} subtitle={t('system.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" hasRadius shadow="tableShadow" padding={7}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="delta" tag="h3">
              {t('system.details')}
            </Typography>
            <Grid.Root gap={5} tag="dl">
              <Fact name={t('system.product')} value={productName} />
              <Fact name={t('system.timeZone')} value={zoneName} />
              <Fact
                name={t('system.platform')}
                value={strapiVersion ? `Strapi v${strapiVersion}` : '—'}
              />
              <Fact
                name={t('system.runtime')}
                value={nodeVersion ? `Node.js ${nodeVersion}` : '—'}
              />
            </Grid.Root>
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

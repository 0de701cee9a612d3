import { Box, Flex, Td, Tr, Typography } from '@strapi/design-system';
import { PUBLISHING_MIX, type SiteOversightDetail } from '../../../api/oversight';
import { HeadedTable } from '../../../components/DataTable';
import { Panel } from '../../../components/Panel';
import { StatCards } from '../../../components/StatCard';
import { useT } from '../../../hooks/useT';
import { useOversightFormat } from '../format';

/** 待审文章, 留言答复, 密码过期账号, 不可用链接, 信息报送: the site's other figures. */
export const SiteFigures = ({ site }: { site: SiteOversightDetail }) => {
  const t = useT();
  const format = useOversightFormat();
  const { reviewBacklog: backlog, replies, submissions } = site;
  return (
    <StatCards
      stats={[
        {
          label: t('oversight.figures.backlog'),
          value: t('oversight.figures.articles', { count: format.count(backlog.waiting) }),
          hint:
            backlog.waiting > 0 && backlog.oldestDays !== null
              ? t('oversight.figures.backlogHint', { days: backlog.oldestDays })
              : t('oversight.figures.backlogNone'),
        },
        {
          label: t('oversight.figures.replyRate', { year: replies.year }),
          value: format.percent(replies.replyRate),
          hint: t('oversight.figures.replyHint', {
            onTime: format.percent(replies.onTimeRate),
            received: format.count(replies.received),
            open: format.count(replies.open),
            overdue: format.count(replies.overdue),
          }),
        },
        {
          label: t('oversight.figures.expired'),
          value: format.count(site.expiredAccounts),
          hint: site.expiredAccounts > 0 ? t('oversight.figures.expiredHint') : undefined,
        },
        {
          label: t('oversight.figures.brokenLinks'),
          value: format.count(site.brokenLinks),
          hint:
            site.brokenLinks > 0
              ? t('oversight.figures.brokenLinksHint')
              : t('oversight.figures.brokenLinksNone'),
        },
        {
          label: t('oversight.figures.submissions', { year: replies.year }),
          value: t('oversight.figures.articles', { count: format.count(submissions.submitted) }),
          hint: t('oversight.figures.adopted', { count: format.count(submissions.adopted) }),
        },
      ]}
    />
  );
};

const MIX_HEADINGS = ['kind', 'count', 'share'] as const;

/** A share as a bar and a percentage. */
const ShareBar = ({ share }: { share: number | null }) => {
  const format = useOversightFormat();
  return (
    <Flex gap={3}>
      <Box width="12rem" height="0.8rem" background="neutral150" hasRadius>
        <Box
          width={`${Math.round((share ?? 0) * 100)}%`}
          height="100%"
          background="primary500"
          hasRadius
        />
      </Box>
      <Typography>{format.percent(share)}</Typography>
    </Flex>
  );
};

/** 发布结构: the last year's articles by kind of content, with each kind's share. */
export const MixPanel = ({ mix }: { mix: SiteOversightDetail['mix'] }) => {
  const t = useT();
  const format = useOversightFormat();
  const total = PUBLISHING_MIX.reduce((sum, kind) => sum + (mix[kind] ?? 0), 0);
  return (
    <Panel
      title={t('oversight.site.mix.title')}
      hint={t('oversight.site.mix.hint', { total: format.count(total) })}
      testId="oversight-mix"
    >
      <HeadedTable
        prefix="oversight.mix.column"
        columns={MIX_HEADINGS}
        rows={PUBLISHING_MIX.length}
      >
        {PUBLISHING_MIX.map((kind) => {
          const count = mix[kind] ?? 0;
          return (
            <Tr key={kind}>
              <Td>
                <Typography>{t(`oversight.mix.${kind}`)}</Typography>
              </Td>
              <Td>
                <Typography>{format.count(count)}</Typography>
              </Td>
              <Td>
                <ShareBar share={total > 0 ? count / total : null} />
              </Td>
            </Tr>
          );
        })}
      </HeadedTable>
    </Panel>
  );
};

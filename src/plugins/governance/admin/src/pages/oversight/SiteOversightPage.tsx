import { Flex, Grid, Typography, Td, Tr, Box, Link as TextLink } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { NavLink, useParams } from 'react-router-dom';
import {
  VETO_RULES,
  type RuleVerdict,
  type ColumnState,
  type OpenMessageEvidence,
  PUBLISHING_MIX,
  type SiteOversightDetail,
  RECTIFICATIONS_PATH,
  type Rectification,
  OVERSIGHT_PATH,
  useSiteOversight,
} from '../../api/oversight';
import { HeadedTable } from '../../components/DataTable';
import { RaisedBox, Panel, PanelNote } from '../../components/Panel';
import { RuleStatusBadge, STATUS_COLORS, StatusDot } from '../../components/RuleStatusBadge';
import { StatCards } from '../../components/StatCard';
import { ToneBadge } from '../../components/ToneBadge';
import { WrapTd } from '../../components/WrapTd';
import { apiErrorMessage } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { PERMISSIONS } from '../../permissions';
import { AlertsTable } from './OversightCells';
import { useOversightFormat } from './format';
import { RectificationStatusBadge } from './notices/RectificationCells';
import { measureOf, outlookOf, columnDaysLeft } from './verdicts';

/** One rule: its light, what is measured against where it trips, and how far off that is. */
const RuleCard = ({ verdict }: { verdict: RuleVerdict }) => {
  const t = useT();
  const outlook = outlookOf(t, verdict);
  return (
    <RaisedBox
      padding={5}
      width="100%"
      height="100%"
      borderColor={verdict.status === 'ok' ? undefined : STATUS_COLORS[verdict.status].dot}
      data-testid={`oversight-rule-${verdict.rule}`}
    >
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Flex gap={2} justifyContent="space-between" width="100%">
          <Flex gap={2}>
            <StatusDot status={verdict.status} />
            <Typography variant="delta" tag="h3">
              {t(`oversight.rule.${verdict.rule}`)}
            </Typography>
          </Flex>
          <RuleStatusBadge status={verdict.status} />
        </Flex>
        <Typography>{measureOf(t, verdict)}</Typography>
        {outlook ? (
          <Typography
            variant="pi"
            fontWeight={verdict.status === 'ok' ? undefined : 'semiBold'}
            textColor={verdict.status === 'ok' ? 'neutral600' : STATUS_COLORS[verdict.status].text}
          >
            {outlook}
          </Typography>
        ) : null}
      </Flex>
    </RaisedBox>
  );
};

/** 单项否决指标: a card per veto rule, in the rules' order. */
const RuleCards = ({ rules }: { rules: RuleVerdict[] }) => {
  const t = useT();
  const byRule = new Map(rules.map((verdict) => [verdict.rule, verdict]));
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {t('oversight.site.rules')}
      </Typography>
      <Grid.Root gap={4}>
        {VETO_RULES.flatMap((rule) => {
          const verdict = byRule.get(rule);
          return verdict
            ? [
                <Grid.Item key={rule} col={4} s={6} xs={12}>
                  <RuleCard verdict={verdict} />
                </Grid.Item>,
              ]
            : [];
        })}
      </Grid.Root>
    </Flex>
  );
};

const COLUMN_HEADINGS = [
  'name',
  'kind',
  'rule',
  'lastPublished',
  'idle',
  'published',
  'flags',
] as const;

/** 超期未更新 / 空白栏目 / 剩 3 天 (about to go stale), or nothing for a column in order. */
const ColumnFlags = ({ column, warnDays }: { column: ColumnState; warnDays: number }) => {
  const t = useT();
  const left = columnDaysLeft(column);
  return (
    <Flex gap={2} wrap="wrap">
      {column.stale ? <ToneBadge tone="danger">{t('oversight.columns.stale')}</ToneBadge> : null}
      {column.empty ? <ToneBadge tone="danger">{t('oversight.columns.empty')}</ToneBadge> : null}
      {!column.stale && left !== null && left <= warnDays ? (
        <ToneBadge tone="warning">{t('oversight.columns.soon', { days: left })}</ToneBadge>
      ) : null}
    </Flex>
  );
};

const ColumnRow = ({ column, warnDays }: { column: ColumnState; warnDays: number }) => {
  const t = useT();
  const format = useOversightFormat();
  const flagged = column.stale || column.empty;
  return (
    <Tr data-testid={`oversight-column-${column.name}`}>
      <Td>
        <Typography fontWeight="semiBold" textColor={flagged ? 'danger600' : undefined}>
          {column.name}
        </Typography>
      </Td>
      <Td>
        <Typography>{t(`oversight.kind.${column.kind}`)}</Typography>
      </Td>
      <Td>
        <Typography textColor={column.staleAfterDays === null ? 'neutral500' : undefined}>
          {column.staleAfterDays === null
            ? t('oversight.columns.noRule')
            : t('oversight.columns.rule', { days: column.staleAfterDays })}
        </Typography>
      </Td>
      <Td>
        <Typography>{format.date(column.lastPublishedAt)}</Typography>
      </Td>
      <Td>
        <Typography
          textColor={column.stale ? 'danger600' : undefined}
          fontWeight={column.stale ? 'semiBold' : undefined}
        >
          {column.idleDays === null ? '—' : t('oversight.days', { days: column.idleDays })}
        </Typography>
      </Td>
      <Td>
        <Typography>{format.count(column.published)}</Typography>
      </Td>
      <Td>
        <ColumnFlags column={column} warnDays={warnDays} />
      </Td>
    </Tr>
  );
};

/** 栏目: each column's update rule against its last publication; the stale and empty ones marked. */
const ColumnsPanel = ({ columns, warnDays }: { columns: ColumnState[]; warnDays: number }) => {
  const t = useT();
  const stale = columns.filter((column) => column.stale).length;
  const empty = columns.filter((column) => column.empty).length;
  return (
    <Panel
      title={t('oversight.site.columns.title')}
      hint={t('oversight.site.columns.hint', { total: columns.length, stale, empty })}
      testId="oversight-columns"
    >
      {columns.length === 0 ? (
        <PanelNote>{t('oversight.columns.none')}</PanelNote>
      ) : (
        <HeadedTable
          prefix="oversight.columns.column"
          columns={COLUMN_HEADINGS}
          rows={columns.length}
        >
          {columns.map((column) => (
            <ColumnRow key={column.name} column={column} warnDays={warnDays} />
          ))}
        </HeadedTable>
      )}
    </Panel>
  );
};

const MESSAGE_HEADINGS = ['subject', 'category', 'received', 'due', 'age', 'overdue'] as const;

/** The valid messages still waiting for their answer: the handling, never the citizen. */
const OpenMessagesPanel = ({ messages }: { messages: OpenMessageEvidence[] }) => {
  const t = useT();
  const format = useOversightFormat();
  return (
    <Panel
      title={t('oversight.site.messages.title', { count: messages.length })}
      hint={t('oversight.site.messages.hint')}
      testId="oversight-messages"
    >
      {messages.length === 0 ? (
        <PanelNote>{t('oversight.messages.empty')}</PanelNote>
      ) : (
        <HeadedTable
          prefix="oversight.messages.column"
          columns={MESSAGE_HEADINGS}
          rows={messages.length}
        >
          {messages.map((message) => (
            <Tr key={message.id} data-testid={`oversight-message-${message.id}`}>
              <WrapTd minWidth="16rem">
                <Typography>{message.subject}</Typography>
              </WrapTd>
              <Td>
                <Typography>{message.category || '—'}</Typography>
              </Td>
              <Td>
                <Typography>{format.dateTime(message.receivedAt)}</Typography>
              </Td>
              <Td>
                <Typography>{format.date(message.dueAt)}</Typography>
              </Td>
              <Td>
                <Typography
                  fontWeight={message.overdue ? 'semiBold' : undefined}
                  textColor={message.overdue ? 'danger600' : undefined}
                >
                  {t('oversight.days', { days: message.ageDays })}
                </Typography>
              </Td>
              <Td>
                {message.overdue ? (
                  <ToneBadge tone="danger">{t('oversight.messages.overdue')}</ToneBadge>
                ) : (
                  <Typography textColor="neutral500">—</Typography>
                )}
              </Td>
            </Tr>
          ))}
        </HeadedTable>
      )}
    </Panel>
  );
};

/** 待审文章, 留言答复, 密码过期账号, 信息报送: the site's other figures. */
const SiteFigures = ({ site }: { site: SiteOversightDetail }) => {
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
const MixPanel = ({ mix }: { mix: SiteOversightDetail['mix'] }) => {
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

const RECTIFICATION_HEADINGS = ['notice', 'problems', 'deadline', 'status', 'progress'] as const;

/** What became of the task: the fix reported, and the province's word on it. */
const Progress = ({ task }: { task: Rectification }) => {
  const t = useT();
  const format = useOversightFormat();
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {task.submittedAt ? (
        <Typography variant="pi">
          {t('oversight.site.task.submitted', {
            at: format.date(task.submittedAt),
            by: task.submittedBy ?? '—',
          })}
        </Typography>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {t('oversight.site.task.notSubmitted')}
        </Typography>
      )}
      {task.closedAt ? (
        <Typography variant="pi" textColor="success600">
          {t('oversight.site.task.closed', {
            at: format.date(task.closedAt),
            by: task.closedBy ?? '—',
          })}
        </Typography>
      ) : null}
      {task.reviewComment ? (
        <Typography variant="pi" textColor={task.status === 'open' ? 'danger600' : 'neutral700'}>
          {t('oversight.site.task.comment', { comment: task.reviewComment })}
        </Typography>
      ) : null}
    </Flex>
  );
};

const TaskRow = ({ task }: { task: Rectification }) => {
  const t = useT();
  const format = useOversightFormat();
  return (
    <Tr data-testid={`oversight-rectification-${task.id}`}>
      <WrapTd minWidth="12rem">
        <Typography>{task.notice.title}</Typography>
      </WrapTd>
      <WrapTd minWidth="18rem">
        <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
          {task.problems.map((problem) => (
            <Typography key={problem}>· {problem}</Typography>
          ))}
        </Flex>
      </WrapTd>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography>{format.localDate(task.deadline)}</Typography>
          {task.overdue ? (
            <ToneBadge tone="danger">{t('oversight.site.task.overdue')}</ToneBadge>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <RectificationStatusBadge status={task.status} />
      </Td>
      <WrapTd minWidth="14rem">
        <Progress task={task} />
      </WrapTd>
    </Tr>
  );
};

/** 整改任务 of the site, each with what it was named for and its deadline. */
const RectificationsPanel = ({ tasks }: { tasks: Rectification[] }) => {
  const t = useT();
  return (
    <Panel
      title={t('oversight.site.rectifications.title')}
      action={
        <TextLink tag={NavLink} to={RECTIFICATIONS_PATH}>
          {t('oversight.site.rectifications.all')}
        </TextLink>
      }
      testId="oversight-rectifications"
    >
      {tasks.length === 0 ? (
        <PanelNote>{t('oversight.site.task.empty')}</PanelNote>
      ) : (
        <HeadedTable
          prefix="oversight.site.task.column"
          columns={RECTIFICATION_HEADINGS}
          rows={tasks.length}
        >
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
        </HeadedTable>
      )}
    </Panel>
  );
};

/**
 * One site's standing against the veto rules with the evidence behind each verdict: its
 * columns, the messages waiting, its other figures, the alerts raised and the rectification
 * tasks it was given. For the province, and for the site's own members.
 */
export const SiteOversightPage = () => {
  const t = useT();
  const format = useOversightFormat();
  const { documentId } = useParams<{ documentId: string }>();
  const { data: site, isLoading, isError, error } = useSiteOversight(documentId);
  const read = useRBAC(PERMISSIONS.oversightRead);

  if (isLoading) return <Page.Loading />;
  if (isError || !site) return <Page.Error content={apiErrorMessage(error)} />;

  const details = [
    t(`oversight.level.${site.site.level}`),
    site.site.level === 'county' ? site.site.city : null,
    site.lastPublishedAt
      ? t('oversight.site.lastPublished', { date: format.date(site.lastPublishedAt) })
      : t('oversight.site.neverPublished'),
  ].filter(Boolean);

  return (
    <Page.Main>
      <Page.Title>{t('oversight.site.pageTitle', { site: site.site.name })}</Page.Title>
      <Layouts.Header
        navigationAction={
          read.allowedActions.canRead ? (
            <TextLink tag={NavLink} to={OVERSIGHT_PATH} startIcon={<ArrowLeft />}>
              {t('oversight.back')}
            </TextLink>
          ) : undefined
        }
        title={site.site.name}
        subtitle={details.join(' · ')}
        secondaryAction={<RuleStatusBadge status={site.status} />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <RuleCards rules={site.rules} />
          <ColumnsPanel columns={site.columns} warnDays={site.warnDays} />
          <OpenMessagesPanel messages={site.openMessages} />
          <SiteFigures site={site} />
          <MixPanel mix={site.mix} />
          <Panel title={t('oversight.site.alerts.title')} testId="oversight-site-alerts">
            {site.alerts.length === 0 ? (
              <PanelNote>{t('oversight.alerts.empty')}</PanelNote>
            ) : (
              <AlertsTable alerts={site.alerts} showSite={false} />
            )}
          </Panel>
          <RectificationsPanel tasks={site.rectifications} />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

import { Flex, Link as TextLink, Td, Tr, Typography } from '@strapi/design-system';
import { NavLink } from 'react-router-dom';
import { RECTIFICATIONS_PATH, type Rectification } from '../../../api/oversight';
import { HeadedTable, type RowPlace } from '../../../components/DataTable';
import { Panel, PanelNote } from '../../../components/Panel';
import { ToneBadge } from '../../../components/ToneBadge';
import { WrapTd } from '../../../components/WrapTd';
import { useT } from '../../../hooks/useT';
import { useOversightFormat } from '../format';
import { RectificationStatusBadge } from '../notices/RectificationCells';

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

const TaskRow = ({ task, ...place }: { task: Rectification } & RowPlace) => {
  const t = useT();
  const format = useOversightFormat();
  return (
    <Tr {...place} data-testid={`oversight-rectification-${task.id}`}>
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
export const RectificationsPanel = ({ tasks }: { tasks: Rectification[] }) => {
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

import { Flex, Link, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import { styled } from 'styled-components';
import { articleEditPath, type Submission, type SubmissionSite } from '../../api/submissions';
import { ToneBadge } from '../../components/ToneBadge';
import { useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';

/** Two lines of the summary: sites reuse title patterns, the summary tells the articles apart. */
const Summary = styled(Typography)`
  display: -webkit-box;
  -webkit-line-clamp: 2;
  -webkit-box-orient: vertical;
  overflow: hidden;
`;

/**
 * The title as submitted, with the start of its summary; a link to the source when the reader
 * may open it, marked once the source is deleted.
 */
export const TitleCell = ({
  submission,
  linkToSource = false,
}: {
  submission: Submission;
  linkToSource?: boolean;
}) => {
  const t = useT();
  // The cell grows with the summary: keep it off the row's borders.
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
      {linkToSource && submission.sourceExists ? (
        <Link tag={RouterLink} to={articleEditPath(submission.sourceArticleDocumentId)}>
          {submission.title}
        </Link>
      ) : (
        <Typography fontWeight="semiBold">{submission.title}</Typography>
      )}
      {submission.summary ? (
        <Summary variant="pi" textColor="neutral600" title={submission.summary}>
          {submission.summary}
        </Summary>
      ) : null}
      {submission.sourceExists ? null : (
        <ToneBadge tone="danger" data-testid="source-deleted">
          {t('submissions.sourceDeleted')}
        </ToneBadge>
      )}
    </Flex>
  );
};

/** A site with its level underneath (门户网站, 区县级…). */
export const SiteCell = ({ site }: { site: SubmissionSite | null }) => {
  const t = useT();
  if (!site) return <Typography textColor="neutral600">—</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start">
      <Typography>{site.name}</Typography>
      <Typography variant="pi" textColor="neutral600">
        {t(`level.${site.level}`)}
      </Typography>
    </Flex>
  );
};

/** A date with who acted underneath. */
export const WhenWho = ({ at, by }: { at: string | null; by: string | null }) => {
  const { formatDate } = useLocalTime();
  if (!at) return <Typography textColor="neutral600">—</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start">
      <Typography>{formatDate(at, { dateStyle: 'short', timeStyle: 'short' })}</Typography>
      {by ? (
        <Typography variant="pi" textColor="neutral600">
          {by}
        </Typography>
      ) : null}
    </Flex>
  );
};

/** "今天" or "3 天": days since the submission, until it was decided. */
export const WaitingDays = ({ days }: { days: number }) => {
  const t = useT();
  return (
    <Typography
      textColor={days >= 7 ? 'danger600' : days >= 3 ? 'warning600' : undefined}
      fontWeight={days >= 3 ? 'semiBold' : undefined}
    >
      {days === 0 ? t('submissions.waiting.today') : t('submissions.waiting.days', { days })}
    </Typography>
  );
};

/**
 * Whether the submission counts in the province's figures, and the last thing that changed it:
 * 计入采用 while the adopted copy is online; 未计入 with why (the copy not yet published, taken
 * offline or deleted; the source taken offline), and who did it when.
 */
export const CountingCell = ({ submission }: { submission: Submission }) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  if (submission.status === 'withdrawn' || submission.status === 'declined') return null;
  const last = submission.events.at(-1);
  const [tone, key] = !submission.counted
    ? (['danger', 'submissions.counting.sourceOffline'] as const)
    : submission.status !== 'adopted'
      ? (['neutral', 'submissions.counting.submitted'] as const)
      : submission.adoptionCounted
        ? (['success', 'submissions.counting.adopted'] as const)
        : last?.type === 'adoptionWithdrawn'
          ? (['danger', 'submissions.counting.copyOffline'] as const)
          : (['warning', 'submissions.counting.copyDraft'] as const);
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid="submission-counting">
      <ToneBadge tone={tone}>{t(key)}</ToneBadge>
      {last && last.type !== 'copyPublished' ? (
        <Typography variant="pi" textColor="neutral600">
          {t(`submissions.event.${last.type}`, {
            at: formatDate(last.at, { dateStyle: 'short', timeStyle: 'short' }),
            by: last.byName,
            how: t(`submissions.event.how.${last.how}`),
          })}
        </Typography>
      ) : null}
    </Flex>
  );
};

import { Box, Button, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import {
  useSubmissionAction,
  useSubmissionTargets,
  type SubmissionTargets,
} from '../api/submissions';
import { apiErrorMessage, useNotifiedAction } from '../hooks/useNotifiedAction';
import { useT } from '../hooks/useT';
import { PERMISSIONS } from '../permissions';
import { SubmissionStatusBadge } from './SubmissionStatusBadge';
import { ARTICLE } from '../../../shared/uids';

const NOTE_MAX = 500;

type Target = SubmissionTargets['targets'][number];

/** One receiving site: what became of an earlier submission, and 报送 or 撤回 when they apply. */
const TargetRow = ({
  articleDocumentId,
  target,
  eligible,
}: {
  articleDocumentId: string;
  target: Target;
  eligible: boolean;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const action = useSubmissionAction();
  const [note, setNote] = useState('');
  const { site, submission } = target;
  // A withdrawn submission may be sent again; any other one stays as it is.
  const canSend = eligible && (!submission || submission.status === 'withdrawn');

  const send = () =>
    notified(
      () =>
        action.mutateAsync({
          action: 'submit',
          article: articleDocumentId,
          target: site.documentId,
          note: note.trim() || undefined,
        }),
      t('submissions.panel.sent', { site: site.name })
    ).then((done) => done && setNote(''));
  const withdraw = (id: number) =>
    notified(
      () => action.mutateAsync({ action: 'withdraw', id }),
      t('submissions.panel.withdrawn')
    );

  return (
    <Box
      borderColor="neutral200"
      borderStyle="solid"
      borderWidth="1px"
      hasRadius
      padding={3}
      data-testid={`submission-target-${site.code}`}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex justifyContent="space-between" gap={2} wrap="wrap">
          <Typography variant="omega" fontWeight="bold">
            {site.name}
            <Typography variant="pi" textColor="neutral600">
              {' '}
              {t(`level.${site.level}`)}
            </Typography>
          </Typography>
          {submission ? <SubmissionStatusBadge status={submission.status} /> : null}
        </Flex>
        {submission?.status === 'declined' && submission.declineReason ? (
          <Typography variant="pi" textColor="danger600" tag="p">
            {t('submissions.declineReasonLabel')}：{submission.declineReason}
          </Typography>
        ) : null}
        {canSend ? (
          <>
            <Field.Root name={`note-${site.code}`} hint={t('submissions.panel.noteHint')}>
              <Field.Label>{t('submissions.panel.note')}</Field.Label>
              <Textarea
                value={note}
                maxLength={NOTE_MAX}
                onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
              />
              <Field.Hint />
            </Field.Root>
            <Button size="S" onClick={send} loading={action.isLoading}>
              {t('submissions.panel.submit', { site: site.name })}
            </Button>
          </>
        ) : null}
        {submission?.status === 'submitted' ? (
          <Button
            size="S"
            variant="tertiary"
            onClick={() => withdraw(submission.id)}
            loading={action.isLoading}
          >
            {t('submissions.withdraw')}
          </Button>
        ) : null}
      </Flex>
    </Box>
  );
};

const SubmissionPanelContent = ({
  documentId,
  revision,
}: {
  documentId: string;
  revision: string;
}) => {
  const t = useT();
  const { data, isLoading, error } = useSubmissionTargets(documentId, revision);

  if (isLoading) return <Typography variant="pi">{t('submissions.panel.loading')}</Typography>;
  if (error || !data) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {apiErrorMessage(error) ?? t('submissions.panel.unavailable')}
      </Typography>
    );
  }

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={3}
      width="100%"
      data-testid="submission-panel"
    >
      {data.article.eligible || data.targets.length === 0 ? null : (
        <Box background="warning100" padding={3} hasRadius>
          <Typography variant="pi" textColor="warning700">
            {t('submissions.panel.notEligible')}
          </Typography>
        </Box>
      )}
      {data.targets.length === 0 ? (
        <Typography variant="pi" textColor="neutral600">
          {t('submissions.panel.noTargets')}
        </Typography>
      ) : (
        data.targets.map((target) => (
          <TargetRow
            key={target.site.documentId}
            articleDocumentId={documentId}
            target={target}
            eligible={data.article.eligible}
          />
        ))
      )}
    </Flex>
  );
};

/** Where an adopted copy came from, as the edit view's document says. */
const SourceNote = ({ name }: { name: string }) => {
  const t = useT();
  return (
    <Box background="primary100" padding={3} hasRadius data-testid="submission-source">
      <Typography variant="pi" textColor="primary700">
        {t('submissions.panel.adoptedFrom', { site: name })}
      </Typography>
    </Box>
  );
};

interface PanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
  meta?: { availableStatus?: Array<Record<string, unknown>> };
}

/**
 * The 信息报送 side panel of the article edit view (Content Manager `addEditViewSidePanel`), for
 * those who may submit: the sites the article may go to, what became of earlier submissions,
 * and 报送 / 撤回. Not for an article being created: it has nothing to submit yet.
 */
export const SubmissionPanel = ({ model, documentId, document, meta }: PanelProps) => {
  const t = useT();
  const { isLoading, allowedActions } = useRBAC(PERMISSIONS.submissionsSubmit);
  if (model !== ARTICLE || !documentId || isLoading || !allowedActions.canSubmit) return null;
  const sourceSiteName =
    typeof document?.sourceSiteName === 'string' && document.sourceSiteName
      ? document.sourceSiteName
      : null;
  // Saving, publishing or a review decision can make the article eligible: ask again then.
  const revision = JSON.stringify([
    document?.updatedAt,
    document?.publishedAt,
    document?.reviewStatus,
    meta?.availableStatus?.map((version) => [version.publishedAt, version.updatedAt]),
  ]);
  return {
    title: t('submissions.panel.title'),
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%">
        {sourceSiteName ? <SourceNote name={sourceSiteName} /> : null}
        <SubmissionPanelContent documentId={documentId} revision={revision} />
      </Flex>
    ),
  };
};

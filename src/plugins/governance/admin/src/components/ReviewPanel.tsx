import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useState } from 'react';
import {
  CHECKLIST_ITEMS,
  useArticleReview,
  useReviewAction,
  type ArticleReview,
  type Decision,
} from '../api/review';
import { useNotifiedAction } from '../hooks/useNotifiedAction';
import { useT, type Translate } from '../hooks/useT';
import { ReasonDialog } from './ReasonDialog';
import { ArticleStateBadges, type PublicationStatus } from './ReviewStatusBadge';
import { CountFlags } from './CountFlags';
import { WordHits } from './WordHits';
import { ARTICLE } from '../../../shared/uids';
import { useLocalTime } from '../hooks/useLocalTime';

type Run = (
  action: Parameters<ReturnType<typeof useReviewAction>['mutateAsync']>[0],
  done: string
) => Promise<boolean>;

/** The server's limit on a decision's comment or reason. */
const DECISION_TEXT_MAX = 1000;

/** What a decision's dialog is given: the article, and the way to send the decision. */
interface DecisionDialogProps {
  review: ArticleReview;
  t: Translate;
  run: Run;
  onClose: () => void;
}

/** 通过 once every item of the checklist is ticked, with a comment if wanted. */
const ApproveDialog = ({ review, t, run, onClose }: DecisionDialogProps) => {
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const complete = CHECKLIST_ITEMS.every((item) => checked[item]);
  const send = (comment: string) => {
    const checklist = Object.fromEntries(CHECKLIST_ITEMS.map((item) => [item, true])) as Record<
      (typeof CHECKLIST_ITEMS)[number],
      boolean
    >;
    return run(
      {
        action: 'approve',
        contentHash: review.contentHash,
        checklist,
        comment: comment || undefined,
      },
      t('review.approved')
    );
  };
  return (
    <ReasonDialog
      title={t('review.approve.title', { title: review.title })}
      label={t('review.approve.comment')}
      limits={{ min: 0, max: DECISION_TEXT_MAX }}
      submitLabel={t('review.approve.submit')}
      variant="success"
      ready={complete}
      onSend={send}
      onClose={onClose}
    >
      <Typography variant="omega">{t('review.approve.intro')}</Typography>
      {CHECKLIST_ITEMS.map((item) => (
        <Checkbox
          key={item}
          checked={Boolean(checked[item])}
          onCheckedChange={(value: boolean) => setChecked({ ...checked, [item]: value })}
        >
          {t(`review.checklist.${item}`)}
        </Checkbox>
      ))}
    </ReasonDialog>
  );
};

/** 退回 with the reason the editor reads. */
const RejectDialog = ({ review, t, run, onClose }: DecisionDialogProps) => (
  <ReasonDialog
    title={t('review.reject.title', { title: review.title })}
    label={t('review.reject.reason')}
    hint={t('review.reject.hint')}
    limits={{ min: 5, max: DECISION_TEXT_MAX }}
    submitLabel={t('review.reject.submit')}
    variant="danger"
    onSend={(reason) => run({ action: 'reject', reason }, t('review.rejected'))}
    onClose={onClose}
  />
);

const HistoryEntry = ({ decision, t }: { decision: Decision; t: Translate }) => {
  const { formatDate } = useLocalTime();
  const step = decision.capacity
    ? ` · ${t('review.stepOf', { step: decision.step ?? 0 })} ${t(`review.capacity.${decision.capacity}`)}`
    : '';
  return (
    <Box paddingTop={2}>
      <Typography variant="pi" textColor="neutral600">
        {formatDate(decision.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
      </Typography>
      <Typography variant="omega" tag="p">
        {decision.actor.name} {t(`review.action.${decision.action}`)}
        {step}
      </Typography>
      {decision.reason ? (
        <Typography variant="pi" textColor="danger600" tag="p">
          {t('review.reasonLabel')}：{decision.reason}
        </Typography>
      ) : null}
      {decision.comment ? (
        <Typography variant="pi" textColor="neutral700" tag="p">
          {t('review.commentLabel')}：{decision.comment}
        </Typography>
      ) : null}
    </Box>
  );
};

/**
 * Where the article stands: its review state and publication (as the list shows them), the step
 * it waits at with who may take it, and the chain of steps.
 */
const ReviewState = ({
  review,
  publication,
  t,
}: {
  review: ArticleReview;
  publication: PublicationStatus | undefined;
  t: Translate;
}) => (
  <>
    <ArticleStateBadges status={review.status} publication={publication} />
    {review.step ? (
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Typography variant="omega" fontWeight="bold">
          {t('review.waitingAt', {
            step: review.step,
            total: review.chain.length,
            name: t(`review.capacity.${review.chain[review.step - 1]}`),
          })}
        </Typography>
        <Typography
          variant="pi"
          textColor={review.waitingOn.length > 0 ? 'neutral700' : 'danger600'}
          data-testid="review-waiting-on"
        >
          {review.waitingOn.length > 0
            ? t('review.waitingOn', { names: review.waitingOn.join('、') })
            : t('review.waitingOnNobody')}
        </Typography>
      </Flex>
    ) : null}
    <Flex gap={1} wrap="wrap">
      {review.chain.map((capacity, index) => (
        <Typography
          key={capacity}
          variant="pi"
          textColor={review.step === index + 1 ? 'primary600' : 'neutral600'}
          fontWeight={review.step === index + 1 ? 'bold' : undefined}
        >
          {index > 0 ? '→ ' : ''}
          {t(`review.capacity.${capacity}`)}
        </Typography>
      ))}
    </Flex>
  </>
);

/**
 * Whether 发布 can go through, and why not: the same answer the disabled button gives
 * (reviewedPublish.ts). Nothing to say while the version online is the current one.
 */
const PublishState = ({
  review,
  publication,
  t,
}: {
  review: ArticleReview;
  publication: PublicationStatus | undefined;
  t: Translate;
}) => {
  if (publication === 'published')
    return review.publishBlock === 'legacy' ? (
      <Typography variant="pi" textColor="neutral600" data-testid="publish-state">
        {t('review.publish.legacyOnline')}
      </Typography>
    ) : null;
  if (review.publishable)
    return (
      <Typography variant="pi" textColor="success600" data-testid="publish-state">
        {t('review.publishable')}
      </Typography>
    );
  return (
    <Box background="neutral100" padding={3} hasRadius data-testid="publish-state">
      <Typography variant="pi" fontWeight="bold" textColor="neutral800" tag="p">
        {t('review.publish.blocked')}
      </Typography>
      <Typography variant="pi" textColor="neutral700" tag="p">
        {t(`review.publish.block.${review.publishBlock ?? 'notSubmitted'}`)}
      </Typography>
    </Box>
  );
};

/** 审核记录: every decision on the article, newest first. */
const ReviewHistory = ({ history, t }: { history: Decision[]; t: Translate }) =>
  history.length > 0 ? (
    <Box borderColor="neutral200" paddingTop={2} borderStyle="solid" borderWidth="1px 0 0 0">
      <Typography variant="sigma">{t('review.history')}</Typography>
      {[...history].reverse().map((decision) => (
        <HistoryEntry key={decision.id} decision={decision} t={t} />
      ))}
    </Box>
  ) : null;

const ReviewPanelContent = ({
  documentId,
  version,
  publication,
}: {
  documentId: string;
  version: string | undefined;
  publication: PublicationStatus | undefined;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const { data: review, isLoading, error } = useArticleReview(documentId, version);
  const mutation = useReviewAction(documentId);
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);

  const run: Run = (action, done) => notified(() => mutation.mutateAsync(action), done);

  if (isLoading) return <Typography variant="pi">{t('review.loading')}</Typography>;
  if (error || !review)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('review.unavailable')}
      </Typography>
    );

  const lastRejection =
    review.status === 'rejected'
      ? [...review.history].reverse().find((d) => d.action === 'reject')
      : undefined;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="review-panel">
      <ReviewState review={review} publication={publication} t={t} />
      <PublishState review={review} publication={publication} t={t} />
      {lastRejection ? (
        <Box background="danger100" padding={3} hasRadius>
          <Typography variant="sigma" textColor="danger700">
            {t('review.rejectedBy', { name: lastRejection.actor.name })}
          </Typography>
          <Typography variant="omega" tag="p" data-testid="review-rejection-reason">
            {lastRejection.reason}
          </Typography>
        </Box>
      ) : null}
      {review.wordHits.length > 0 ? <WordHits hits={review.wordHits} t={t} /> : null}
      {review.countFlags ? <CountFlags flags={review.countFlags} t={t} /> : null}
      <Flex gap={2} wrap="wrap">
        {review.can.submit ? (
          <Button
            size="S"
            onClick={() => run({ action: 'submit' }, t('review.submitted'))}
            loading={mutation.isLoading}
          >
            {t('review.submit')}
          </Button>
        ) : null}
        {review.can.approve ? (
          <Button size="S" variant="success" onClick={() => setDialog('approve')}>
            {t('review.approve')}
          </Button>
        ) : null}
        {review.can.reject ? (
          <Button size="S" variant="danger-light" onClick={() => setDialog('reject')}>
            {t('review.reject')}
          </Button>
        ) : null}
        {review.can.withdraw ? (
          <Button
            size="S"
            variant="tertiary"
            onClick={() => run({ action: 'withdraw' }, t('review.withdrawn'))}
          >
            {t('review.withdraw')}
          </Button>
        ) : null}
      </Flex>
      {review.cannotDecideReason && !review.can.approve ? (
        <Typography variant="pi" textColor="neutral600">
          {review.cannotDecideReason}
        </Typography>
      ) : null}
      <ReviewHistory history={review.history} t={t} />
      {dialog === 'approve' ? (
        <ApproveDialog review={review} t={t} run={run} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === 'reject' ? (
        <RejectDialog review={review} t={t} run={run} onClose={() => setDialog(null)} />
      ) : null}
    </Flex>
  );
};

/**
 * The review side panel of the article edit view (Content Manager `addEditViewSidePanel`): the
 * state, whether it may be published, the word check, the history, and the buttons the user may
 * press. Everything it shows and does goes through the plugin's review routes; it asks again
 * whenever the article is saved (its `updatedAt`).
 */
export const ReviewPanel: PanelComponent = ({ model, documentId, document }) => {
  const t = useT();
  if (model !== ARTICLE || !documentId) return null;
  return {
    title: t('review.panel.title'),
    content: (
      <ReviewPanelContent
        documentId={documentId}
        version={document?.updatedAt}
        publication={document?.status}
      />
    ),
  };
};

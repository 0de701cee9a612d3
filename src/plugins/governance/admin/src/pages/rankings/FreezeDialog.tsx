import { Typography } from '@strapi/design-system';
import { useFreezeRanking } from '../../api/rankings';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

/** The server's limit on a snapshot's note, and on a new version's reason. */
const MAX_NOTE = 500;
const MIN_REASON = 5;

/**
 * 冻结排名: asks first, because the year's notice and snapshot exports then quote these
 * figures for good (until frozen again), whatever is published or withdrawn later.
 */
export const FreezeDialog = ({
  year,
  refreeze,
  onClose,
}: {
  year: number;
  refreeze: boolean;
  onClose: () => void;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const freeze = useFreezeRanking();
  // A frozen year: the text is the new version's reason (required); else an optional note.
  const send = (text: string) =>
    notified(
      () =>
        freeze.mutateAsync(
          refreeze ? { year, note: null, reason: text } : { year, note: text || null }
        ),
      t('rankings.freeze.done', { year }),
      t('rankings.freeze.failed')
    );

  return (
    <ReasonDialog
      title={t(refreeze ? 'rankings.freeze.titleAgain' : 'rankings.freeze.title', { year })}
      label={t(refreeze ? 'rankings.freeze.reason' : 'rankings.freeze.note')}
      hint={
        refreeze
          ? t('rankings.freeze.reasonHint', { min: MIN_REASON, max: MAX_NOTE })
          : t('rankings.freeze.noteHint', { max: MAX_NOTE })
      }
      limits={{ min: refreeze ? MIN_REASON : 0, max: MAX_NOTE }}
      submitLabel={t('rankings.freeze.submit')}
      onSend={send}
      onClose={onClose}
    >
      <Typography>{t('rankings.freeze.explain', { year })}</Typography>
      {refreeze ? (
        <Typography textColor="warning700">{t('rankings.freeze.replaces')}</Typography>
      ) : null}
    </ReasonDialog>
  );
};

import { Typography } from '@strapi/design-system';
import { useFreezeRanking } from '../../api/rankings';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

/** The server's limit on a snapshot's note. */
const MAX_NOTE = 500;

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
  const send = (note: string) =>
    notified(
      () => freeze.mutateAsync({ year, note: note || null }),
      t('rankings.freeze.done', { year }),
      t('rankings.freeze.failed')
    );

  return (
    <ReasonDialog
      title={t(refreeze ? 'rankings.freeze.titleAgain' : 'rankings.freeze.title', { year })}
      label={t('rankings.freeze.note')}
      hint={t('rankings.freeze.noteHint', { max: MAX_NOTE })}
      limits={{ min: 0, max: MAX_NOTE }}
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

import { Box, Typography } from '@strapi/design-system';
import { WORD_CONTEXT_CHARS, type WordHit } from '../../../shared/contracts/review';
import type { Translate } from '../hooks/useT';

/** The text around a hit, with the word as written marked where it stands. */
export const HitInContext = ({
  hit,
}: {
  hit: Pick<WordHit, 'start' | 'end' | 'context' | 'level'>;
}) => {
  // The context starts WORD_CONTEXT_CHARS before the word, or at the start of the text.
  const at = Math.min(hit.start, WORD_CONTEXT_CHARS);
  const length = hit.end - hit.start;
  const before = hit.context.slice(0, at);
  const after = hit.context.slice(at + length);
  return (
    <Typography variant="pi" textColor="neutral800" tag="p" data-testid="word-hit-context">
      {hit.start > at ? '…' : ''}
      {before}
      <Box
        tag="mark"
        background={hit.level === 'forbidden' ? 'danger200' : 'warning200'}
        color={hit.level === 'forbidden' ? 'danger700' : 'warning700'}
        fontWeight="bold"
        paddingLeft="2px"
        paddingRight="2px"
        hasRadius
      >
        {hit.context.slice(at, at + length)}
      </Box>
      {after}
      {after.length >= WORD_CONTEXT_CHARS ? '…' : ''}
    </Typography>
  );
};

/**
 * 错敏词和个人信息检查: every listed word, serious wording error (规范表述) and piece of personal
 * data found in what readers
 * will see (the attachments' text among it), in its sentence with the find highlighted, where it
 * is (field or attachment, and position) and what to write instead; and the attachments whose
 * text could not be read, for reviewers to read themselves.
 */
/** A link to a host outside the group (外链审查): its words and address, no place in a text. */
export const isLinkHit = (hit: Pick<WordHit, 'kind'>) =>
  hit.kind === 'externalLink' || hit.kind === 'deniedLink';

export const WordHits = ({ hits, t }: { hits: WordHit[]; t: Translate }) => {
  const forbidden = hits.some((h) => h.level === 'forbidden');
  return (
    <Box
      background={forbidden ? 'danger100' : 'warning100'}
      padding={3}
      hasRadius
      data-testid="word-hits"
    >
      <Typography variant="sigma" textColor={forbidden ? 'danger700' : 'warning700'}>
        {t('review.words.found', { count: hits.length })}
      </Typography>
      {hits.map((hit, index) => (
        <Box key={`${hit.field}-${hit.file ?? ''}-${hit.start}-${index}`} paddingTop={2}>
          <Typography
            variant="pi"
            fontWeight="bold"
            textColor={hit.level === 'forbidden' ? 'danger700' : 'warning700'}
            tag="p"
          >
            {hit.kind === 'unread' ? (
              t('review.words.unread', { file: hit.file ?? '' })
            ) : isLinkHit(hit) ? (
              t(`review.words.${hit.kind}`, { host: hit.word })
            ) : (
              <>
                {hit.kind === 'wording'
                  ? t('review.words.wording')
                  : t(`review.words.level.${hit.level}`)}
                {hit.kind === 'personalData' ? t('review.words.personalData') : ''}“{hit.word}” ·{' '}
                {hit.file
                  ? t('review.words.inAttachment', { file: hit.file })
                  : t(`review.field.${hit.field}`)}{' '}
                {t('review.words.position', { position: hit.start + 1 })}
              </>
            )}
          </Typography>
          {hit.kind === 'unread' || isLinkHit(hit) ? (
            <Typography variant="pi" textColor="neutral800" tag="p">
              {hit.context}
            </Typography>
          ) : (
            <HitInContext hit={hit} />
          )}
          {hit.suggestion ? (
            <Typography variant="pi" textColor="neutral700" tag="p">
              {t(hit.kind === 'wording' ? 'review.words.rightForm' : 'review.words.suggestion', {
                suggestion: hit.suggestion,
              })}
            </Typography>
          ) : null}
        </Box>
      ))}
    </Box>
  );
};

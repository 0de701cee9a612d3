import { Box, Flex, Typography } from '@strapi/design-system';
import type { CaseEvent } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';

/**
 * The acts of no staff member: the citizen's rating and reopening, the system's overdue notice
 * and its recomputation of a deadline after the province entered a year's holidays.
 * Their actor is named here, in the user's language, rather than taken from the record.
 */
const IMPERSONAL_ACTORS: Record<string, 'citizen' | 'system'> = {
  rate: 'citizen',
  reopen: 'citizen',
  overdueNotice: 'system',
  deadlineRecalculated: 'system',
};

/** One act: who did what (to which site, for how many days, with which result), then its details. */
const EventEntry = ({ event }: { event: CaseEvent }) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const day = (iso: string) => formatDate(iso, { dateStyle: 'medium' });
  const result = event.satisfaction
    ? t(`messages.satisfaction.${event.satisfaction}`)
    : event.verdict
      ? t(`messages.verdict.${event.verdict}`)
      : null;
  const impersonal = IMPERSONAL_ACTORS[event.action];
  const actor = impersonal ? t(`messages.actor.${impersonal}`) : event.actor;
  const headline = [
    `${actor} ${t(`messages.action.${event.action}`)}`,
    event.toSite ? ` → ${event.toSite.name}` : '',
    event.categoryBefore && event.categoryAfter
      ? t('messages.event.category', {
          before: t(`messages.category.${event.categoryBefore}`),
          after: t(`messages.category.${event.categoryAfter}`),
        })
      : '',
    event.workingDays ? t('messages.event.workingDays', { days: event.workingDays }) : '',
    result ? t('messages.event.result', { result }) : '',
  ].join('');

  return (
    <Box paddingTop={2}>
      <Typography variant="pi" textColor="neutral600">
        {formatDate(event.at, { dateStyle: 'medium', timeStyle: 'short' })}{' '}
      </Typography>
      <Typography variant="omega">{headline}</Typography>
      {event.dueAtBefore && event.dueAtAfter ? (
        <Typography variant="pi" textColor="neutral700" tag="p">
          {t('messages.event.deadlineMoved', {
            before: day(event.dueAtBefore),
            after: day(event.dueAtAfter),
          })}
        </Typography>
      ) : null}
      {event.dueAtAfter && !event.dueAtBefore && event.action !== 'reopen' ? (
        <Typography variant="pi" textColor="neutral700" tag="p">
          {t('messages.event.holdingDue', { due: day(event.dueAtAfter) })}
        </Typography>
      ) : null}
      {event.flags && event.flags.length > 0 ? (
        <Typography variant="pi" textColor="warning600" tag="p">
          {t('messages.event.flags', {
            flags: event.flags.map((flag) => t(`messages.flag.${flag}`)).join('；'),
          })}
        </Typography>
      ) : null}
      {event.text ? (
        <Typography variant="pi" textColor="neutral700" tag="p">
          {event.action === 'overdueNotice'
            ? t('messages.event.notified', { who: event.text })
            : event.text}
        </Typography>
      ) : null}
    </Box>
  );
};

/** 办理记录: every act on the case, oldest first. */
export const CaseTimeline = ({ events }: { events: CaseEvent[] }) => {
  const t = useT();
  return (
    <Flex direction="column" alignItems="stretch" data-testid="message-timeline">
      <Typography variant="delta" tag="h3">
        {t('messages.case.timeline')}
      </Typography>
      {events.length === 0 ? (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('messages.case.noEvents')}
        </Typography>
      ) : (
        events.map((event) => <EventEntry key={event.id} event={event} />)
      )}
    </Flex>
  );
};

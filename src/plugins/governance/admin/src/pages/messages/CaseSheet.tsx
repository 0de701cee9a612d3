import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import type { CaseEvent, MessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';
import { Sheet } from '../rankings/NoticeDocument';

const Title = styled.h1`
  margin: 0 0 6pt;
  font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, serif;
  font-size: 22pt;
  font-weight: bold;
  line-height: 36pt;
  text-align: center;
  letter-spacing: 4pt;
`;

const Head = styled.div`
  display: flex;
  justify-content: space-between;
  margin-bottom: 6pt;
  font-size: 12pt;
  line-height: 20pt;
`;

/** The form's grid: labels in 黑体 on the left of each value, every cell ruled. */
const Form = styled.table`
  width: 100%;
  border-collapse: collapse;
  table-layout: fixed;
  font-size: 12pt;
  line-height: 20pt;

  th,
  td {
    border: 1px solid #000;
    padding: 4pt 6pt;
    vertical-align: top;
    text-align: left;
    word-break: break-all;
    white-space: pre-wrap;
  }
  th {
    width: 16%;
    font-family: SimHei, 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif;
    font-weight: normal;
    text-align: center;
    vertical-align: middle;
  }
  td.tall {
    height: 90pt;
  }
`;

const Foot = styled.div`
  display: flex;
  justify-content: space-between;
  margin-top: 14pt;
  font-size: 12pt;
  line-height: 20pt;
`;

/** One line of the 办理过程: when, who, what. */
const useStepLine = (timeZone: string) => {
  const t = useT();
  const { formatDate } = useIntl();
  return (event: CaseEvent) =>
    [
      formatDate(event.at, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
      event.action === 'rate' || event.action === 'reopen'
        ? t('messages.actor.citizen')
        : ['overdueNotice', 'deadlineRecalculated'].includes(event.action)
          ? t('messages.actor.system')
          : event.actor,
      t(`messages.action.${event.action}`) + (event.toSite ? ` → ${event.toSite.name}` : ''),
    ].join('  ');
};

/**
 * 网民留言办理单: the case as an office files it on paper: the message, the citizen's name masked
 * (the form leaves the office), the deadline, what was done, the answer and who answered. Times
 * in the group's time zone, named once at the foot.
 */
export const CaseSheet = ({
  message,
  timeZone,
  testId,
}: {
  message: MessageCase;
  timeZone: string;
  testId?: string;
}) => {
  const t = useT();
  const { formatDate } = useIntl();
  const { zoneName } = useLocalTime();
  const step = useStepLine(timeZone);
  const when = (iso: string | null) =>
    iso ? formatDate(iso, { dateStyle: 'long', timeStyle: 'short', timeZone }) : '';
  const day = (iso: string | null) => (iso ? formatDate(iso, { dateStyle: 'long', timeZone }) : '');
  return (
    <Sheet data-testid={testId}>
      <Title>{t('messages.sheet.title')}</Title>
      <Head>
        <span>{t('messages.sheet.unit', { site: message.site?.name ?? '' })}</span>
        <span>{t('messages.sheet.number', { number: message.caseNumber ?? '' })}</span>
      </Head>
      <Form>
        <tbody>
          <tr>
            <th>{t('messages.sheet.caseNumber')}</th>
            <td>{message.caseNumber ?? ''}</td>
            <th>{t('messages.sheet.category')}</th>
            <td>{t(`messages.category.${message.category}`)}</td>
          </tr>
          <tr>
            <th>{t('messages.sheet.subject')}</th>
            <td colSpan={3}>{message.subject}</td>
          </tr>
          <tr>
            <th>{t('messages.sheet.citizen')}</th>
            <td>{message.maskedName}</td>
            <th>{t('messages.sheet.received')}</th>
            <td>{when(message.receivedAt)}</td>
          </tr>
          <tr>
            <th>{t('messages.sheet.due')}</th>
            <td>{day(message.dueAt)}</td>
            <th>{t('messages.sheet.status')}</th>
            <td>{t(`messages.status.${message.status}`)}</td>
          </tr>
          <tr>
            <th>{t('messages.sheet.body')}</th>
            <td colSpan={3} className="tall">
              {message.body}
            </td>
          </tr>
          <tr>
            <th>{t('messages.sheet.steps')}</th>
            <td colSpan={3}>{message.timeline.map(step).join('\n')}</td>
          </tr>
          <tr>
            <th>{t('messages.sheet.reply')}</th>
            <td colSpan={3} className="tall">
              {message.reply ?? ''}
            </td>
          </tr>
          <tr>
            <th>{t('messages.sheet.replyingUnit')}</th>
            <td>{message.replyingUnit ?? ''}</td>
            <th>{t('messages.sheet.repliedAt')}</th>
            <td>{when(message.repliedAt)}</td>
          </tr>
        </tbody>
      </Form>
      <Foot>
        <span>{t('messages.sheet.signatures')}</span>
        <span>
          {t('messages.sheet.printed', { when: when(new Date().toISOString()), zone: zoneName })}
        </span>
      </Foot>
    </Sheet>
  );
};

import { Td, Tr, Typography } from '@strapi/design-system';
import type { OpenMessageEvidence } from '../../../api/oversight';
import { HeadedTable } from '../../../components/DataTable';
import { Panel, PanelNote } from '../../../components/Panel';
import { ToneBadge } from '../../../components/ToneBadge';
import { WrapTd } from '../../../components/WrapTd';
import { useT } from '../../../hooks/useT';
import { useOversightFormat } from '../format';

const MESSAGE_HEADINGS = ['subject', 'category', 'received', 'due', 'age', 'overdue'] as const;

/** The valid messages still waiting for their answer: the handling, never the citizen. */
export const OpenMessagesPanel = ({ messages }: { messages: OpenMessageEvidence[] }) => {
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

import { Badge, Box, Button, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useDrawSpotCheckSample, type Verdict } from '../../api/messages';
import { ColumnHeads } from '../../components/ColumnHeads';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';
import { CaseDialog } from './CaseDialog';
import { DeadlineBadge } from './DeadlineBadge';

const SAMPLE_COLUMNS = ['subject', 'site', 'replied', 'deadline', 'verdict'] as const;

const SAMPLE_SIZE = 10;

/**
 * 答复质量抽查: draws a random sample of the year's replied messages not yet checked; each opens
 * its case, where the verdict is given. The list marks what was checked since the draw.
 */
export const SpotCheckPanel = ({ year }: { year: number }) => {
  const t = useT();
  const { formatDate } = useIntl();
  const notified = useNotifiedAction();
  const draw = useDrawSpotCheckSample();
  const [verdicts, setVerdicts] = useState<Record<number, Verdict>>({});
  const [openId, setOpenId] = useState<number | null>(null);
  const sample = draw.data;

  const drawSample = async () => {
    setVerdicts({});
    await notified(
      () => draw.mutateAsync({ year, size: SAMPLE_SIZE }),
      t('statistics.sample.drawn')
    );
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" data-testid="spot-check-panel">
      <Flex
        padding={5}
        paddingBottom={3}
        justifyContent="space-between"
        alignItems="flex-start"
        gap={4}
      >
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {t('statistics.sample.title')}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {t('statistics.sample.intro', { year, size: SAMPLE_SIZE })}
          </Typography>
        </Flex>
        <Button variant="secondary" loading={draw.isLoading} onClick={drawSample}>
          {t(sample ? 'statistics.sample.redraw' : 'statistics.sample.draw')}
        </Button>
      </Flex>
      {sample && sample.length === 0 ? (
        <Box padding={5} paddingTop={0}>
          <Typography textColor="neutral600">{t('statistics.sample.empty', { year })}</Typography>
        </Box>
      ) : null}
      {sample && sample.length > 0 ? (
        <Table colCount={SAMPLE_COLUMNS.length} rowCount={sample.length + 1}>
          <ColumnHeads prefix="statistics.sample.column" columns={SAMPLE_COLUMNS} />
          <Tbody>
            {sample.map((item) => (
              <Tr key={item.id}>
                <Td>
                  <Button variant="ghost" onClick={() => setOpenId(item.id)}>
                    {item.subject}
                  </Button>
                </Td>
                <Td>
                  <Typography>{item.site?.name ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {item.repliedAt ? formatDate(item.repliedAt, { dateStyle: 'medium' }) : '—'}
                  </Typography>
                </Td>
                <Td>
                  <DeadlineBadge deadline={item.deadline} />
                </Td>
                <Td>
                  {verdicts[item.id] ? (
                    <Badge
                      textColor={verdicts[item.id] === 'standard' ? 'success600' : 'danger600'}
                      backgroundColor={
                        verdicts[item.id] === 'standard' ? 'success100' : 'danger100'
                      }
                    >
                      {t(`messages.verdict.${verdicts[item.id]}`)}
                    </Badge>
                  ) : (
                    <Typography textColor="neutral600">
                      {t('statistics.sample.unchecked')}
                    </Typography>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : null}
      {openId !== null ? (
        <CaseDialog
          id={openId}
          onClose={() => setOpenId(null)}
          onSpotChecked={(verdict) => setVerdicts((checked) => ({ ...checked, [openId]: verdict }))}
        />
      ) : null}
    </Box>
  );
};

import {
  Box,
  Button,
  DatePicker,
  Field,
  Flex,
  Loader,
  TextButton,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { fromDay, toDay } from '../../../api/days';
import { useLocalTime } from '../../../hooks/useLocalTime';
import { useNoticeDraft } from '../../../api/oversightNotices';
import { apiErrorMessage } from '../../../hooks/useNotifiedAction';
import { useT } from '../../../hooks/useT';
import { REPORT_URLS } from '../../../api/reports';
import { WordDocumentButton } from '../../../components/WordDocumentButton';
import { NoticeComposer } from './NoticeComposer';
import { NoticesTable } from './NoticesTable';
import { useTimeZoneNote } from '../../../components/TimeZoneNote';

interface Period {
  from?: string;
  to?: string;
}

/**
 * The last full calendar quarter before the group's `today` (YYYY-MM-DD): 1 October–31 December
 * when asked in January–March.
 */
const lastQuarter = (today: string): Period => {
  const [year, month] = today.split('-').map(Number);
  const first = Math.floor((month - 1) / 3) * 3 - 3;
  return {
    from: toDay(new Date(year, first, 1)),
    // Day 0 of a month is the last day of the month before.
    to: toDay(new Date(year, first + 3, 0)),
  };
};

/** From 1 January to the group's `today`. */
const yearToDate = (today: string): Period => ({ from: `${today.slice(0, 4)}-01-01`, to: today });

/** 监测时段: two days, with the two periods a notice usually covers a click away. */
const PeriodPicker = ({
  period,
  onChange,
}: {
  period: Period;
  onChange: (period: Period) => void;
}) => {
  const t = useT();
  const { today } = useLocalTime();
  const latest = fromDay(today());
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Box width="16rem">
          <Field.Root name="from" required>
            <Field.Label>{t('oversight.notice.period.from')}</Field.Label>
            <DatePicker
              placeholder={t('common.datePlaceholder')}
              value={fromDay(period.from)}
              maxDate={fromDay(period.to) ?? latest}
              onChange={(date?: Date) => onChange({ ...period, from: toDay(date) })}
              onClear={() => onChange({ ...period, from: undefined })}
              clearLabel={t('oversight.notice.field.clearDate')}
            />
          </Field.Root>
        </Box>
        <Box width="16rem">
          <Field.Root name="to" required>
            <Field.Label>{t('oversight.notice.period.to')}</Field.Label>
            <DatePicker
              placeholder={t('common.datePlaceholder')}
              value={fromDay(period.to)}
              minDate={fromDay(period.from)}
              maxDate={latest}
              onChange={(date?: Date) => onChange({ ...period, to: toDay(date) })}
              onClear={() => onChange({ ...period, to: undefined })}
              clearLabel={t('oversight.notice.field.clearDate')}
            />
          </Field.Root>
        </Box>
        <Button variant="tertiary" onClick={() => onChange(lastQuarter(today()))}>
          {t('oversight.notice.period.lastQuarter')}
        </Button>
        <Button variant="tertiary" onClick={() => onChange(yearToDate(today()))}>
          {t('oversight.notice.period.yearToDate')}
        </Button>
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {t('oversight.notice.period.hint')}
      </Typography>
    </Flex>
  );
};

/** The draft of the chosen period, or why there is none yet. */
const DraftOfPeriod = ({ period }: { period: Period }) => {
  const t = useT();
  const complete = Boolean(period.from && period.to);
  const ordered = complete && period.from! <= period.to!;
  const draft = useNoticeDraft(ordered ? period.from : undefined, ordered ? period.to : undefined);

  if (!complete)
    return <Typography textColor="neutral600">{t('oversight.notice.period.missing')}</Typography>;
  if (!ordered)
    return <Typography textColor="danger600">{t('oversight.notice.period.reversed')}</Typography>;
  if (draft.isError)
    return (
      <Flex gap={3} wrap="wrap" data-testid="inspection-notice-draft-error">
        <Typography textColor="danger600">
          {apiErrorMessage(draft.error) ?? t('oversight.notice.draft.failed')}
        </Typography>
        <TextButton onClick={() => draft.refetch()}>{t('oversight.notice.draft.retry')}</TextButton>
      </Flex>
    );
  if (!draft.data) return <Loader>{t('oversight.notice.draft.loading')}</Loader>;
  const { from, to } = draft.data.period;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {draft.isPreviousData ? <Loader small>{t('oversight.notice.draft.loading')}</Loader> : null}
      <Flex justifyContent="flex-end">
        <WordDocumentButton
          url={REPORT_URLS.inspectionNotice}
          period={{ from, to }}
          fileName={`${draft.data.title}.docx`}
        />
      </Flex>
      <NoticeComposer key={`${from}/${to}`} draft={draft.data} outdated={draft.isPreviousData} />
    </Flex>
  );
};

/**
 * 监测通报: the province's notice on the sites' maintenance over a period, generated from the
 * monitoring data; it becomes a portal article, reviewed and published like any other, and its
 * publication gives each named site a rectification task. Below, the notices created so far.
 */
export const InspectionNoticePage = () => {
  const t = useT();
  const { withTimeZoneNote } = useTimeZoneNote();
  const { today } = useLocalTime();
  const [period, setPeriod] = useState<Period>(() => lastQuarter(today()));
  return (
    <Page.Main>
      <Page.Title>{t('oversight.notice.title')}</Page.Title>
      <Layouts.Header
        title={t('oversight.notice.title')}
        subtitle={withTimeZoneNote(t('oversight.notice.subtitle'))}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={8}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <PeriodPicker period={period} onChange={setPeriod} />
            <DraftOfPeriod period={period} />
          </Flex>
          <Flex direction="column" alignItems="stretch" gap={4} tag="section">
            <Typography variant="beta" tag="h2">
              {t('oversight.notice.list.title')}
            </Typography>
            <NoticesTable />
          </Flex>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

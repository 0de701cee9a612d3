import { Box, Button, Flex, Link as TextLink, Typography } from '@strapi/design-system';
import { ArrowLeft, FilePdf } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink } from 'react-router-dom';
import { useAnnualNotice } from '../../api/rankings';
import { PrintOnly } from '../../components/PrintOnly';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';
import { NoticeDocument } from './NoticeDocument';
import { useRankingYear } from './useRankingYear';
import { YearSelect } from '../../components/YearSelect';
import { REPORT_URLS } from '../../api/reports';
import { WordDocumentButton } from '../../components/WordDocumentButton';
import { useTimeZoneNote } from '../../components/TimeZoneNote';

const PRINT_ROOT = 'governance-notice-print';

/** 年度通报: the year's notice on the website group's maintenance, generated from its ranking, to print or save as PDF. */
export const AnnualNoticePage = () => {
  const t = useT();
  const format = useRankingFormat();
  const { withTimeZoneNote } = useTimeZoneNote();
  const { year: asked, setYear } = useRankingYear();
  const { data: notice, isLoading, isError } = useAnnualNotice(asked);

  if (isLoading) return <Page.Loading />;
  if (isError || !notice) return <Page.Error />;
  const { year } = notice;

  return (
    <Page.Main>
      <Page.Title>{t('notice.title')}</Page.Title>
      <Layouts.Header
        title={t('notice.title')}
        subtitle={
          notice.snapshot
            ? withTimeZoneNote(
                t('notice.subtitle.snapshot', {
                  year: notice.year,
                  version: notice.snapshot.version,
                  at: format.dateTime(notice.snapshot.takenAt),
                  by: notice.snapshot.takenBy,
                })
              )
            : t('notice.subtitle.draft', { year: notice.year })
        }
        navigationAction={
          <TextLink
            tag={NavLink}
            to={`/plugins/governance/rankings?year=${year}`}
            startIcon={<ArrowLeft />}
          >
            {t('notice.back')}
          </TextLink>
        }
        primaryAction={
          <Flex gap={2}>
            <YearSelect
              years={notice.years ?? [year]}
              value={year}
              onChange={(next) => setYear(next)}
            />
            <WordDocumentButton
              url={REPORT_URLS.annualNotice}
              period={{ year }}
              fileName={t('notice.docxName', { year })}
            />
            <Button startIcon={<FilePdf />} onClick={() => window.print()}>
              {t('notice.print')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {notice.snapshot ? null : (
            <Typography variant="pi" textColor="neutral600">
              {t('notice.draftHint')}
            </Typography>
          )}
          <Box paddingBottom={8}>
            <NoticeDocument notice={notice} testId="annual-notice" />
          </Box>
        </Flex>
      </Layouts.Content>
      <PrintOnly id={PRINT_ROOT} margin="37mm 26mm 35mm 28mm">
        <NoticeDocument notice={notice} />
      </PrintOnly>
    </Page.Main>
  );
};

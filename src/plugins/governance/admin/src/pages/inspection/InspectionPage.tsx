import {
  Box,
  Button,
  Flex,
  Link as DsLink,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Pencil } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  FINDING_KINDS,
  FINDINGS_PAGE_SIZE,
  findingsExportQuery,
  useDismissFinding,
  useUnpublishForFinding,
  useFindings,
  useInspectionSummary,
  useStartInspection,
  type FindingFilters,
  type InspectionFinding,
  type InspectionSummary,
} from '../../api/inspection';
import { ListTable, type RowPlace } from '../../components/DataTable';
import { ExportButton } from '../../components/ExportButton';
import { FilterSelect, optionsOf } from '../../components/FilterSelect';
import { ListTabs } from '../../components/ListTabs';
import { RaisedBox } from '../../components/Panel';
import { ReasonDialog } from '../../components/ReasonDialog';
import { ToneBadge } from '../../components/ToneBadge';
import { HitInContext, isLinkHit } from '../../components/WordHits';
import { WrapTd } from '../../components/WrapTd';
import { useTimeZoneNote } from '../../components/TimeZoneNote';
import { useLocalTime } from '../../hooks/useLocalTime';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { usePageParam } from '../../hooks/usePageParam';
import { useT } from '../../hooks/useT';

const STATES = ['open', 'dismissed'] as const;
const COLUMNS = ['site', 'article', 'kind', 'found', 'suggestion', 'actions'] as const;
const ARTICLE_EDIT = '/content-manager/collection-types/api::article.article';

/** A finding about a link (外链, 链接可用性): its words and address, no place in a text. */
const withoutPosition = (finding: InspectionFinding) =>
  isLinkHit(finding) || finding.kind === 'brokenLink';

/**
 * The finding in its sentence, the text as written marked, as the review panel shows a hit; a
 * link's finding as its words, address and why.
 */
const FoundInContext = ({ finding }: { finding: InspectionFinding }) =>
  withoutPosition(finding) ? (
    <Typography variant="pi" textColor="neutral800" tag="p">
      {finding.context}
    </Typography>
  ) : (
    <HitInContext
      hit={{
        start: finding.position,
        end: finding.position + finding.found.length,
        context: finding.context,
        level: finding.level,
      }}
    />
  );

const FindingRow = ({ finding, ...place }: { finding: InspectionFinding } & RowPlace) => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const notified = useNotifiedAction();
  const dismiss = useDismissFinding();
  const unpublish = useUnpublishForFinding();
  const [asking, setAsking] = useState<'dismiss' | 'unpublish' | null>(null);
  const title = finding.article.title ?? t('inspection.untitled');
  const where = finding.file
    ? t('review.words.inAttachment', { file: finding.file })
    : t(`review.field.${finding.field}`);
  return (
    <Tr {...place}>
      <Td>
        <Typography>{finding.site?.name ?? '—'}</Typography>
      </Td>
      <WrapTd>
        <DsLink tag={Link} to={`${ARTICLE_EDIT}/${finding.article.documentId}`}>
          {title}
        </DsLink>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('inspection.foundAt', {
            at: formatDate(finding.lastFoundAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </Typography>
      </WrapTd>
      <Td>
        <ToneBadge tone={finding.level === 'forbidden' ? 'dangerStrong' : 'warning'}>
          {t(`inspection.kind.${finding.kind}`)}
        </ToneBadge>
      </Td>
      <WrapTd>
        <Typography variant="omega" fontWeight="bold" tag="p">
          “{finding.word}” · {where}
          {withoutPosition(finding)
            ? ''
            : ` ${t('review.words.position', { position: finding.position + 1 })}`}
        </Typography>
        {finding.kind === 'unread' || withoutPosition(finding) ? (
          <Typography variant="pi">{finding.context}</Typography>
        ) : (
          <FoundInContext finding={finding} />
        )}
      </WrapTd>
      <WrapTd>
        <Typography variant="pi">{finding.suggestion ?? '—'}</Typography>
        {finding.state === 'dismissed' ? (
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('inspection.dismissedBy', {
              name: finding.dismissedByName ?? '',
              reason: finding.dismissReason ?? '',
            })}
          </Typography>
        ) : null}
      </WrapTd>
      <Td>
        <Flex gap={2}>
          <Button
            variant="tertiary"
            size="S"
            startIcon={<Pencil />}
            tag={Link}
            to={`${ARTICLE_EDIT}/${finding.article.documentId}`}
          >
            {t('inspection.edit')}
          </Button>
          {finding.state === 'open' ? (
            <>
              <Button variant="danger-light" size="S" onClick={() => setAsking('unpublish')}>
                {t('inspection.unpublish')}
              </Button>
              <Button variant="secondary" size="S" onClick={() => setAsking('dismiss')}>
                {t('inspection.dismiss')}
              </Button>
            </>
          ) : null}
        </Flex>
        {asking === 'unpublish' ? (
          <ReasonDialog
            title={t('inspection.unpublishTitle', { title })}
            label={t('inspection.unpublishReason')}
            hint={t('inspection.unpublishHint')}
            limits={{ min: 2, max: 500 }}
            submitLabel={t('inspection.unpublish')}
            onSend={(reason) =>
              notified(
                () => unpublish.mutateAsync({ id: finding.id, reason }),
                t('inspection.unpublished', { title })
              )
            }
            onClose={() => setAsking(null)}
          >
            <FoundInContext finding={finding} />
          </ReasonDialog>
        ) : null}
        {asking === 'dismiss' ? (
          <ReasonDialog
            title={t('inspection.dismissTitle', { word: finding.word })}
            label={t('inspection.dismissReason')}
            hint={t('inspection.dismissHint')}
            limits={{ min: 2, max: 500 }}
            submitLabel={t('inspection.dismiss')}
            onSend={(reason) =>
              notified(
                () => dismiss.mutateAsync({ id: finding.id, reason }),
                t('inspection.dismissed', { word: finding.word })
              )
            }
            onClose={() => setAsking(null)}
          >
            <FoundInContext finding={finding} />
          </ReasonDialog>
        ) : null}
      </Td>
    </Tr>
  );
};

/** Per site: the open findings, forbidden and to check, by kind; a site's row filters the list. */
const SiteSummary = ({
  sites,
  onPick,
}: {
  sites: InspectionSummary['sites'];
  onPick: (site: string) => void;
}) => {
  const t = useT();
  return (
    <Table colCount={3 + FINDING_KINDS.length} rowCount={sites.length + 1}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">{t('inspection.column.site')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('inspection.forbidden')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('inspection.check')}</Typography>
          </Th>
          {FINDING_KINDS.map((kind) => (
            <Th key={kind}>
              <Typography variant="sigma">{t(`inspection.kind.${kind}`)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {sites.map((row) => (
          <Tr key={row.site.code}>
            <Td>
              <DsLink
                href="#"
                onClick={(event: React.MouseEvent) => {
                  event.preventDefault();
                  onPick(row.site.code);
                }}
              >
                {row.site.name}
              </DsLink>
            </Td>
            <Td>
              <Typography
                fontWeight="bold"
                textColor={row.forbidden > 0 ? 'danger600' : 'neutral600'}
              >
                {row.forbidden}
              </Typography>
            </Td>
            <Td>
              <Typography textColor={row.check > 0 ? 'warning600' : 'neutral600'}>
                {row.check}
              </Typography>
            </Td>
            {FINDING_KINDS.map((kind) => (
              <Td key={kind}>
                <Typography textColor="neutral700">{row.byKind[kind] ?? 0}</Typography>
              </Td>
            ))}
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};

/**
 * 内容巡检: what is already online, checked again every night (and on demand) against the
 * sensitive-word list, the 规范表述 list and the personal-data check: per site the open findings,
 * each in its sentence with the article to correct (the correction goes through review), and
 * 误报 with a reason for a false positive. The province sees every site, a site its own.
 */
export const InspectionPage = () => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const { withTimeZoneNote } = useTimeZoneNote();
  const notified = useNotifiedAction();
  const { page, restarting } = usePageParam();
  const [filters, setFilters] = useState<FindingFilters>({ state: 'open' });
  const summary = useInspectionSummary();
  const findings = useFindings(filters, page, summary.data?.lastFinished?.finishedAt);
  const start = useStartInspection();
  const set = restarting(setFilters);

  if (summary.isError || findings.isError) return <Page.Error />;
  const sites = summary.data?.sites ?? [];
  // The summary lists the sites with something open; the others are counted.
  const withFindings = sites.filter((row) => row.forbidden + row.check > 0);
  const { running, lastFinished } = summary.data ?? { running: null, lastFinished: null };
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  const status = running
    ? t('inspection.running', {
        site: running.site?.name ?? t('inspection.allSites'),
        read: running.read,
      })
    : lastFinished
      ? t('inspection.lastRun', {
          at: when(lastFinished.finishedAt!),
          site: lastFinished.site?.name ?? t('inspection.allSites'),
          read: lastFinished.read,
          linksChecked: lastFinished.linksChecked,
          linksBroken: lastFinished.linksBroken,
        })
      : t('inspection.neverRun');
  const pagination = findings.data?.pagination;
  // The site 立即巡检 inspects: the one chosen, or a member's only site; otherwise all.
  const target = filters.site
    ? sites.find((s) => s.site.code === filters.site)?.site
    : sites.length === 1
      ? sites[0].site
      : undefined;

  return (
    <Page.Main>
      <Page.Title>{t('inspection.title')}</Page.Title>
      <Layouts.Header
        title={t('inspection.title')}
        subtitle={withTimeZoneNote(status)}
        primaryAction={
          <Flex gap={2}>
            <ExportButton
              url="/governance/inspection/findings/export"
              params={findingsExportQuery(filters)}
              fileName={`${t('inspection.title')}.xlsx`}
            >
              {t('common.exportXlsx')}
            </ExportButton>
            <Button
              startIcon={<ArrowClockwise />}
              loading={start.isLoading}
              disabled={Boolean(running)}
              onClick={() =>
                notified(() => start.mutateAsync(target?.code), t('inspection.started'))
              }
            >
              {target ? t('inspection.runSite', { site: target.name }) : t('inspection.run')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {sites.length > 1 && withFindings.length > 0 ? (
            <RaisedBox padding={4}>
              <SiteSummary sites={withFindings} onPick={(site) => set({ ...filters, site })} />
              <Box paddingTop={3}>
                <Typography variant="pi" textColor="neutral600">
                  {t('inspection.othersClean', { count: sites.length - withFindings.length })}
                </Typography>
              </Box>
            </RaisedBox>
          ) : null}
          <ListTabs
            label={t('inspection.title')}
            tabs={STATES}
            value={filters.state}
            onChange={(state) => set({ ...filters, state })}
            name={(state) => t(`inspection.state.${state}`)}
            count={(state) => findings.data?.counts[state]}
          />
          <Flex gap={2} wrap="wrap">
            {sites.length > 1 ? (
              <FilterSelect
                label={t('inspection.column.site')}
                value={filters.site ?? ''}
                options={sites.map((s) => [s.site.code, s.site.name] as const)}
                onChange={(site) => set({ ...filters, site: site || undefined })}
                minWidth="180px"
              />
            ) : null}
            <FilterSelect
              label={t('inspection.column.kind')}
              value={filters.kind ?? ''}
              options={optionsOf(FINDING_KINDS, (kind) => t(`inspection.kind.${kind}`))}
              onChange={(kind) => set({ ...filters, kind: kind || undefined })}
              minWidth="180px"
            />
          </Flex>
          <ListTable
            prefix="inspection.column"
            columns={COLUMNS}
            isLoading={findings.isLoading}
            rows={findings.data?.data}
            empty={t(filters.state === 'open' ? 'inspection.empty' : 'inspection.emptyDismissed')}
            renderRow={(finding) => <FindingRow key={finding.id} finding={finding} />}
            pagination={{
              pageCount: pagination?.pageCount,
              total: pagination?.total,
              pageSize: FINDINGS_PAGE_SIZE,
            }}
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

import { Box, Button, Flex, Link as TextLink } from '@strapi/design-system';
import { ArrowLeft, File } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useMessageCase } from '../../api/messages';
import { PrintOnly } from '../../components/PrintOnly';
import { useT } from '../../hooks/useT';
import { CaseActions, CaseBody, Section } from './CaseDialog';
import { PublicChoice } from './PublicChoice';
import { CaseSheet } from './CaseSheet';

const PRINT_ROOT = 'governance-case-print';
const INBOX_PATH = '/plugins/governance/messages';

/**
 * 留言办理's case as its own page (/plugins/governance/messages/:id): the message, the citizen's
 * contact (each read audited by the server), the timeline, the acts, the 公开 choice, and the
 * printable 办理单. Back goes to the list as it was filtered.
 */
export const CasePage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { state } = useLocation();
  const params = useParams<{ id: string }>();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const { data: message, isLoading, isError } = useMessageCase(valid ? id : null);
  const back = `${INBOX_PATH}${typeof state?.search === 'string' ? state.search : ''}`;

  if (!valid || isError) return <Page.Error />;
  if (isLoading || !message) return <Page.Loading />;

  return (
    <Page.Main>
      <Page.Title>{message.subject}</Page.Title>
      <Layouts.Header
        title={message.subject}
        subtitle={t('messages.case.pageSubtitle', {
          number: message.caseNumber ?? '—',
          site: message.site?.name ?? '—',
        })}
        navigationAction={
          <TextLink tag={NavLink} to={back} startIcon={<ArrowLeft />}>
            {t('messages.case.back')}
          </TextLink>
        }
        primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" startIcon={<File />} onClick={() => window.print()}>
              {t('messages.sheet.print')}
            </Button>
            <CaseActions message={message} onClosed={() => navigate(back)} />
          </Flex>
        }
      />
      <Layouts.Content>
        <Box
          background="neutral0"
          padding={6}
          hasRadius
          shadow="tableShadow"
          data-testid="case-page"
        >
          <CaseBody
            message={message}
            onTransferred={() => navigate(back)}
            extra={
              message.status === 'rejected' ? null : (
                <Section title={t('messages.section.public')}>
                  <PublicChoice message={message} />
                </Section>
              )
            }
          />
        </Box>
      </Layouts.Content>
      <PrintOnly id={PRINT_ROOT} margin="25mm 20mm 20mm 25mm">
        <CaseSheet message={message} timeZone={message.timezone} testId="case-sheet" />
      </PrintOnly>
    </Page.Main>
  );
};

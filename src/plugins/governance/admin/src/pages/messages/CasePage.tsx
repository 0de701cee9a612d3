import { Box, Button, Flex, Link as TextLink } from '@strapi/design-system';
import { ArrowLeft, File } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { createPortal } from 'react-dom';
import { NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { createGlobalStyle } from 'styled-components';
import { useMessageCase } from '../../api/messages';
import { useT } from '../../hooks/useT';
import { CaseActions, CaseBody, Section } from './CaseDialog';
import { PublicChoice } from './CaseForms';
import { CaseSheet } from './CaseSheet';

const PRINT_ROOT = 'governance-case-print';
const INBOX_PATH = '/plugins/governance/messages';

/**
 * What prints is the 办理单 alone, placed directly in <body>: the admin's menus, the case's
 * forms and buttons are all inside the app's root, hidden in print (as the annual notice).
 */
const PrintOnlyTheSheet = createGlobalStyle`
  #${PRINT_ROOT} {
    display: none;
  }

  @media print {
    @page {
      size: A4;
      margin: 25mm 20mm 20mm 25mm;
    }
    html,
    body {
      height: auto !important;
      overflow: visible !important;
      background: #fff !important;
    }
    body > *:not(#${PRINT_ROOT}) {
      display: none !important;
    }
    #${PRINT_ROOT} {
      display: block;
    }
  }
`;

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
      <PrintOnlyTheSheet />
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
      {createPortal(
        <div id={PRINT_ROOT} aria-hidden>
          <CaseSheet message={message} timeZone={message.timezone} testId="case-sheet" />
        </div>,
        document.body
      )}
    </Page.Main>
  );
};

import {
  Box,
  Button,
  Checkbox,
  DatePicker,
  Field,
  Flex,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Information } from '@strapi/icons';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fromDay, toDay } from '../../../api/days';
import { useLocalTime } from '../../../hooks/useLocalTime';
import { useCreateNotice, type InspectionNoticeDraft } from '../../../api/oversightNotices';
import { articleEditPath } from '../../../api/submissions';
import { Panel } from '../../../components/Panel';
import { useNotifiedAction } from '../../../hooks/useNotifiedAction';
import { useT } from '../../../hooks/useT';
import { Draft, NoticeBody, Sheet } from '../../rankings/NoticeDocument';
import { SentenceList } from './RectificationCells';
import { useOversightFormat } from '../format';

/** A white panel of the composer's side: a titled panel with its content padded. */
const SidePanel = ({
  title,
  hint,
  children,
}: {
  title: string;
  hint?: string;
  children: React.ReactNode;
}) => (
  <Panel title={title} hint={hint}>
    <Box paddingLeft={5} paddingRight={5} paddingBottom={5}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        {children}
      </Flex>
    </Box>
  </Panel>
);

/** Says where the text comes from and where it is finished. */
const GeneratedBanner = ({ draft }: { draft: InspectionNoticeDraft }) => {
  const t = useT();
  const formatDay = useOversightFormat().localDate;
  return (
    <Box
      background="primary100"
      borderColor="primary200"
      borderStyle="solid"
      borderWidth="1px"
      hasRadius
      padding={4}
      role="status"
    >
      <Flex gap={3} alignItems="flex-start">
        <Information fill="primary600" aria-hidden />
        <Typography>
          {t('oversight.notice.generated', {
            from: formatDay(draft.period.from),
            to: formatDay(draft.period.to),
          })}
        </Typography>
      </Flex>
    </Box>
  );
};

/** 通报点名: every site the draft names, all chosen at first; only the chosen are named and get a task. */
const NamedSites = ({
  draft,
  excluded,
  onChange,
}: {
  draft: InspectionNoticeDraft;
  excluded: Set<string>;
  onChange: (excluded: Set<string>) => void;
}) => {
  const t = useT();
  const total = draft.named.length;
  const chosen = total - excluded.size;
  const toggle = (documentId: string, named: boolean) => {
    const next = new Set(excluded);
    if (named) next.delete(documentId);
    else next.add(documentId);
    onChange(next);
  };
  return (
    <SidePanel
      title={t('oversight.notice.named.title', { chosen, total })}
      hint={t('oversight.notice.named.hint')}
    >
      {total === 0 ? (
        <Typography textColor="neutral600">{t('oversight.notice.named.none')}</Typography>
      ) : (
        <>
          <Checkbox
            checked={chosen === total ? true : chosen === 0 ? false : 'indeterminate'}
            onCheckedChange={(checked) =>
              onChange(
                checked === true
                  ? new Set()
                  : new Set(draft.named.map(({ site }) => site.documentId))
              )
            }
          >
            {t('oversight.notice.named.all')}
          </Checkbox>
          {draft.named.map(({ site, problems }) => (
            <Box key={site.documentId} data-testid={`notice-named-${site.code}`}>
              <Checkbox
                checked={!excluded.has(site.documentId)}
                onCheckedChange={(checked) => toggle(site.documentId, checked === true)}
              >
                <Typography fontWeight="semiBold">{site.name}</Typography>{' '}
                <Typography variant="pi" textColor="neutral600">
                  {t(`level.${site.level}`)}
                </Typography>
              </Checkbox>
              <Box paddingLeft={6} paddingTop={1}>
                <SentenceList sentences={problems} />
              </Box>
            </Box>
          ))}
        </>
      )}
    </SidePanel>
  );
};

const PraisedSites = ({ draft }: { draft: InspectionNoticeDraft }) => {
  const t = useT();
  return (
    <SidePanel title={t('oversight.notice.praised.title', { count: draft.praised.length })}>
      {draft.praised.length === 0 ? (
        <Typography textColor="neutral600">{t('oversight.notice.praised.none')}</Typography>
      ) : (
        draft.praised.map(({ site, reasons }) => (
          <Box key={site.documentId}>
            <Typography fontWeight="semiBold">{site.name}</Typography>{' '}
            <Typography variant="pi" textColor="neutral600">
              {t(`level.${site.level}`)}
            </Typography>
            <SentenceList sentences={reasons} />
          </Box>
        ))
      )}
    </SidePanel>
  );
};

/**
 * The draft of a period: the document as generated, the sites to name, the title and the
 * deadline; 生成通报稿并送审 creates the portal article and opens it in the Content Manager.
 * Mounted anew for each period's draft, so the choices start from that draft.
 */
export const NoticeComposer = ({
  draft,
  outdated,
}: {
  draft: InspectionNoticeDraft;
  outdated: boolean;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const navigate = useNavigate();
  const create = useCreateNotice();
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [title, setTitle] = useState(draft.title);
  const [deadline, setDeadline] = useState<string | undefined>(draft.deadline);
  const { today } = useLocalTime();
  const earliest = fromDay(today());

  const ready = !outdated && title.trim().length > 0 && Boolean(deadline);
  const submit = () =>
    notified(async () => {
      const notice = await create.mutateAsync({
        // The period of the draft shown, whatever the pickers say meanwhile.
        from: draft.period.from,
        to: draft.period.to,
        title: title.trim(),
        sites: draft.named.map(({ site }) => site.documentId).filter((id) => !excluded.has(id)),
        deadline: deadline!,
      });
      navigate(articleEditPath(notice.articleDocumentId));
    }, t('oversight.notice.create.done'));

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <GeneratedBanner draft={draft} />
      <Flex gap={6} alignItems="flex-start" wrap="wrap">
        <Box data-testid="inspection-notice-draft" style={{ opacity: outdated ? 0.5 : 1 }}>
          <Sheet>
            <Draft>{t('oversight.notice.draftStamp')}</Draft>
            <NoticeBody title={draft.title} sections={draft.sections} />
          </Sheet>
        </Box>
        <Box flex="1 1 28rem" minWidth="0">
          <Flex direction="column" alignItems="stretch" gap={4}>
            <NamedSites draft={draft} excluded={excluded} onChange={setExcluded} />
            <PraisedSites draft={draft} />
            <SidePanel title={t('oversight.notice.create.title')}>
              <Field.Root name="title" required>
                <Field.Label>{t('oversight.notice.field.title')}</Field.Label>
                <TextInput
                  value={title}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setTitle(event.target.value)
                  }
                />
              </Field.Root>
              <Field.Root name="deadline" required hint={t('oversight.notice.field.deadlineHint')}>
                <Field.Label>{t('oversight.notice.field.deadline')}</Field.Label>
                <DatePicker
                  placeholder={t('common.datePlaceholder')}
                  value={deadline ? fromDay(deadline) : undefined}
                  minDate={earliest}
                  onChange={(date?: Date) => setDeadline(toDay(date))}
                  onClear={() => setDeadline(undefined)}
                  clearLabel={t('oversight.notice.field.clearDate')}
                />
                <Field.Hint />
              </Field.Root>
              <Typography variant="pi" textColor="neutral600">
                {t('oversight.notice.create.explain')}
              </Typography>
              <Box>
                <Button
                  disabled={!ready}
                  loading={create.isLoading}
                  onClick={submit}
                  data-testid="inspection-notice-create"
                >
                  {t('oversight.notice.create.submit')}
                </Button>
              </Box>
            </SidePanel>
          </Flex>
        </Box>
      </Flex>
    </Flex>
  );
};

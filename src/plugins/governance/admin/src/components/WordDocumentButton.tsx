import { Button, DatePicker, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { File } from '@strapi/icons';
import { useState, type ChangeEvent } from 'react';
import { fromDay, toDay } from '../api/days';
import { headingQuery, type DocumentHeading } from '../api/reports';
import { useDownload } from '../hooks/useDownload';
import { useNotifiedAction } from '../hooks/useNotifiedAction';
import { useT } from '../hooks/useT';
import { FormModal } from './FormModal';

/** The server's rules (reports/validation.ts), checked here too so that the button says it first. */
const RULES: Record<keyof DocumentHeading, RegExp> = {
  issuer: /^[\u4e00-\u9fff（）]{2,30}$/,
  docNumber: /^[\u4e00-\u9fff]{1,12}〔\d{4}〕[1-9]\d{0,3}号$/,
  addressee: /^[^<>\r\n]{2,100}$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
};
/** The last heading used, kept in this browser: a notice is issued by the same office each time. */
const KEPT = 'governance.documentHeading';

const kept = (): Partial<DocumentHeading> => {
  try {
    return JSON.parse(localStorage.getItem(KEPT) ?? '{}') as Partial<DocumentHeading>;
  } catch {
    return {};
  }
};

/**
 * 导出 Word: asks for the 发文机关, 发文字号, 主送机关 and 成文日期, then downloads the notice as a
 * .docx in the layout of GB/T 9704 (the server writes it).
 */
export const WordDocumentButton = ({
  url,
  period,
  fileName,
}: {
  url: string;
  /** The notice's year or period, as the route takes it. */
  period: Record<string, string | number>;
  fileName: string;
}) => {
  const t = useT();
  const download = useDownload();
  const notified = useNotifiedAction();
  const [open, setOpen] = useState(false);
  const [sending, setSending] = useState(false);
  const [heading, setHeading] = useState<DocumentHeading>(() => ({
    issuer: '',
    docNumber: '',
    addressee: t('document.addresseeDefault'),
    ...kept(),
    date: toDay(new Date()),
  }));
  const invalid = (Object.keys(RULES) as Array<keyof DocumentHeading>).filter(
    (key) => !RULES[key].test(heading[key].trim())
  );
  const field = (key: Exclude<keyof DocumentHeading, 'date'>) => (
    <Field.Root
      name={key}
      required
      hint={t(`document.${key}.hint`)}
      error={heading[key] && invalid.includes(key) ? t(`document.${key}.error`) : undefined}
    >
      <Field.Label>{t(`document.${key}`)}</Field.Label>
      <TextInput
        value={heading[key]}
        placeholder={t(`document.${key}.placeholder`)}
        onChange={(e: ChangeEvent<HTMLInputElement>) =>
          setHeading((current) => ({ ...current, [key]: e.target.value }))
        }
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
  const send = async () => {
    setSending(true);
    const trimmed = {
      issuer: heading.issuer.trim(),
      docNumber: heading.docNumber.trim(),
      addressee: heading.addressee.trim(),
      date: heading.date,
    };
    const done = await notified(
      () => download(url, headingQuery(trimmed, period), fileName),
      t('common.exported'),
      t('common.exportFailed')
    );
    setSending(false);
    if (done) {
      localStorage.setItem(KEPT, JSON.stringify({ ...trimmed, date: undefined }));
      setOpen(false);
    }
  };
  return (
    <>
      <Button variant="secondary" startIcon={<File />} onClick={() => setOpen(true)}>
        {t('document.button')}
      </Button>
      {open ? (
        <FormModal
          title={t('document.title')}
          onClose={() => setOpen(false)}
          actions={
            <Button disabled={invalid.length > 0} loading={sending} onClick={send}>
              {t('document.submit')}
            </Button>
          }
        >
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography textColor="neutral600">{t('document.explain')}</Typography>
            {field('issuer')}
            {field('docNumber')}
            {field('addressee')}
            <Field.Root name="date" required hint={t('document.date.hint')}>
              <Field.Label>{t('document.date')}</Field.Label>
              <DatePicker
                value={fromDay(heading.date)}
                onChange={(date?: Date) =>
                  setHeading((current) => ({ ...current, date: toDay(date) ?? '' }))
                }
              />
              <Field.Hint />
            </Field.Root>
          </Flex>
        </FormModal>
      ) : null}
    </>
  );
};

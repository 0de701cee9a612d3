import {
  Alert,
  Badge,
  Box,
  Button,
  Field,
  Flex,
  Table,
  Tbody,
  Td,
  Textarea,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import { chineseDate } from '../../../../shared/chinese-date';
import { noticeText } from '../../../../shared/holiday-notice';
import {
  useCalendar,
  useParseNotice,
  useSaveYear,
  type CalendarHoliday,
  type CalendarInput,
  type CalendarStatus,
  type CalendarYear,
} from '../../api/calendar';
import { ColumnHeads } from '../../components/ColumnHeads';
import { WrapTd } from '../../components/WrapTd';
import { apiErrorMessage, useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT, type Translate } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';

const YEAR_COLUMNS = ['year', 'source', 'holidays', 'updated', 'actions'] as const;
const HOLIDAY_COLUMNS = ['name', 'off', 'days', 'workdays'] as const;

const SOURCE_COLORS = {
  entered: { textColor: 'success600', backgroundColor: 'success100' },
  builtin: { textColor: 'neutral600', backgroundColor: 'neutral150' },
  missing: { textColor: 'danger600', backgroundColor: 'danger100' },
} as const;

const SourceBadge = ({ source }: { source: CalendarYear['source'] }) => {
  const t = useT();
  return <Badge {...SOURCE_COLORS[source]}>{t(`calendar.source.${source}`)}</Badge>;
};

const offDays = (holiday: Pick<CalendarHoliday, 'start' | 'end'>) =>
  holiday.start === holiday.end
    ? chineseDate(holiday.start)
    : `${chineseDate(holiday.start)}至${chineseDate(holiday.end)}`;

const dayCount = (holiday: Pick<CalendarHoliday, 'start' | 'end'>) =>
  Math.round((Date.parse(holiday.end) - Date.parse(holiday.start)) / 86_400_000) + 1;

/** One year's holidays as the notice lists them: name, days off, how many, the 调休 working days. */
const HolidayTable = ({
  holidays,
  t,
}: {
  holidays: Array<Pick<CalendarHoliday, 'name' | 'start' | 'end' | 'workdays'>>;
  t: Translate;
}) => (
  <Table colCount={HOLIDAY_COLUMNS.length} rowCount={holidays.length + 1}>
    <ColumnHeads prefix="calendar.holiday" columns={HOLIDAY_COLUMNS} />
    <Tbody>
      {holidays.map((holiday) => (
        <Tr key={`${holiday.name}-${holiday.start}`}>
          <Td>
            <Typography fontWeight="bold">{holiday.name}</Typography>
          </Td>
          <WrapTd>
            <Typography>{offDays(holiday)}</Typography>
          </WrapTd>
          <Td>
            <Typography>{t('calendar.holiday.dayCount', { days: dayCount(holiday) })}</Typography>
          </Td>
          <WrapTd>
            <Typography textColor={holiday.workdays.length > 0 ? 'neutral800' : 'neutral500'}>
              {holiday.workdays.length > 0
                ? holiday.workdays.map((date) => chineseDate(date)).join('、')
                : t('calendar.holiday.noWorkdays')}
            </Typography>
          </WrapTd>
        </Tr>
      ))}
    </Tbody>
  </Table>
);

/** Next year (or this year) unknown: deadlines reaching into it skip no holidays. */
const MissingWarning = ({
  status,
  onEnter,
}: {
  status: CalendarStatus;
  onEnter: (year: number) => void;
}) => {
  const t = useT();
  const [dismissed, setDismissed] = useState(false);
  const years = [
    ...(status.missingCurrentYear ? [status.year] : []),
    ...(status.missingNextYear ? [status.nextYear] : []),
  ];
  if (years.length === 0 || dismissed) return null;
  return (
    <Alert
      variant="danger"
      title={t('calendar.missing.title', { years: years.join('、') })}
      closeLabel={t('common.close')}
      onClose={() => setDismissed(true)}
      action={
        <Button size="S" onClick={() => onEnter(years[years.length - 1])}>
          {t('calendar.years.enterYear', { year: years[years.length - 1] })}
        </Button>
      }
      data-testid="calendar-missing"
    >
      {t('calendar.missing.body', { years: years.join('、'), through: status.builtinThrough })}
    </Alert>
  );
};

/**
 * Entering a year: the province pastes the State Council's notice (or edits the lines of the
 * year as it stands), has it read, checks what was read, and saves.
 */
const YearEditor = ({ year, onDone }: { year: CalendarYear; onDone: () => void }) => {
  const t = useT();
  const notified = useNotifiedAction();
  const parse = useParseNotice();
  const save = useSaveYear();
  const [text, setText] = useState(year.holidays.length > 0 ? noticeText(year.holidays) : '');
  const [note, setNote] = useState(year.note ?? '');
  const [read, setRead] = useState<CalendarInput['holidays'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const readNotice = async () => {
    setProblem(null);
    setRead(null);
    try {
      setRead((await parse.mutateAsync({ year: year.year, text })).holidays);
    } catch (error) {
      setProblem(apiErrorMessage(error) ?? t('calendar.edit.unread'));
    }
  };
  const store = async () => {
    if (!read) return;
    const saved = await notified(
      () => save.mutateAsync({ year: year.year, holidays: read, note: note.trim() || null }),
      t('calendar.edit.saved', { year: year.year })
    );
    if (saved) onDone();
  };

  return (
    <Box
      background="neutral0"
      padding={6}
      hasRadius
      shadow="tableShadow"
      data-testid="calendar-editor"
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2">
          {t('calendar.edit.title', { year: year.year })}
        </Typography>
        <Typography textColor="neutral700">
          {t('calendar.edit.help', { year: year.year })}
        </Typography>
        <Field.Root name="notice" hint={t('calendar.edit.example')}>
          <Field.Label>{t('calendar.edit.text')}</Field.Label>
          <Textarea
            value={text}
            rows={10}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => {
              setText(e.target.value);
              setRead(null);
            }}
          />
          <Field.Hint />
        </Field.Root>
        <Field.Root name="note" hint={t('calendar.edit.noteHint')}>
          <Field.Label>{t('calendar.edit.note')}</Field.Label>
          <TextInput
            value={note}
            maxLength={100}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNote(e.target.value)}
          />
          <Field.Hint />
        </Field.Root>
        {problem ? (
          <Alert
            variant="danger"
            title={t('calendar.edit.problem')}
            closeLabel={t('common.close')}
            onClose={() => setProblem(null)}
          >
            {problem}
          </Alert>
        ) : null}
        {read ? (
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="calendar-preview">
            <Typography variant="omega" fontWeight="bold">
              {t('calendar.edit.preview', { year: year.year, count: read.length })}
            </Typography>
            <HolidayTable holidays={read} t={t} />
          </Flex>
        ) : null}
        <Flex gap={2}>
          <Button
            variant={read ? 'secondary' : 'default'}
            onClick={readNotice}
            loading={parse.isLoading}
            disabled={!text.trim()}
          >
            {t('calendar.edit.read')}
          </Button>
          <Button onClick={store} loading={save.isLoading} disabled={!read}>
            {t('calendar.edit.save')}
          </Button>
          <Button variant="tertiary" onClick={onDone}>
            {t('calendar.edit.cancel')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

/** What became of the open messages' deadlines after the year was entered. */
const Recalculation = ({ year }: { year: CalendarYear }) => {
  const t = useT();
  const r = year.recalculation;
  if (!r) return null;
  const key =
    r.state === 'done' && r.checked === 0
      ? 'calendar.recalculation.none'
      : `calendar.recalculation.${r.state}`;
  return (
    <Typography
      variant="pi"
      textColor={r.state === 'failed' ? 'danger600' : 'neutral700'}
      data-testid="calendar-recalculation"
    >
      {t(key, { checked: r.checked, changed: r.changed })}
    </Typography>
  );
};

/** 节假日安排: the years deadlines are counted on, each year's holidays, entering a year. */
export const CalendarPage = () => {
  const t = useT();
  const { formatDate } = useLocalTime();
  const calendar = useCalendar();
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);

  if (calendar.isError) return <Page.Error />;
  if (calendar.isLoading || !calendar.data) return <Page.Loading />;
  const { years, status } = calendar.data;
  const shown =
    years.find((y) => y.year === selected) ??
    years.find((y) => y.year === status.nextYear && y.source === 'missing') ??
    years.find((y) => y.year === status.year) ??
    years[0];
  const open = (year: number, edit: boolean) => {
    setSelected(year);
    setEditing(edit);
  };

  return (
    <Page.Main>
      <Page.Title>{t('calendar.title')}</Page.Title>
      <Layouts.Header
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle', { through: status.builtinThrough })}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <MissingWarning status={status} onEnter={(year) => open(year, true)} />
          <Table colCount={YEAR_COLUMNS.length} rowCount={years.length + 1}>
            <ColumnHeads prefix="calendar.years" columns={YEAR_COLUMNS} />
            <Tbody>
              {years.map((year) => (
                <Tr
                  key={year.year}
                  onClick={() => open(year.year, false)}
                  style={{ cursor: 'pointer' }}
                  aria-selected={year.year === shown?.year}
                >
                  <Td>
                    <Typography fontWeight={year.year === shown?.year ? 'bold' : 'regular'}>
                      {t('calendar.years.yearValue', { year: year.year })}
                    </Typography>
                  </Td>
                  <Td>
                    <SourceBadge source={year.source} />
                  </Td>
                  <Td>
                    <Typography>
                      {year.holidays.length > 0
                        ? t('calendar.years.holidayCount', {
                            count: year.holidays.length,
                            days: year.holidays.reduce((sum, h) => sum + h.days, 0),
                          })
                        : '—'}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral600">
                      {year.updatedAt
                        ? t('calendar.years.updatedValue', {
                            at: formatDate(year.updatedAt, { dateStyle: 'long' }),
                            by: year.updatedBy ?? '—',
                          })
                        : '—'}
                    </Typography>
                  </Td>
                  <Td>
                    <Button
                      variant={year.source === 'missing' ? 'default' : 'tertiary'}
                      size="S"
                      startIcon={<Pencil />}
                      onClick={(event: React.MouseEvent) => {
                        event.stopPropagation();
                        open(year.year, true);
                      }}
                    >
                      {t(
                        year.source === 'entered' ? 'calendar.years.edit' : 'calendar.years.enter'
                      )}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {shown && editing ? (
            <YearEditor key={shown.year} year={shown} onDone={() => setEditing(false)} />
          ) : null}
          {shown && !editing ? (
            <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
              <Flex direction="column" alignItems="stretch" gap={3} data-testid="calendar-year">
                <Flex gap={3} alignItems="center">
                  <Typography variant="delta" tag="h2">
                    {t('calendar.year.title', { year: shown.year })}
                  </Typography>
                  <SourceBadge source={shown.source} />
                </Flex>
                {shown.note ? (
                  <Typography textColor="neutral700">
                    {t('calendar.year.note', { note: shown.note })}
                  </Typography>
                ) : null}
                <Recalculation year={shown} />
                {shown.holidays.length > 0 ? (
                  <HolidayTable holidays={shown.holidays} t={t} />
                ) : (
                  <Typography textColor="danger600">
                    {t('calendar.year.empty', { year: shown.year })}
                  </Typography>
                )}
              </Flex>
            </Box>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

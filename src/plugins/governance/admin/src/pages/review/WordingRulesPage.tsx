import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Td,
  TextInput,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash, Upload } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useRef, useState } from 'react';
import {
  useAddWordingRule,
  useImportWordingRules,
  useRemoveWordingRule,
  useWordingRules,
  WORDING_CATEGORIES,
  WORDING_RULES_URL,
  type WordingCategory,
  type WordingRuleEntry,
} from '../../api/review';
import { ListTable, type RowPlace } from '../../components/DataTable';
import { ExportButton } from '../../components/ExportButton';
import { RaisedBox } from '../../components/Panel';
import { ToneBadge } from '../../components/ToneBadge';
import { apiErrorMessage, useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

const RULE_COLUMNS = ['wrong', 'right', 'category', 'note', 'actions'] as const;

/** 添加: a wrong form, its right form, what it is about and a note; cleared once added. */
const AddRuleForm = () => {
  const t = useT();
  const notified = useNotifiedAction();
  const addRule = useAddWordingRule();
  const [wrong, setWrong] = useState('');
  const [right, setRight] = useState('');
  const [category, setCategory] = useState<WordingCategory>('political');
  const [note, setNote] = useState('');

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { wrong, right, category, note: note || undefined };
    if (
      await notified(() => addRule.mutateAsync(input), t('wording.added', { wrong: wrong.trim() }))
    ) {
      setWrong('');
      setRight('');
      setNote('');
    }
  };

  const text = (
    name: string,
    value: string,
    set: (value: string) => void,
    maxLength: number,
    required = false
  ) => (
    <Field.Root name={name} required={required}>
      <Field.Label>{t(`wording.${name}`)}</Field.Label>
      <TextInput
        value={value}
        maxLength={maxLength}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(e.target.value)}
      />
    </Field.Root>
  );

  return (
    <form onSubmit={add}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        {text('wrong', wrong, setWrong, 100, true)}
        {text('right', right, setRight, 100, true)}
        <Field.Root name="category">
          <Field.Label>{t('wording.category')}</Field.Label>
          <SingleSelect
            value={category}
            onChange={(value: string | number) => setCategory(value as WordingCategory)}
          >
            {WORDING_CATEGORIES.map((value) => (
              <SingleSelectOption key={value} value={value}>
                {t(`wording.category.${value}`)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        {text('note', note, setNote, 200)}
        <Button
          type="submit"
          startIcon={<Plus />}
          disabled={!wrong.trim() || !right.trim()}
          loading={addRule.isLoading}
        >
          {t('words.add')}
        </Button>
      </Flex>
    </form>
  );
};

/** 导入 Excel: a workbook laid out as the export; the server takes every row or none. */
const ImportButton = () => {
  const t = useT();
  const { toggleNotification } = useNotification();
  const importRules = useImportWordingRules();
  const input = useRef<HTMLInputElement>(null);

  const chosen = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const result = await importRules.mutateAsync(file);
      toggleNotification({ type: 'success', message: t('wording.imported', { ...result }) });
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: apiErrorMessage(error) ?? t('wording.importFailed'),
      });
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        onChange={chosen}
        data-testid="wording-import-file"
      />
      <Button
        variant="secondary"
        startIcon={<Upload />}
        loading={importRules.isLoading}
        onClick={() => input.current?.click()}
      >
        {t('wording.import')}
      </Button>
    </>
  );
};

const RuleRow = ({ entry, ...place }: { entry: WordingRuleEntry } & RowPlace) => {
  const t = useT();
  const notified = useNotifiedAction();
  const removeRule = useRemoveWordingRule();
  const remove = () =>
    notified(() => removeRule.mutateAsync(entry.id), t('wording.removed', { wrong: entry.wrong }));
  return (
    <Tr {...place}>
      <Td>
        <Typography fontWeight="bold" textColor="danger700">
          {entry.wrong}
        </Typography>
      </Td>
      <Td>
        <Typography fontWeight="bold" textColor="success700">
          {entry.right}
        </Typography>
      </Td>
      <Td>
        <ToneBadge tone="neutral">{t(`wording.category.${entry.category}`)}</ToneBadge>
      </Td>
      <Td>
        <Typography textColor="neutral600">{entry.note ?? ''}</Typography>
      </Td>
      <Td>
        <IconButton
          label={t('wording.remove', { wrong: entry.wrong })}
          variant="ghost"
          onClick={remove}
        >
          <Trash />
        </IconButton>
      </Td>
    </Tr>
  );
};

/**
 * 规范表述库: the wrong forms a government text must not use (a leader's name or title, a fixed
 * political expression), each with its right form. Writing one is a serious wording error: the
 * submission is refused with the right form shown. Kept here one by one or as an Excel workbook.
 */
export const WordingRulesPage = () => {
  const t = useT();
  const rules = useWordingRules();

  if (rules.isError) return <Page.Error />;
  const list = rules.data ?? [];

  return (
    <Page.Main>
      <Page.Title>{t('wording.title')}</Page.Title>
      <Layouts.Header
        title={t('wording.title')}
        subtitle={t('wording.subtitle', { count: list.length })}
        primaryAction={
          <Flex gap={2}>
            <ImportButton />
            <ExportButton url={`${WORDING_RULES_URL}/export`} params="" fileName="规范表述.xlsx">
              {t('common.exportXlsx')}
            </ExportButton>
          </Flex>
        }
      />
      <Layouts.Content>
        <RaisedBox padding={4} marginBottom={4}>
          <AddRuleForm />
          <Box paddingTop={3}>
            <Typography variant="pi" textColor="neutral600">
              {t('wording.importHint')}
            </Typography>
          </Box>
        </RaisedBox>
        <ListTable
          prefix="wording"
          columns={RULE_COLUMNS}
          isLoading={rules.isLoading}
          rows={list}
          empty={t('wording.empty')}
          renderRow={(entry) => <RuleRow key={entry.id} entry={entry} />}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

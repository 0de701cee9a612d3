import {
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
import { Plus, Trash } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useState } from 'react';
import type { SensitiveWordEntry } from '../../../../shared/contracts/review';
import { useAddWord, useRemoveWord, useSensitiveWords, type WordLevel } from '../../api/review';
import { ListTable, type RowPlace } from '../../components/DataTable';
import { RaisedBox } from '../../components/Panel';
import { ToneBadge } from '../../components/ToneBadge';
import { useNotifiedAction } from '../../hooks/useNotifiedAction';
import { useT } from '../../hooks/useT';

const WORD_COLUMNS = ['word', 'level', 'suggestion', 'note', 'actions'] as const;

/** 添加: a word, its level, the wording to suggest and a note; cleared once added. */
const AddWordForm = () => {
  const t = useT();
  const notified = useNotifiedAction();
  const addWord = useAddWord();
  const [word, setWord] = useState('');
  const [level, setLevel] = useState<WordLevel>('check');
  const [suggestion, setSuggestion] = useState('');
  const [note, setNote] = useState('');

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    const input = { word, level, suggestion: suggestion || undefined, note: note || undefined };
    if (await notified(() => addWord.mutateAsync(input), t('words.added', { word: word.trim() }))) {
      setWord('');
      setSuggestion('');
      setNote('');
    }
  };

  return (
    <RaisedBox padding={4} marginBottom={4}>
      <form onSubmit={add}>
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <Field.Root name="word" required>
            <Field.Label>{t('words.word')}</Field.Label>
            <TextInput
              value={word}
              maxLength={50}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setWord(e.target.value)}
            />
          </Field.Root>
          <Field.Root name="level">
            <Field.Label>{t('words.level')}</Field.Label>
            <SingleSelect
              value={level}
              onChange={(value: string | number) => setLevel(value as WordLevel)}
            >
              <SingleSelectOption value="forbidden">
                {t('review.words.level.forbidden')}
              </SingleSelectOption>
              <SingleSelectOption value="check">{t('review.words.level.check')}</SingleSelectOption>
            </SingleSelect>
          </Field.Root>
          <Field.Root name="suggestion">
            <Field.Label>{t('words.suggestion')}</Field.Label>
            <TextInput
              value={suggestion}
              maxLength={100}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSuggestion(e.target.value)}
            />
          </Field.Root>
          <Field.Root name="note">
            <Field.Label>{t('words.note')}</Field.Label>
            <TextInput
              value={note}
              maxLength={200}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) => setNote(e.target.value)}
            />
          </Field.Root>
          <Button
            type="submit"
            startIcon={<Plus />}
            disabled={!word.trim()}
            loading={addWord.isLoading}
          >
            {t('words.add')}
          </Button>
        </Flex>
      </form>
    </RaisedBox>
  );
};

const WordRow = ({ entry, ...place }: { entry: SensitiveWordEntry } & RowPlace) => {
  const t = useT();
  const notified = useNotifiedAction();
  const removeWord = useRemoveWord();
  const remove = () =>
    notified(() => removeWord.mutateAsync(entry.id), t('words.removed', { word: entry.word }));
  return (
    <Tr {...place}>
      <Td>
        <Typography fontWeight="bold">{entry.word}</Typography>
      </Td>
      <Td>
        <ToneBadge tone={entry.level === 'forbidden' ? 'danger' : 'warning'}>
          {t(`review.words.level.${entry.level}`)}
        </ToneBadge>
      </Td>
      <Td>
        <Typography>{entry.suggestion ?? '—'}</Typography>
      </Td>
      <Td>
        <Typography textColor="neutral600">{entry.note ?? ''}</Typography>
      </Td>
      <Td>
        <IconButton
          label={t('words.remove', { word: entry.word })}
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
 * 错敏词库: the words every submission is checked against. A forbidden word blocks the
 * submission; a word to check is shown to author and reviewer, with the suggested wording.
 */
export const SensitiveWordsPage = () => {
  const t = useT();
  const words = useSensitiveWords();

  if (words.isError) return <Page.Error />;
  const list = words.data ?? [];

  return (
    <Page.Main>
      <Page.Title>{t('words.title')}</Page.Title>
      <Layouts.Header
        title={t('words.title')}
        subtitle={t('words.subtitle', {
          forbidden: list.filter((w) => w.level === 'forbidden').length,
          check: list.filter((w) => w.level === 'check').length,
        })}
      />
      <Layouts.Content>
        <AddWordForm />
        <ListTable
          prefix="words"
          columns={WORD_COLUMNS}
          isLoading={words.isLoading}
          rows={list}
          empty={t('words.empty')}
          renderRow={(entry) => <WordRow key={entry.id} entry={entry} />}
        />
      </Layouts.Content>
    </Page.Main>
  );
};

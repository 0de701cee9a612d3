import { Button, Field, Grid, TextInput } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** The server's minimum for a reason or a substandard verdict's comment. */
const MIN_REASON = 5;

/** Whether a reason (or a comment) is long enough for the server. */
export const isReason = (text: string) => text.trim().length >= MIN_REASON;

/**
 * A case form of one choice (a site, a number of days, a category) and the reason for it, side
 * by side, and its button under them, waiting until the choice is `ready` and the reason long
 * enough.
 */
export const ChoiceAndReason = ({
  choice,
  choiceColumns,
  reason,
  ready,
  submit,
}: {
  /** The choice's field. */
  choice: ReactNode;
  /** Its share of the row's 12 columns; the reason takes the rest. */
  choiceColumns: number;
  reason: {
    name: string;
    label: string;
    hint?: string;
    value: string;
    onChange: (value: string) => void;
  };
  ready: boolean;
  submit: { label: string; isLoading: boolean; onClick: () => void };
}) => (
  <Grid.Root gap={3}>
    <Grid.Item col={choiceColumns} s={12} direction="column" alignItems="stretch">
      {choice}
    </Grid.Item>
    <Grid.Item col={12 - choiceColumns} s={12} direction="column" alignItems="stretch">
      <Field.Root name={reason.name} required hint={reason.hint}>
        <Field.Label>{reason.label}</Field.Label>
        <TextInput
          value={reason.value}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => reason.onChange(e.target.value)}
        />
        {reason.hint ? <Field.Hint /> : null}
      </Field.Root>
    </Grid.Item>
    <Grid.Item col={12}>
      <Button
        variant="secondary"
        loading={submit.isLoading}
        disabled={!ready || !isReason(reason.value)}
        onClick={submit.onClick}
      >
        {submit.label}
      </Button>
    </Grid.Item>
  </Grid.Root>
);

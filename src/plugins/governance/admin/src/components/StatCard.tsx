import { Flex, Grid, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { Hint, RaisedBox } from './Panel';

interface Stat {
  label: string;
  value: string;
  hint?: ReactNode;
}

/** One headline figure of a page, with an optional line under it. */
export const StatCard = ({ label, value, hint }: Stat) => (
  <RaisedBox padding={5} width="100%" height="100%">
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p">
        {value}
      </Typography>
      <Hint>{hint}</Hint>
    </Flex>
  </RaisedBox>
);

/** A page's headline figures, four to a row (two on a tablet, one on a phone). */
export const StatCards = ({ stats, testId }: { stats: Stat[]; testId?: string }) => (
  <Grid.Root gap={4} data-testid={testId}>
    {stats.map((stat) => (
      <Grid.Item key={stat.label} col={3} s={6} xs={12}>
        <StatCard {...stat} />
      </Grid.Item>
    ))}
  </Grid.Root>
);

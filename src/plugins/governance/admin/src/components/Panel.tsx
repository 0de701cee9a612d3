import { Box, Flex, Typography, type BoxProps, type TypographyProps } from '@strapi/design-system';
import type { ReactNode } from 'react';

/** The design system's tables' white raised box: the ground of a page's panels, cards and forms. */
export const RaisedBox = (props: BoxProps) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" {...props} />
);

/** The grey line under a heading or a figure, if there is one. */
export const Hint = ({ children }: { children?: ReactNode }) =>
  children ? (
    <Typography variant="pi" textColor="neutral600">
      {children}
    </Typography>
  ) : null;

/** A white panel with a heading, an optional line under it and an action beside: a part of a page. */
export const Panel = ({
  title,
  hint,
  action,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  action?: ReactNode;
  children?: ReactNode;
  testId?: string;
}) => (
  <RaisedBox data-testid={testId}>
    <Box padding={5} paddingBottom={3}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="delta" tag="h2">
            {title}
          </Typography>
          <Hint>{hint}</Hint>
        </Flex>
        {action}
      </Flex>
    </Box>
    {children}
  </RaisedBox>
);

/** A panel's one line instead of its table: nothing to show, or why it did not load. */
export const PanelNote = ({
  children,
  textColor = 'neutral600',
}: {
  children: string;
  textColor?: TypographyProps['textColor'];
}) => (
  <Box padding={5} paddingTop={0}>
    <Typography textColor={textColor}>{children}</Typography>
  </Box>
);

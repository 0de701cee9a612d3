import { Box, Flex, Typography } from '@strapi/design-system';

/** One headline figure of a page, with an optional line under it. */
export const StatCard = ({
  label,
  value,
  hint,
}: {
  label: string;
  value: string;
  hint?: string;
}) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} width="100%" height="100%">
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Typography variant="sigma" textColor="neutral600">
        {label}
      </Typography>
      <Typography variant="alpha" tag="p">
        {value}
      </Typography>
      {hint ? (
        <Typography variant="pi" textColor="neutral600">
          {hint}
        </Typography>
      ) : null}
    </Flex>
  </Box>
);

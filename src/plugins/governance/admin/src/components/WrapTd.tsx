import { Td } from '@strapi/design-system';
import { styled } from 'styled-components';

/** A table cell whose text may wrap: the design system's tables keep every cell on one line. */
export const WrapTd = styled(Td)`
  white-space: normal;
`;

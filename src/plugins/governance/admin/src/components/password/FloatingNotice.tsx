import { Box } from '@strapi/design-system';
import type { ReactNode } from 'react';

/**
 * Keeps a notice in view at the foot of every page, over the page rather than in its flow: the
 * admin's layout fills the window, so anything added above it would push its menu out of view.
 * Strapi's own survey banner sits in the same place.
 */
export const FloatingNotice = ({ children }: { children: ReactNode }) => (
  <Box
    position="fixed"
    bottom={6}
    left="50%"
    transform="translateX(-50%)"
    zIndex={200}
    width="min(72rem, calc(100vw - 4rem))"
  >
    {children}
  </Box>
);

import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { createGlobalStyle } from 'styled-components';

/**
 * What prints is `children` alone, on A4 with the given page margins: a copy placed directly in
 * <body>, shown only in print. Strapi's menus, the plugin's navigation and the page's buttons are
 * all inside the app's root, hidden in print, and the app's scrolling containers cannot cut the
 * document to one page.
 */
const PrintStyle = createGlobalStyle<{ $id: string; $margin: string }>`
  #${(props) => props.$id} {
    display: none;
  }

  @media print {
    @page {
      size: A4;
      margin: ${(props) => props.$margin};
    }
    html,
    body {
      height: auto !important;
      overflow: visible !important;
      background: #fff !important;
    }
    body > *:not(#${(props) => props.$id}) {
      display: none !important;
    }
    #${(props) => props.$id} {
      display: block;
    }
  }
`;

export const PrintOnly = ({
  id,
  margin,
  children,
}: {
  id: string;
  margin: string;
  children: ReactNode;
}) => (
  <>
    <PrintStyle $id={id} $margin={margin} />
    {createPortal(
      <div id={id} aria-hidden>
        {children}
      </div>,
      document.body
    )}
  </>
);

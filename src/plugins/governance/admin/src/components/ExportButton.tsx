import { Button, type ButtonProps } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useDownload } from '../hooks/useDownload';
import { useNotifiedAction } from '../hooks/useNotifiedAction';
import { useT } from '../hooks/useT';

/**
 * 导出 CSV (or another export the admin offers): downloads the file the route answers and says
 * whether it was saved.
 */
export const ExportButton = ({
  url,
  params,
  fileName,
  icon = <Download />,
  variant = 'secondary',
  children,
}: {
  url: string;
  /** The query string of the list's filters. */
  params: string;
  /** The file's name when the server gives none. */
  fileName: string;
  icon?: ReactNode;
  variant?: ButtonProps['variant'];
  /** 导出 CSV by default. */
  children?: ReactNode;
}) => {
  const t = useT();
  const notified = useNotifiedAction();
  const download = useDownload();
  const exportFile = () =>
    notified(() => download(url, params, fileName), t('common.exported'), t('common.exportFailed'));
  return (
    <Button variant={variant} startIcon={icon} onClick={exportFile}>
      {children ?? t('common.exportCsv')}
    </Button>
  );
};

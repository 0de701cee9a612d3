import type { ButtonProps } from '@strapi/design-system';
import { FileCsv, FileXls } from '@strapi/icons';
import {
  rankingExportQuery,
  RANKINGS_EXPORT_URL,
  type ExportFormat,
  type ExportSource,
} from '../../api/rankings';
import { ExportButton } from '../../components/ExportButton';
import { useT } from '../../hooks/useT';

const FORMATS: Array<{ format: ExportFormat; icon: JSX.Element; live: string; snapshot: string }> =
  [
    {
      format: 'xlsx',
      icon: <FileXls />,
      live: 'rankings.export.xlsx',
      snapshot: 'rankings.export.snapshotXlsx',
    },
    {
      format: 'csv',
      icon: <FileCsv />,
      live: 'rankings.export.csv',
      snapshot: 'rankings.export.snapshotCsv',
    },
  ];

/** 导出 Excel / 导出 CSV of the year's ranking, live or as frozen. */
export const RankingExports = ({
  year,
  source,
  variant,
}: {
  year: number;
  source: ExportSource;
  variant: ButtonProps['variant'];
}) => {
  const t = useT();
  return (
    <>
      {FORMATS.map(({ format, icon, ...labels }) => (
        <ExportButton
          key={format}
          url={RANKINGS_EXPORT_URL}
          params={rankingExportQuery(year, format, source)}
          fileName={t('rankings.export.fileName', { year, source, format })}
          icon={icon}
          variant={variant}
        >
          {t(labels[source])}
        </ExportButton>
      ))}
    </>
  );
};

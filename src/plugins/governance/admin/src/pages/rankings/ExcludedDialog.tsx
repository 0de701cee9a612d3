import {
  Box,
  Flex,
  Loader,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useExcludedArticles, type ExcludedArticle, type RankingRow } from '../../api/rankings';
import { FormModal } from '../../components/FormModal';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';

/** Why an article is not counted, as the province reads it. */
const Reason = ({ article }: { article: ExcludedArticle }) => {
  const t = useT();
  if (article.reason === 'trivial') return <>{t('rankings.excluded.trivial')}</>;
  const original = article.duplicateOf;
  const of = original?.title
    ? t('rankings.excluded.original', {
        title: original.title,
        site: original.siteName ?? t('rankings.excluded.unknownSite'),
      })
    : t('rankings.excluded.earlier');
  return (
    <>
      {original?.distance === 0
        ? t('rankings.excluded.copy', { of })
        : t('rankings.excluded.nearCopy', { of })}
    </>
  );
};

/** The published articles of one site and year that its counted figure leaves out, and why. */
export const ExcludedDialog = ({
  row,
  year,
  onClose,
}: {
  row: RankingRow;
  year: number;
  onClose: () => void;
}) => {
  const t = useT();
  const format = useRankingFormat();
  const { data, isLoading, isError } = useExcludedArticles(year, row.site.documentId);
  return (
    <FormModal
      title={t('rankings.excluded.title', { site: row.site.name, year })}
      cancelLabel={t('rankings.excluded.close')}
      onClose={onClose}
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="omega" textColor="neutral600">
          {t('rankings.excluded.explain', {
            raw: format.count(row.rawArticles),
            counted: format.count(row.articles),
          })}
        </Typography>
        {isLoading ? (
          <Flex justifyContent="center" padding={4}>
            <Loader small>{t('rankings.excluded.loading')}</Loader>
          </Flex>
        ) : isError || !data ? (
          <Typography textColor="danger600">{t('rankings.excluded.failed')}</Typography>
        ) : (
          <Box data-testid="excluded-articles">
            <Table colCount={3} rowCount={data.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('rankings.excluded.column.title')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('rankings.excluded.column.date')}</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">{t('rankings.excluded.column.reason')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {data.map((article) => (
                  <Tr key={article.documentId}>
                    <Td style={{ whiteSpace: 'normal' }}>
                      <Typography>{article.title}</Typography>
                    </Td>
                    <Td>
                      <Typography>{format.dateTime(article.firstPublishedAt)}</Typography>
                    </Td>
                    <Td style={{ whiteSpace: 'normal' }}>
                      <Typography>
                        <Reason article={article} />
                      </Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        )}
      </Flex>
    </FormModal>
  );
};

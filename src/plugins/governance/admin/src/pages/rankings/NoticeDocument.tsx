import { styled } from 'styled-components';
import type { AnnualNotice } from '../../api/rankings';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';

/**
 * Official documents (GB/T 9704) set the title in 小标宋, headings in 黑体 and the text in
 * 仿宋; each list falls back to the Noto CJK faces Debian and most desktops have.
 */
const SERIF =
  "FangSong, STFangsong, FangSong_GB2312, 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, serif";
const TITLE =
  "'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, serif";
const HEADING =
  "SimHei, 'Noto Sans CJK SC', 'Source Han Sans SC', 'Heiti SC', 'Microsoft YaHei', sans-serif";

/**
 * A sheet of A4 paper on screen (the margins of GB/T 9704: 37 mm top, 28 mm left, 26 mm right,
 * 35 mm bottom); in print the page itself is the sheet, its margins set by @page.
 */
export const Sheet = styled.article`
  box-sizing: border-box;
  width: 210mm;
  min-height: 297mm;
  margin: 0 auto;
  padding: 37mm 26mm 35mm 28mm;
  background: #fff;
  color: #000;
  box-shadow: 0 1px 4px rgba(33, 33, 52, 0.2);
  font-family: ${SERIF};
  font-size: 16pt;
  line-height: 28pt;

  & + & {
    margin-top: 8mm;
  }

  @media print {
    width: auto;
    min-height: 0;
    padding: 0;
    box-shadow: none;
    & + & {
      margin-top: 0;
      break-before: page;
    }
  }
`;

const Title = styled.h1`
  margin: 0 0 28pt;
  font-family: ${TITLE};
  font-size: 22pt;
  font-weight: bold;
  line-height: 36pt;
  text-align: center;
  /* Two even lines rather than a last line of one word. */
  text-wrap: balance;
`;

const Heading = styled.h2`
  margin: 0;
  font-family: ${HEADING};
  font-size: 16pt;
  font-weight: normal;
  line-height: 28pt;
  text-indent: 2em;
`;

const Paragraph = styled.p`
  margin: 0;
  text-indent: 2em;
  text-align: justify;
`;

/** The red stamp over a document that is not final. */
export const Draft = styled.p`
  margin: 0 0 20pt;
  padding: 6pt 10pt;
  border: 2px solid #c0392b;
  color: #c0392b;
  font-family: ${HEADING};
  font-size: 14pt;
  line-height: 22pt;
  text-align: center;
`;

/** 附件说明: one blank line below the text (GB/T 9704). */
const AttachmentNote = styled(Paragraph)`
  margin-top: 28pt;
`;

const Source = styled.p`
  margin: 28pt 0 0;
  font-size: 12pt;
  line-height: 20pt;
  text-align: right;
  color: #333;
`;

const AttachmentLabel = styled.p`
  margin: 0 0 12pt;
  font-family: ${HEADING};
  font-size: 16pt;
`;

const AttachmentTitle = styled.h2`
  margin: 0 0 16pt;
  font-family: ${TITLE};
  font-size: 18pt;
  font-weight: bold;
  line-height: 28pt;
  text-align: center;
`;

const SectionHeading = styled.h3`
  margin: 16pt 0 6pt;
  font-family: ${HEADING};
  font-size: 14pt;
  font-weight: normal;
  line-height: 22pt;
  break-after: avoid;
`;

const RankTable = styled.table`
  width: 100%;
  border-collapse: collapse;
  font-size: 12pt;
  line-height: 18pt;

  th,
  td {
    border: 1px solid #000;
    padding: 2pt 6pt;
  }
  th {
    font-family: ${HEADING};
    font-weight: normal;
    background: #f2f2f2;
  }
  td:nth-child(2),
  td:nth-child(3),
  td:nth-child(4),
  td:nth-child(5),
  td:nth-child(6) {
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  tr {
    break-inside: avoid;
  }
`;

/** A notice's title and its numbered sections (一、…), in the document's faces; also the 监测通报 draft's. */
export const NoticeBody = ({
  title,
  sections,
}: {
  title: string;
  sections: Array<{ heading: string; paragraphs: string[] }>;
}) => (
  <>
    <Title>{title}</Title>
    {sections.map((section) => (
      <section key={section.heading}>
        <Heading>{section.heading}</Heading>
        {section.paragraphs.map((paragraph, i) => (
          <Paragraph key={i}>{paragraph}</Paragraph>
        ))}
      </section>
    ))}
  </>
);

/** The annual notice as a document: the text, then its attachment, the ranking table per level. */
export const NoticeDocument = ({ notice, testId }: { notice: AnnualNotice; testId?: string }) => {
  const t = useT();
  const format = useRankingFormat();
  return (
    <div data-testid={testId}>
      <Sheet>
        {notice.snapshot ? null : (
          <Draft data-testid={testId ? `${testId}-draft` : undefined}>{t('notice.draft')}</Draft>
        )}
        <NoticeBody title={notice.title} sections={notice.sections} />
        <AttachmentNote>
          {t('notice.seeAttachment', { title: notice.attachment.title })}
        </AttachmentNote>
        <Source>
          {notice.snapshot
            ? t('notice.source.snapshot', {
                version: notice.snapshot.version,
                at: format.dateTime(notice.snapshot.takenAt),
                by: notice.snapshot.takenBy,
              })
            : t('notice.source.live')}
        </Source>
      </Sheet>
      <Sheet>
        <AttachmentLabel>{t('notice.attachment')}</AttachmentLabel>
        <AttachmentTitle>{notice.attachment.title}</AttachmentTitle>
        {notice.attachment.sections.map((section) => (
          <section key={section.heading}>
            <SectionHeading>{section.heading}</SectionHeading>
            <RankTable>
              <colgroup>
                <col style={{ width: '28%' }} />
                <col style={{ width: '18%' }} />
                <col style={{ width: '8%' }} />
                <col style={{ width: '10%' }} />
                <col style={{ width: '10%' }} />
                <col style={{ width: '10%' }} />
                <col />
              </colgroup>
              <thead>
                <tr>
                  {notice.attachment.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.rows.map(
                  ([name, articles, rank, submitted, adopted, adoptionRate, remark], i) => (
                    <tr key={`${i}-${name}`}>
                      <td>{name}</td>
                      <td>{articles}</td>
                      <td>{rank}</td>
                      <td>{submitted}</td>
                      <td>{adopted}</td>
                      <td>{adoptionRate}</td>
                      <td>{remark}</td>
                    </tr>
                  )
                )}
              </tbody>
            </RankTable>
          </section>
        ))}
      </Sheet>
    </div>
  );
};

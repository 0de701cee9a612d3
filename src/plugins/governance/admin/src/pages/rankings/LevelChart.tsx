import { Box, Typography } from '@strapi/design-system';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from 'styled-components';
import type { RankingGroup } from '../../api/rankings';
import { useT } from '../../hooks/useT';
import { useRankingFormat } from './format';

const BAR_HEIGHT = 22;
/** Beyond this the chart scrolls inside its box: the county level lists about a hundred sites. */
const MAX_VISIBLE_HEIGHT = 520;

/** One horizontal bar per site, in rank order: the articles each site of a level published. */
export const LevelChart = ({ group }: { group: RankingGroup }) => {
  const t = useT();
  const theme = useTheme();
  const format = useRankingFormat();
  const data = group.rows.map((row) => ({
    code: row.site.code,
    name: row.site.name,
    articles: row.articles,
  }));
  const names = new Map(data.map((d) => [d.code, d.name]));
  // Names are Chinese, about one 12px glyph each; the axis is as wide as the longest.
  const axisWidth = Math.min(240, 12 * Math.max(...data.map((d) => d.name.length)) + 16);
  const height = data.length * BAR_HEIGHT + 40;
  const label = t('rankings.column.articles');

  const scrolls = height > MAX_VISIBLE_HEIGHT;

  return (
    <>
      <Box
        maxHeight={`${MAX_VISIBLE_HEIGHT}px`}
        overflow="auto"
        paddingRight={4}
        data-testid={`ranking-chart-${group.level}`}
        aria-label={t('rankings.chart.label', { level: t(`level.${group.level}`) })}
        role="img"
      >
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 56, bottom: 4, left: 8 }}
            barCategoryGap={4}
          >
            <CartesianGrid horizontal={false} stroke={theme.colors.neutral150} />
            <XAxis
              type="number"
              tick={{ fontSize: 12, fill: theme.colors.neutral600 }}
              tickFormatter={(n: number) => format.count(n)}
              orientation="top"
            />
            <YAxis
              type="category"
              dataKey="code"
              width={axisWidth}
              interval={0}
              tick={{ fontSize: 12, fill: theme.colors.neutral800 }}
              tickFormatter={(code: string) => names.get(code) ?? code}
            />
            <Tooltip
              cursor={{ fill: theme.colors.primary100 }}
              labelFormatter={(code) => names.get(String(code)) ?? String(code)}
              formatter={(value) => [format.count(Number(value)), label]}
            />
            <Bar
              dataKey="articles"
              name={label}
              fill={theme.colors.primary600}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="articles"
                position="right"
                fontSize={12}
                fill={theme.colors.neutral700}
                formatter={(n) => format.count(Number(n))}
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
      {scrolls ? (
        <Typography variant="pi" textColor="neutral600">
          {t('rankings.chart.scroll', { sites: data.length })}
        </Typography>
      ) : null}
    </>
  );
};

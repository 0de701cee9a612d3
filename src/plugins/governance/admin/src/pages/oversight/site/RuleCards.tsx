import { Flex, Grid, Typography } from '@strapi/design-system';
import { VETO_RULES, type RuleVerdict } from '../../../api/oversight';
import { RaisedBox } from '../../../components/Panel';
import { RuleStatusBadge, STATUS_COLORS, StatusDot } from '../../../components/RuleStatusBadge';
import { useT } from '../../../hooks/useT';
import { measureOf, outlookOf } from '../verdicts';

/** One rule: its light, what is measured against where it trips, and how far off that is. */
const RuleCard = ({ verdict }: { verdict: RuleVerdict }) => {
  const t = useT();
  const outlook = outlookOf(t, verdict);
  return (
    <RaisedBox
      padding={5}
      width="100%"
      height="100%"
      borderColor={verdict.status === 'ok' ? undefined : STATUS_COLORS[verdict.status].dot}
      data-testid={`oversight-rule-${verdict.rule}`}
    >
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Flex gap={2} justifyContent="space-between" width="100%">
          <Flex gap={2}>
            <StatusDot status={verdict.status} />
            <Typography variant="delta" tag="h3">
              {t(`oversight.rule.${verdict.rule}`)}
            </Typography>
          </Flex>
          <RuleStatusBadge status={verdict.status} />
        </Flex>
        <Typography>{measureOf(t, verdict)}</Typography>
        {outlook ? (
          <Typography
            variant="pi"
            fontWeight={verdict.status === 'ok' ? undefined : 'semiBold'}
            textColor={verdict.status === 'ok' ? 'neutral600' : STATUS_COLORS[verdict.status].text}
          >
            {outlook}
          </Typography>
        ) : null}
      </Flex>
    </RaisedBox>
  );
};

/** 单项否决指标: a card per veto rule, in the rules' order. */
export const RuleCards = ({ rules }: { rules: RuleVerdict[] }) => {
  const t = useT();
  const byRule = new Map(rules.map((verdict) => [verdict.rule, verdict]));
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {t('oversight.site.rules')}
      </Typography>
      <Grid.Root gap={4}>
        {VETO_RULES.flatMap((rule) => {
          const verdict = byRule.get(rule);
          return verdict
            ? [
                <Grid.Item key={rule} col={4} s={6} xs={12}>
                  <RuleCard verdict={verdict} />
                </Grid.Item>,
              ]
            : [];
        })}
      </Grid.Root>
    </Flex>
  );
};

import { Flex, Link, Typography } from '@strapi/design-system';
import { Link as RouterLink } from 'react-router-dom';
import {
  FINDING_RULES,
  siteOversightPath,
  useOwnOversight,
  type RuleStatus,
  type RuleVerdict,
  type SiteOversightDetail,
  type VetoRule,
} from '../api/oversight';
import { useT, type Translate } from '../hooks/useT';
import { useOversightFormat } from '../pages/oversight/format';
import { columnDaysLeft } from '../pages/oversight/verdicts';
import { RuleStatusBadge, STATUS_COLORS, StatusDot } from './RuleStatusBadge';

/** One thing to do, as urgent as the rule it answers. */
interface Todo {
  text: string;
  status: RuleStatus;
}

/** Column names listed in a sentence; past a handful, the first ones and how many in all. */
const NAMES_SHOWN = 5;

const SEVERITY: Record<RuleStatus, number> = { tripped: 0, warning: 1, ok: 2 };

/**
 * What the site must do next, in plain words, from its verdicts: the home page to update, the
 * columns gone or going stale, the empty ones, the messages to answer, the rectification tasks.
 */
const todosOf = (
  t: Translate,
  site: SiteOversightDetail,
  localDate: (ymd: string) => string
): Todo[] => {
  const rule = (name: VetoRule): RuleVerdict | undefined =>
    site.rules.find((verdict) => verdict.rule === name);
  const names = (list: string[]) => {
    const separator = t('oversight.separator');
    return list.length <= NAMES_SHOWN
      ? list.join(separator)
      : t('oversight.todo.andMore', {
          names: list.slice(0, NAMES_SHOWN).join(separator),
          count: list.length,
        });
  };
  const todos: Todo[] = [];

  const home = rule('homePage');
  if (home && home.status !== 'ok') {
    if (home.value === null)
      todos.push({ text: t('oversight.todo.homePage.never'), status: home.status });
    else if (home.status === 'tripped')
      todos.push({
        text: t('oversight.todo.homePage.tripped', { days: home.value }),
        status: 'tripped',
      });
    else
      todos.push({
        text: t('oversight.todo.homePage.warning', { days: home.value, left: home.daysLeft ?? 0 }),
        status: 'warning',
      });
  }

  const stale = site.columns.filter((column) => column.stale).map((column) => column.name);
  if (stale.length > 0) {
    const tripped = rule('staleColumns')?.status === 'tripped';
    todos.push({
      text: t(tripped ? 'oversight.todo.stale.tripped' : 'oversight.todo.stale', {
        columns: names(stale),
      }),
      status: tripped ? 'tripped' : 'warning',
    });
  }
  const soon = site.columns.flatMap((column) => {
    const left = columnDaysLeft(column);
    return !column.stale && left !== null && left <= site.warnDays
      ? [t('oversight.todo.columnLeft', { name: column.name, days: left })]
      : [];
  });
  if (soon.length > 0)
    todos.push({
      text: t('oversight.todo.soonStale', { columns: names(soon) }),
      status: 'warning',
    });

  const longIdle = rule('longIdleColumns');
  if (longIdle && longIdle.status !== 'ok') {
    todos.push({
      text: t(`oversight.todo.longIdle.${longIdle.status}`, {
        count: longIdle.value ?? 0,
        threshold: longIdle.threshold ?? '–',
        left: longIdle.daysLeft ?? 0,
      }),
      status: longIdle.status,
    });
  }

  const empty = site.columns.filter((column) => column.empty).map((column) => column.name);
  if (empty.length > 0) {
    const status = rule('emptyColumns')?.status ?? 'ok';
    todos.push({
      text: t(`oversight.todo.empty.${status}`, { columns: names(empty) }),
      status: status === 'ok' ? 'warning' : status,
    });
  }

  const message = rule('unansweredMessage');
  if (message && message.status !== 'ok' && message.value !== null) {
    todos.push({
      text: t(`oversight.todo.unanswered.${message.status}`, {
        days: message.value,
        left: message.daysLeft ?? 0,
      }),
      status: message.status,
    });
  }
  // 内容巡检: serious faults online, to correct, take offline or judge 误报.
  for (const name of FINDING_RULES) {
    const verdict = rule(name);
    if (verdict?.status === 'tripped')
      todos.push({
        text: t(`oversight.todo.${name}`, { count: verdict.value ?? 0 }),
        status: 'tripped',
      });
  }
  if (site.replies.overdue > 0) {
    todos.push({
      text: t('oversight.todo.overdueMessages', { count: site.replies.overdue }),
      status: 'warning',
    });
  }

  for (const task of site.rectifications) {
    if (task.status !== 'open') continue;
    const values = { title: task.notice.title, deadline: localDate(task.deadline) };
    let key = 'oversight.todo.rectification';
    if (task.overdue) key = 'oversight.todo.rectification.overdue';
    else if (task.reviewComment) key = 'oversight.todo.rectification.returned';
    todos.push({ text: t(key, values), status: task.overdue ? 'tripped' : 'warning' });
  }

  return todos.sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);
};

const TodoLine = ({ todo }: { todo: Todo }) => (
  <Flex gap={2} alignItems="flex-start">
    <Flex paddingTop={1}>
      <StatusDot status={todo.status} />
    </Flex>
    <Typography
      variant="pi"
      textColor={todo.status === 'tripped' ? STATUS_COLORS.tripped.text : 'neutral800'}
    >
      {todo.text}
    </Typography>
  </Flex>
);

const SiteTodos = ({ site }: { site: SiteOversightDetail }) => {
  const t = useT();
  const format = useOversightFormat();
  const todos = todosOf(t, site, format.localDate);
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={2}
      data-testid={`oversight-widget-${site.site.code}`}
    >
      <Flex gap={2} justifyContent="space-between">
        <Link tag={RouterLink} to={siteOversightPath(site.site.documentId)}>
          {site.site.name}
        </Link>
        <RuleStatusBadge status={site.status} />
      </Flex>
      {todos.length > 0 ? (
        todos.map((todo, index) => <TodoLine key={index} todo={todo} />)
      ) : (
        <TodoLine todo={{ text: t('oversight.todo.allOk'), status: 'ok' }} />
      )}
    </Flex>
  );
};

/** The home page's "本站监测" widget: each of the user's sites against the veto rules, and what to do next. */
export const OversightWidget = () => {
  const t = useT();
  const { data, isLoading, isError } = useOwnOversight();
  if (isLoading) return <Typography variant="pi">{t('oversight.loading')}</Typography>;
  if (isError || !data)
    return (
      <Typography variant="pi" textColor="danger600">
        {t('oversight.loadFailed')}
      </Typography>
    );
  if (data.length === 0)
    return (
      <Typography variant="pi" textColor="neutral600">
        {t('oversight.widget.noSites')}
      </Typography>
    );
  const sites = [...data].sort((a, b) => SEVERITY[a.status] - SEVERITY[b.status]);
  return (
    <Flex direction="column" alignItems="stretch" gap={5} data-testid="oversight-widget">
      {sites.map((site) => (
        <SiteTodos key={site.site.documentId} site={site} />
      ))}
    </Flex>
  );
};

export default OversightWidget;

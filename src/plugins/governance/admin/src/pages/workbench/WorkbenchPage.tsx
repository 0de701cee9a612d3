import { Box, Flex, Grid, Link, Typography } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { OVERSIGHT_PATH } from '../../api/oversight';
import {
  useWorkbench,
  type ArticleTodos,
  type MessageTodos,
  type Workbench,
  type WorkbenchProfile,
} from '../../api/workbench';
import { OversightWidget } from '../../components/OversightWidget';
import { Panel, PanelNote } from '../../components/Panel';
import { TONES } from '../../components/ToneBadge';
import { useHeldActions } from '../../hooks/useHeldActions';
import { useNameOf, useT, type Translate } from '../../hooks/useT';
import { useLocalTime } from '../../hooks/useLocalTime';
import { waited } from '../review/waited';

const PLUGIN = '/plugins/governance';
const ARTICLES = '/content-manager/collection-types/api::article.article';

/** The article list filtered by a review state, as its own filter bar writes it. */
const articlesIn = (status: string) =>
  `${ARTICLES}?page=1&filters[$and][0][reviewStatus][$eq]=${status}`;

/** How loud a count is when it is not zero: to act on now, soon, or in the day's course. */
type Urgency = 'danger' | 'warning' | 'primary';
const URGENCY_COLOR: Record<Urgency, string> = {
  danger: TONES.danger.text,
  warning: TONES.warningStrong.text,
  primary: TONES.primary.text,
};

/** One thing to do: what, how many, and the list it opens on, already filtered. */
interface Todo {
  id: string;
  label: string;
  count: number;
  unit: string;
  to: string;
  urgency: Urgency;
  hint?: string;
}

const TodoRow = ({ todo }: { todo: Todo }) => (
  <Box
    paddingLeft={5}
    paddingRight={5}
    paddingTop={3}
    paddingBottom={3}
    borderStyle="solid"
    borderWidth="1px 0 0 0"
    borderColor="neutral150"
    data-testid={`todo-${todo.id}`}
  >
    <Flex justifyContent="space-between" alignItems="center" gap={4}>
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Link tag={RouterLink} to={todo.to}>
          {todo.label}
        </Link>
        {todo.hint ? (
          <Typography variant="pi" textColor="neutral600">
            {todo.hint}
          </Typography>
        ) : null}
      </Flex>
      <Flex gap={1} alignItems="baseline" shrink={0}>
        <Typography
          variant="beta"
          tag="span"
          textColor={todo.count > 0 ? URGENCY_COLOR[todo.urgency] : 'neutral500'}
          data-testid={`todo-${todo.id}-count`}
        >
          {todo.count}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {todo.unit}
        </Typography>
      </Flex>
    </Flex>
  </Box>
);

/** A part of the day's work: its heading and its to-dos. */
const TodoPanel = ({
  id,
  title,
  hint,
  todos,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  todos: Todo[];
  children?: ReactNode;
}) => (
  <Panel title={title} hint={hint} testId={`workbench-${id}`}>
    {children}
    <Box paddingBottom={2}>
      {todos.map((todo) => (
        <TodoRow key={todo.id} todo={todo} />
      ))}
    </Box>
  </Panel>
);

/** The site names of the caller's memberships, each once. */
const siteNames = (profile: WorkbenchProfile, t: Translate) =>
  [...new Set(profile.sites.map((site) => site.name))].join(t('workbench.separator'));

type Unit = 'articles' | 'messages' | 'sites' | 'accounts';

/**
 * A to-do named by its key under `workbench.` (`articles.rejected`: 被退回…), which also gives
 * its test id (`todo-articles-rejected`).
 */
const todoOf =
  (t: Translate) =>
  (
    key: string,
    count: number,
    unit: Unit,
    to: string,
    urgency: Urgency,
    more: { hint?: string; values?: Record<string, number> } = {}
  ): Todo => ({
    id: key.split('.').join('-'),
    label: t(`workbench.${key}`, more.values),
    count,
    unit: t(`workbench.unit.${unit}`),
    to,
    urgency,
    hint: more.hint,
  });

/** How urgent each of a handler's inbox tabs is. */
const TAB_URGENCY = {
  toSign: 'primary',
  dueSoon: 'warning',
  overdue: 'danger',
  pendingExtension: 'primary',
} as const satisfies Record<keyof MessageTodos, Urgency>;

/** The panels of a site's people: their sites' articles, their reviews, their messages. */
const sitePanels = (data: Workbench, t: Translate) => {
  const todo = todoOf(t);
  const panels: ReactNode[] = [];
  const sites = siteNames(data.profile, t);
  const { articles, review, messages } = data;
  if (articles) {
    const article = (status: keyof ArticleTodos, urgency: Urgency) =>
      todo(`articles.${status}`, articles[status], 'articles', articlesIn(status), urgency);
    const todos = [article('rejected', 'danger'), article('draft', 'primary')];
    if (articles.withdrawn > 0) todos.push(article('withdrawn', 'primary'));
    panels.push(
      <TodoPanel
        key="articles"
        id="articles"
        title={t('workbench.articles.title')}
        hint={sites ? t('workbench.articles.hint', { sites }) : undefined}
        todos={todos}
      />
    );
  }
  if (review)
    panels.push(
      <TodoPanel
        key="review"
        id="review"
        title={t('workbench.review.title')}
        todos={[
          todo(
            'review.toReview',
            review.toReview,
            'articles',
            `${PLUGIN}/review?tab=toReview`,
            'primary',
            {
              hint: review.oldestWaitingSince
                ? t('workbench.review.oldest', { waited: waited(review.oldestWaitingSince, t) })
                : t('workbench.review.none'),
            }
          ),
        ]}
      />
    );
  if (messages)
    panels.push(
      <TodoPanel
        key="messages"
        id="messages"
        title={t('workbench.messages.title')}
        hint={sites ? t('workbench.messages.hint', { sites }) : undefined}
        todos={(Object.keys(TAB_URGENCY) as Array<keyof MessageTodos>).map((tab) =>
          todo(
            `messages.${tab}`,
            messages[tab],
            'messages',
            `${PLUGIN}/messages?tab=${tab}`,
            TAB_URGENCY[tab]
          )
        )}
      />
    );
  return panels;
};

/** When the daily oversight check ran, in the group's time, its zone named. */
const useCheckedAt = (at: string | null | undefined) => {
  const t = useT();
  const { formatDate, zoneName } = useLocalTime();
  return at
    ? t('workbench.group.sites.checkedAt', {
        at: formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }),
        zone: zoneName,
      })
    : null;
};

/** The province's panels: the group's sites, messages and accounts. */
const GroupPanels = ({ data }: { data: Workbench }) => {
  const t = useT();
  const todo = todoOf(t);
  const group = data.group;
  const checkedAt = useCheckedAt(group?.sites?.checkedAt);
  if (!group) return null;
  const { sites, overdueMessages, extensions, passwords } = group;
  const panels: ReactNode[] = [];
  if (sites)
    panels.push(
      <Panel key="sites" title={t('workbench.group.sites.title')} testId="workbench-sites">
        <PanelNote>{checkedAt ?? t('workbench.group.sites.judgedNow')}</PanelNote>
        <Box paddingBottom={2}>
          {(['tripped', 'warning'] as const).map((status) => (
            <TodoRow
              key={status}
              todo={todo(
                `group.sites.${status}`,
                sites[status],
                'sites',
                `${OVERSIGHT_PATH}?status=${status}`,
                status === 'tripped' ? 'danger' : 'warning'
              )}
            />
          ))}
        </Box>
      </Panel>
    );
  const messageTodos: Todo[] = [];
  if (overdueMessages !== null)
    messageTodos.push(
      todo(
        'group.messages.overdue',
        overdueMessages,
        'messages',
        `${PLUGIN}/messages?tab=overdue`,
        'danger'
      )
    );
  if (extensions !== null)
    messageTodos.push(
      todo(
        'group.messages.extensions',
        extensions,
        'messages',
        `${PLUGIN}/messages?tab=pendingExtension`,
        'primary'
      )
    );
  if (messageTodos.length > 0)
    panels.push(
      <TodoPanel
        key="group-messages"
        id="group-messages"
        title={t('workbench.group.messages.title')}
        todos={messageTodos}
      />
    );
  if (passwords)
    panels.push(
      <TodoPanel
        key="passwords"
        id="passwords"
        title={t('workbench.group.passwords.title')}
        todos={[
          todo(
            'group.passwords.expired',
            passwords.expired,
            'accounts',
            `${PLUGIN}/accounts?filter=expired`,
            'danger'
          ),
          todo(
            'group.passwords.dueSoon',
            passwords.dueSoon,
            'accounts',
            `${PLUGIN}/accounts?filter=dueSoon`,
            'warning',
            {
              values: { days: passwords.withinDays },
            }
          ),
        ]}
      />
    );
  return (
    <>
      {panels.map((panel, index) => (
        <Cell key={index}>{panel}</Cell>
      ))}
    </>
  );
};

const Cell = ({ children }: { children: ReactNode }) => (
  <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
    {children}
  </Grid.Item>
);

/**
 * 您好，李华 · 编辑 · 西安市: who is at work, as what, for which sites. A site's people by what
 * they do there (their membership's capacity: 站点负责人, 审核员…), the province by its roles.
 */
const useGreeting = (profile: WorkbenchProfile) => {
  const t = useT();
  const roleName = useNameOf('role');
  const separator = t('workbench.separator');
  const duties =
    profile.groupWide || profile.sites.length === 0
      ? profile.roles.map(roleName)
      : [...new Set(profile.sites.map((site) => t(`capacity.${site.capacity}`)))];
  const sites = profile.groupWide ? t('workbench.allSites') : siteNames(profile, t);
  return {
    title: t('workbench.greeting', { name: profile.name }),
    subtitle: [duties.join(separator), sites].filter(Boolean).join(' · '),
  };
};

const WorkbenchView = ({ data }: { data: Workbench }) => {
  const t = useT();
  const { can } = useHeldActions();
  const greeting = useGreeting(data.profile);
  const site = sitePanels(data, t);
  // Each site member's own standing against the veto rules; the province reads the group's.
  const ownStanding = !data.profile.groupWide && can(['oversightOwn']);
  const empty = site.length === 0 && !data.group && !ownStanding;
  return (
    <Page.Main>
      <Page.Title>{t('workbench.title')}</Page.Title>
      <Layouts.Header title={greeting.title} subtitle={greeting.subtitle} />
      <Layouts.Content>
        {empty ? (
          <Panel title={t('workbench.title')}>
            <PanelNote>{t('workbench.nothing')}</PanelNote>
          </Panel>
        ) : (
          <Grid.Root gap={4}>
            <GroupPanels data={data} />
            {site.map((panel, index) => (
              <Cell key={index}>{panel}</Cell>
            ))}
            {ownStanding ? (
              <Cell>
                <Panel title={t('oversight.widget.title')} testId="workbench-own-oversight">
                  <Box padding={5} paddingTop={0}>
                    <OversightWidget />
                  </Box>
                </Panel>
              </Cell>
            ) : null}
          </Grid.Root>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

/**
 * 工作台: the admin's home page in place of Strapi's, for every account. What waits for the user
 * in each part of their job, each count opening its list already filtered; the server answers
 * only the parts their permissions and sites cover.
 */
export const WorkbenchPage = () => {
  const { data, isLoading, isError } = useWorkbench();
  if (isLoading) return <Page.Loading />;
  if (isError || !data) return <Page.Error />;
  return <WorkbenchView data={data} />;
};

export default WorkbenchPage;

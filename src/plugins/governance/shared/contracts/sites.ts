/** The sites-and-people routes: shared by the server's sites service and the admin page. */
import type { SiteLevel } from './overview';

export const CAPACITIES = ['leader', 'editor', 'reviewer', 'approver', 'handler'] as const;
export type Capacity = (typeof CAPACITIES)[number];
/** What a member of a site is called in each capacity (the server's texts; the admin's translations say the same). */
export const CAPACITY_NAMES: Record<Capacity, string> = {
  leader: '站点负责人',
  editor: '编辑',
  reviewer: '审核员',
  approver: '终审人',
  handler: '留言办理员',
};

export interface Member {
  membershipId: number;
  userId: number;
  name: string;
  email: string;
  capacity: Capacity;
  active: boolean;
}

/** GET /governance/sites: one node of the site tree. */
export interface SiteNode {
  documentId: string;
  code: string;
  name: string;
  level: SiteLevel;
  active: boolean;
  responsiblePerson: string | null;
  members: Member[];
  children: SiteNode[];
}

/** GET /governance/sites/users */
export interface UserOption {
  id: number;
  name: string;
  email: string;
  active: boolean;
}

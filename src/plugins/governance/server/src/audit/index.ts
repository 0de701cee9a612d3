import auditEntry from './content-types/audit-entry/schema.json';
import auditHead from './content-types/audit-head/schema.json';
import controller from './controller';
import loginFailures from './login-failures';
import { adminRoutes } from './routes';
import service from './service';

/** 操作日志: the append-only audit trail, its keyed hash chain and signed checkpoints. */
export default {
  contentTypes: { 'audit-entry': { schema: auditEntry }, 'audit-head': { schema: auditHead } },
  controller,
  service,
  loginFailures,
  routes: { admin: adminRoutes },
};

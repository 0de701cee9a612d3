/**
 * Boots the real Strapi once per test file on a fresh database and exposes its HTTP server to
 * supertest. Call `startApp()` in `beforeAll` and `app.stop()` in `afterAll`.
 */
import { createStrapi, type Core } from '@strapi/strapi';
import path from 'path';
import request from 'supertest';
import { createTestDatabase, testSecrets } from './database';

export const appDir = path.join(__dirname, '..', '..');
const distDir = path.join(appDir, '.tmp', 'test-dist');

export interface TestApp {
  strapi: Core.Strapi;
  http: () => ReturnType<typeof request>;
  stop(): Promise<void>;
}

export const startApp = async (label: string): Promise<TestApp> => {
  const database = await createTestDatabase(label);
  Object.assign(process.env, testSecrets(), database.env);

  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  await strapi.server.mount();

  return {
    strapi,
    http: () => request(strapi.server.httpServer),
    async stop() {
      await strapi.destroy();
      await database.drop();
    },
  };
};

export interface TestAdmin {
  id: number;
  email: string;
  password: string;
  token: string;
}

let adminSerial = 0;

/** An admin user with the given role, logged in through the real /admin/login route. */
export const createAdmin = async (
  app: TestApp,
  roleCode = 'strapi-super-admin',
  firstname = '测试'
): Promise<TestAdmin> => {
  adminSerial += 1;
  const email = `admin${adminSerial}.${roleCode}@test.example`;
  const password = 'Test-Passw0rd!';
  const role = await app.strapi.service('admin::role').findOne({ code: roleCode });
  const user = await app.strapi.service('admin::user').create({
    firstname,
    lastname: `${adminSerial}`,
    email,
    password,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const login = await app.http().post('/admin/login').send({ email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { id: user.id, email, password, token: login.body.data.token };
};

import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = typeof services;

/** The plugin's services, typed by their factories: no service-name strings elsewhere. */
export const getService = <TName extends keyof Services>(
  strapi: Core.Strapi,
  name: TName
): ReturnType<Services[TName]> => strapi.plugin('governance').service(name);

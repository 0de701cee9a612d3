import { GridNine } from '@strapi/icons';

export const PluginIcon = () => <GridNine />;

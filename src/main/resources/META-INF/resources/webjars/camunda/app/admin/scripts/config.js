// Greenlight's settings for Camunda Admin (overrides the webjar's config.js).
export default {
  app: {
    name: 'Admin',
    vendor: 'Greenlight'
  },
  customScripts: ['../greenlight/single-sign-on']
};

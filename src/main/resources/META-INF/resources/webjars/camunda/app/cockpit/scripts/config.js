// Greenlight's settings for Camunda Cockpit (overrides the webjar's config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'Greenlight'
  },
  customScripts: ['../greenlight/single-sign-on']
};
